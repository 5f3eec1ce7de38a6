package org.pledgegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.bench.PageBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "pages", mixinStandardHelpOptions = true,
        description = {"Measure the web pages (entity, commitment, summit, the commitments dashboard, the query page) "
                + "on a served TDB2 store of synthetic data of about the given size, as GETs over loopback, after a "
                + "warm-up; /$/ping on the same server is the baseline. Then, in the process, the status queries (a page, every "
                + "row) and the dashboard question (record an event, the first 100 statuses by date) beside the way it was "
                + "asked before. Prints Markdown tables (ms)."})
final class BenchPagesCommand implements Callable<Integer> {
    @Option(names = "--size", paramLabel = "TRIPLES", description = "Target size in triples (default: ${DEFAULT-VALUE}).",
            defaultValue = "1000000")
    long size;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "target/bench")
    Path work;

    @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--repeat", description = "Timed requests per page (default: ${DEFAULT-VALUE}).", defaultValue = "30")
    int repeat;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Untimed rounds of every page for at least this "
            + "long first (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int warmup;

    @Option(names = "--project", paramLabel = "DIR", description = "Folder with ontology/ (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Option(names = "--keep", description = "Keep the generated data and store.")
    boolean keep;

    @Option(names = "--reuse", description = "Serve the store a run with --keep left in --work (same size and seed) instead of generating and loading again.")
    boolean reuse;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (repeat < 1 || warmup < 0 || size < 1000) {
            throw new UserException("--repeat must be at least 1, --warmup at least 0 and --size at least 1000");
        }
        if (!Files.isDirectory(project.resolve("ontology"))) {
            throw new UserException("no ontology/ in " + project.toAbsolutePath() + " (run from the project, or pass --project)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(BenchCommand.machine());
        PageBench.Result r = new PageBench(new PageBench.Settings(size, work, seed, repeat, Duration.ofSeconds(warmup),
                project, keep || reuse, reuse), out).run();
        out.printf(Locale.ROOT, "%n%,d triples (%d summits), loaded and materialized in %,d ms; %d timed GETs per page.%n%n",
                r.triples(), r.summits(), r.loadMs(), repeat);
        out.println("| page | path | status | KB | p50 ms | p90 ms | min ms | p50 / ping |");
        out.println("|---|---|---|---|---|---|---|---|");
        double ping = r.timings().get(0).p50();
        for (PageBench.Timing t : r.timings()) {
            out.printf(Locale.ROOT, "| %s | `%s` | %d | %.0f | %.1f | %.1f | %.1f | %.0f× |%n", t.page(), t.path(), t.status(),
                    t.bytes() / 1024.0, t.p50(), t.p90(), t.min(), t.p50() / ping);
        }
        out.printf(Locale.ROOT, "%nIn the process, on the same store (ms; the baseline row answers the dashboard question by working out every status, as the dashboard did before):%n%n");
        out.println("| question | p50 ms | p90 ms | min ms |");
        out.println("|---|---|---|---|");
        for (PageBench.Timing t : r.inProcess()) {
            out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", t.page(), t.p50(), t.p90(), t.min());
        }
        out.flush();
        return 0;
    }
}
