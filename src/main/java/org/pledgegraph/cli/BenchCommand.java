package org.pledgegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.bench.Bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {HttpBenchCommand.class, SoakCommand.class, BenchPagesCommand.class,
        BenchCatalogCommand.class, BenchRemoteCommand.class},
        description = {"Measure load, full materialization, recomputation after one recorded event, status --as-of and "
                + "the catalog queries on synthetic data of about the given sizes, each in a fresh TDB2 store; and, "
                + "within a bound, Jena's OWLMicro reasoner answering the same activation question.",
                "Prints Markdown tables. Run it on a quiet machine; give the JVM room (PLEDGEGRAPH_JAVA_OPTS=-Xmx6g)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", paramLabel = "TRIPLES",
            description = "Target sizes in triples (default: ${DEFAULT-VALUE}).", defaultValue = "10000,100000,1000000,10000000")
    List<Long> sizes;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder for data and stores (default: ${DEFAULT-VALUE}).",
            defaultValue = "target/bench")
    Path work;

    @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--repeat", description = "Timed repetitions, after the warm-up (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int repeat;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Untimed rounds of record / ask / retract, then of "
            + "what-if, for at least this long each before the timed ones, so that the JIT has compiled what a running "
            + "server has long compiled (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int warmup;

    @Option(names = "--project", paramLabel = "DIR", description = "Folder with ontology/ and queries/ (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Option(names = "--baseline-bound", paramLabel = "SECONDS",
            description = "Stop the OWLMicro baseline after this long (default: ${DEFAULT-VALUE}).", defaultValue = "300")
    long baselineBound;

    @Option(names = "--baseline-max", paramLabel = "TRIPLES",
            description = "Do not start the baseline above this size (default: ${DEFAULT-VALUE}).", defaultValue = "1000000")
    long baselineMax;

    @Option(names = "--baseline-heap", paramLabel = "SIZE", description = "Heap of the baseline JVM (default: ${DEFAULT-VALUE}).",
            defaultValue = "6g")
    String baselineHeap;

    @Option(names = "--keep", description = "Keep the generated data and stores.")
    boolean keep;

    @Option(names = "--store-url", paramLabel = "URL", description = "Instead: measure the SPARQL 1.1 store at URL side by "
            + "side with embedded TDB2 (load, every catalog query, event add + remove), at each --sizes. It DROPS ALL of that store.")
    String storeUrl;

    @Option(names = "--store-update-url", paramLabel = "URL", description = "With --store-url: its update endpoint.")
    String storeUpdateUrl;

    @Option(names = "--store-data-url", paramLabel = "URL", description = "With --store-url: its Graph Store endpoint.")
    String storeDataUrl;

    @Option(names = "--store-credentials", paramLabel = "FILE", description = "With --store-url: a 'user: password' line.")
    Path storeCredentials;

    @Option(names = "--load-baselines", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also load each file with tdb2.tdbloader (jena-cmds 5.6.0 from ~/.m2) and Oxigraph (npm, installed into "
                    + "the work folder; skipped with the reason without network), each in its own process (default: ${DEFAULT-VALUE}).")
    boolean loadBaselines;

    @Option(names = "--load-only", description = "Only the load: `load FILE` (derivation included, in its own JVM, into a store "
            + "holding the repository) beside tdb2.tdbloader and Oxigraph on the same file, --repeat rounds alternating the three.")
    boolean loadOnly;

    @Option(names = "--load-file", paramLabel = "FILE", description = "With --load-only: this N-Triples file instead of generated ones.")
    Path loadFile;

    @Option(names = "--load-heap", paramLabel = "SIZE", description = "With --load-only: the heap of our load and of "
            + "tdb2.tdbloader (default: ${DEFAULT-VALUE}).", defaultValue = "4g")
    String loadHeap;

    @Option(names = "--load-before", paramLabel = "JAR", description = "With --load-only: also run `load FILE` from this jar (an "
            + "earlier build) in every round, for before and after from one run.")
    Path loadBefore;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (repeat < 1 || warmup < 1 || sizes.stream().anyMatch(s -> s < 1000)) {
            throw new UserException("--repeat and --warmup must be at least 1 and every size at least 1000");
        }
        if (!Files.isDirectory(project.resolve("ontology"))) {
            throw new UserException("no ontology/ in " + project.toAbsolutePath() + " (run from the project, or pass --project)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(machine());
        if (storeUrl != null) {
            try (org.pledgegraph.store.RemoteStore remote = org.pledgegraph.store.RemoteStore.connect(
                    org.pledgegraph.store.RemoteEndpoints.of(storeUrl, storeUpdateUrl, storeDataUrl, storeCredentials))) {
                for (long size : sizes) {
                    var rows = new org.pledgegraph.bench.RemoteBench(project, work, seed, repeat, out).run(size, remote);
                    out.println();
                    out.println(org.pledgegraph.bench.RemoteBench.table(size, storeUrl, rows));
                    out.flush();
                }
            }
            return 0;
        }
        if (loadOnly || loadFile != null) {
            return loadOnly(out);
        }
        Bench bench = new Bench(new Bench.Settings(sizes, work, seed, repeat, Duration.ofSeconds(warmup), project, Duration.ofSeconds(baselineBound),
                baselineMax, baselineHeap, keep, loadBaselines), out);
        List<Bench.Result> results = bench.run();
        out.println();
        out.println(table(results));
        out.flush();
        return 0;
    }

    private int loadOnly(PrintWriter out) throws IOException {
        var bench = new org.pledgegraph.bench.LoadBench(project, work, loadHeap, repeat, loadBaselines, baselineBound, out);
        if (loadBefore != null) {
            if (!Files.isRegularFile(loadBefore)) {
                throw new UserException("no such jar: " + loadBefore);
            }
            bench.withBefore(loadBefore.toAbsolutePath());
        }
        List<org.pledgegraph.bench.LoadBench.Row> rows = new java.util.ArrayList<>();
        if (loadFile != null) {
            if (!Files.isRegularFile(loadFile)) {
                throw new UserException("no such file: " + loadFile);
            }
            long triples;
            try (var lines = Files.lines(loadFile)) {
                triples = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            }
            rows.add(bench.file(loadFile, triples));
        } else {
            for (long size : sizes) {
                rows.add(bench.generated(seed, size));
            }
        }
        out.println();
        out.println(org.pledgegraph.bench.LoadBench.table(rows));
        out.println(org.pledgegraph.bench.LoadBench.cpuTable(rows));
        out.flush();
        return 0;
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        String mem = "?";
        try {
            mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "machine: %d cores, %s, max heap %d MB, Java %s (%s), %s %s",
                rt.availableProcessors(), mem, rt.maxMemory() / (1024 * 1024), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static String table(List<Bench.Result> results) {
        StringBuilder t = new StringBuilder();
        t.append("| target | triples | load ms | materialize ms | inferred | event add ms | event remove ms | focus | "
                + "status ms (rows) | active query ms | add+active ms | what-if ms | active | focused = full |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Bench.Result r : results) {
            t.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %.1f | %.1f | %d | %.1f (%d) | %.1f | %.1f | %.1f | %d | %s |%n",
                    r.target(), r.triples(), r.loadMs(), r.materializeMs(), r.inferred(), r.addMs(), r.removeMs(), r.focus(),
                    r.statusMs(), r.statusRows(), r.answerMs(), r.questionMs(), r.whatIfMs(), r.active(), r.focusedEqualsFull()));
        }
        t.append("\nLoad of the same N-Triples file, side by side in this run (ours: `load FILE --graph`, bulk loader then "
                + "derivation; tdb2.tdbloader: no derivation, its own timer; Oxigraph: in memory, no derivation), and the dashboard "
                + "question (record the event, then the first 100 rows of the status sorted by date):\n\n");
        t.append("| target | triples | ours ms | of which derivation ms | ours triples/s | peak heap MB | tdb2.tdbloader ms | ours / tdbloader "
                + "| Oxigraph ms | ours / Oxigraph | dashboard ms (query ms) |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Bench.Result r : results) {
            Bench.LoadFigures l = r.load();
            t.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,.0f | %,d | %s | %s | %s | %s | %.1f (%.1f) |%n", r.target(), r.triples(),
                    l.oursMs(), l.deriveMs(), r.triples() * 1000.0 / Math.max(1, l.oursMs()), l.peakHeapMb(),
                    l.tdbloader().ran() ? String.format(Locale.ROOT, "%,d", l.tdbloader().ms()) : l.tdbloader().note(),
                    l.tdbloader().ran() ? String.format(Locale.ROOT, "%.2f", (double) l.oursMs() / l.tdbloader().ms()) : "-",
                    l.oxigraph().ran() ? String.format(Locale.ROOT, "%,d", l.oxigraph().ms()) : l.oxigraph().note(),
                    l.oxigraph().ran() ? String.format(Locale.ROOT, "%.2f", (double) l.oursMs() / l.oxigraph().ms()) : "-",
                    l.dashboardMs(), l.dashboardQueryMs()));
        }
        t.append("\nAgainst OWLMicro, same question, same answers (ratio = OWLMicro ms / ours ms):\n\n");
        t.append("| target | OWLMicro incremental ms | OWLMicro rebuild ms | ours add+active ms | ours what-if ms | "
                + "incremental / add+active | rebuild / add+active | incremental / what-if | rebuild / what-if | same answer |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Bench.Result r : results) {
            Bench.OwlMicroAnswer b = r.baseline();
            if (b == null || !b.finished()) {
                t.append(String.format(Locale.ROOT, "| %,d | %s | - | %.1f | %.1f | - | - | - | - | - |%n", r.target(),
                        b == null ? "-" : b.outcome(), r.questionMs(), r.whatIfMs()));
                continue;
            }
            t.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %.1f | %.1f | %.0f× | %.0f× | %.0f× | %.0f× | %s |%n",
                    r.target(), b.incrementalMs(), b.rebuildMs(), r.questionMs(), r.whatIfMs(),
                    b.incrementalMs() / r.questionMs(), b.rebuildMs() / r.questionMs(),
                    b.incrementalMs() / r.whatIfMs(), b.rebuildMs() / r.whatIfMs(),
                    b.sameAnswer(r) ? "yes" : "NO (" + b.active() + ", " + b.rebuildActive() + ")"));
        }
        t.append("\nCatalog query latency (ms, median):\n\n| target |");
        List<String> names = results.isEmpty() ? List.of() : List.copyOf(results.get(0).catalogMs().keySet());
        names.forEach(n -> t.append(' ').append(n).append(" |"));
        t.append("\n|---|").append("---|".repeat(names.size())).append('\n');
        for (Bench.Result r : results) {
            t.append(String.format(Locale.ROOT, "| %,d |", r.target()));
            names.forEach(n -> {
                double ms = r.catalogMs().getOrDefault(n, Double.NaN);
                t.append(ms == Bench.TIMED_OUT ? " > " + Bench.CATALOG_TIMEOUT_S + " s |" : String.format(Locale.ROOT, " %.1f |", ms));
            });
            t.append('\n');
        }
        return t.toString();
    }
}
