package org.pledgegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.bench.FrontsBench;
import org.pledgegraph.bench.PlainFuseki;
import org.pledgegraph.bench.Wrk;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "remote", mixinStandardHelpOptions = true,
        description = {"The remote path against embedded TDB2, and one serve --store-url front against two, on copies of a loaded store.",
                "The store folder is copied twice into the work folder (never written): a standalone Fuseki serves one copy "
                        + "as the remote store, the other is opened embedded. Every catalog query and one event add + remove "
                        + "are timed on both, alternating; then wrk reads through one front and through two. Prints Markdown tables."})
final class BenchRemoteCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "DIR", required = true, description = "A loaded, derived TDB2 store (only read).")
    Path store;

    @Option(names = "--repeat", description = "Timed repetitions per query, alternating (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int repeat;

    @Option(names = "--connections", description = "wrk connections in all (two fronts: half each) (default: ${DEFAULT-VALUE}).",
            defaultValue = "8")
    int connections;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Length of each timed wrk run (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Untimed wrk run on each front first (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int warmup;

    @Option(names = "--rounds", description = "Timed wrk rounds of one front and of two, alternating (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int rounds;

    @Option(names = "--heap", paramLabel = "SIZE", description = "-Xmx of the store and of each front (default: ${DEFAULT-VALUE}).",
            defaultValue = "2g")
    String heap;

    @Option(names = "--fuseki-jar", paramLabel = "JAR", description = "The jena-fuseki-server jar that serves the store (default: fetched with Maven into WORK/fuseki).")
    Path fusekiJar;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).", defaultValue = "target/bench")
    Path work;

    @Option(names = "--project", paramLabel = "DIR", description = "Folder with ontology/ and queries/ (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (Wrk.missing() != null) {
            out.println("bench remote: skipped: " + Wrk.missing());
            out.flush();
            return 0;
        }
        if (repeat < 1 || connections < 2 || duration < 1 || warmup < 1 || rounds < 1) {
            throw new UserException("--repeat, --duration, --warmup and --rounds must be at least 1, --connections at least 2");
        }
        if (!Files.isDirectory(store) || !Files.isDirectory(project.resolve("queries"))) {
            throw new UserException("--store " + store + " must be a TDB2 store folder, and " + project.toAbsolutePath() + " hold queries/");
        }
        out.println(BenchCommand.machine());
        Path jar = fusekiJar != null ? fusekiJar : PlainFuseki.jar(work.resolve("fuseki"));
        String tables = new FrontsBench(new FrontsBench.Settings(store, work, project, jar, repeat, connections,
                Duration.ofSeconds(duration), Duration.ofSeconds(warmup), rounds, heap), out).run();
        out.println();
        out.println(tables);
        out.flush();
        return 0;
    }
}
