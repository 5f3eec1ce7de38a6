package org.pledgegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.bench.HttpBench;
import org.pledgegraph.bench.PlainFuseki;
import org.pledgegraph.bench.Wrk;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Measure the server over HTTP against plain Fuseki (the jena-fuseki-server jar of the same Jena "
                + "version, fetched with Maven once): the same synthetic TDB2 store, two copies, each server its own "
                + "process with the same heap; wrk on /$/ping, a point lookup, active-as-of and a COUNT at each "
                + "concurrency, the two servers alternating; medians over the rounds and peak resident memory.",
                "Needs wrk (Debian: apt-get install wrk); without it, prints why and does nothing."})
final class HttpBenchCommand implements Callable<Integer> {
    @Option(names = "--summits", description = "Synthetic summits (about 250 triples each; 4000 gives about 10^6) (default: ${DEFAULT-VALUE}).",
            defaultValue = "400")
    int summits;

    @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--connections", split = ",", description = "Concurrent connections, one measure each (default: ${DEFAULT-VALUE}).",
            defaultValue = "1,8")
    List<Integer> connections;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Length of each timed wrk run (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int duration;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Untimed wrk run on each server before the rounds of each measure (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int warmup;

    @Option(names = "--rounds", description = "Timed runs per server and measure, alternating (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    int rounds;

    @Option(names = "--heap", paramLabel = "SIZE", description = "-Xmx of each server (default: ${DEFAULT-VALUE}).", defaultValue = "2g")
    String heap;

    @Option(names = "--fuseki-jar", paramLabel = "JAR", description = "The jena-fuseki-server jar to compare with (default: fetched with Maven into WORK/fuseki).")
    Path fusekiJar;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).", defaultValue = "target/bench")
    Path work;

    @Option(names = "--project", paramLabel = "DIR", description = "Folder with ontology/ (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String missing = Wrk.missing();
        if (missing != null) {
            out.println("bench http: skipped: " + missing);
            out.flush();
            return 0;
        }
        if (summits < 1 || duration < 1 || warmup < 0 || rounds < 1 || connections.stream().anyMatch(c -> c < 1)) {
            throw new UserException("--summits, --duration, --rounds and every --connections must be at least 1");
        }
        if (!Files.isDirectory(project.resolve("ontology"))) {
            throw new UserException("no ontology/ in " + project.toAbsolutePath() + " (run from the project, or pass --project)");
        }
        out.println(BenchCommand.machine());
        HttpBench.Result result = new HttpBench(new HttpBench.Settings(summits, seed, work, project, Duration.ofSeconds(duration),
                Duration.ofSeconds(warmup), rounds, connections, heap, fusekiJar), out).run();
        out.println();
        out.println(HttpBench.table(result, "Fuseki " + PlainFuseki.jenaVersion()));
        out.flush();
        return 0;
    }
}
