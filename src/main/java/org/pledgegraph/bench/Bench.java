package org.pledgegraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.activation.EventLedger;
import org.pledgegraph.activation.Hypothesis;
import org.pledgegraph.activation.Materializer;
import org.pledgegraph.activation.OccurrenceKind;
import org.pledgegraph.activation.StatusListing;
import org.pledgegraph.activation.StatusReport;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.store.Derivation;
import org.pledgegraph.store.Store;

/**
 * The benchmark: for each size, generate synthetic data, load it into a fresh TDB2 store, materialize the rules,
 * record and retract one awaited event (the focused refresh), ask status as of a date and the catalog queries; then
 * give Jena's OWLMicro reasoner the same data and event and ask it the same activation question, in its own JVM,
 * within a bound. Wall-clock times; medians over the repetitions, after untimed warm-up rounds of the event and
 * of what-if for {@code --warmup} seconds each (one round for status and the catalog, which run long enough to warm
 * themselves); the baseline warms itself likewise (see {@link org.pledgegraph.bench.Baseline}).
 */
public final class Bench {
    public record Settings(List<Long> sizes, Path work, long seed, int repeat, Duration warmup, Path project, Duration baselineBound,
            long baselineMax, String baselineHeap, boolean keep, boolean loadBaselines) {}

    /**
     * The load, side by side: ours ({@code load FILE --graph}: bulk loader, then derivation) in ms, with the part
     * that derived and the peak heap; {@code tdb2.tdbloader} and Oxigraph on the same file, each in its own process.
     * Then the dashboard question: record the event and list the first 100 rows of the status sorted by date.
     */
    public record LoadFigures(long oursMs, long deriveMs, long peakHeapMb, LoadBaselines.Figure tdbloader,
            LoadBaselines.Figure oxigraph, double dashboardMs, double dashboardQueryMs) {}

    public record Result(long target, int summits, long triples, long loadMs, long materializeMs, long inferred,
            double addMs, double removeMs, int focus, double statusMs, int statusRows, double answerMs, double questionMs,
            double whatIfMs, int active,
            String fingerprint, String focusedEqualsFull, Map<String, Double> catalogMs, OwlMicroAnswer baseline,
            String event, LocalDate on, LocalDate asOf, LoadFigures load) {
        Result withBaseline(OwlMicroAnswer b) {
            return new Result(target, summits, triples, loadMs, materializeMs, inferred, addMs, removeMs, focus, statusMs,
                    statusRows, answerMs, questionMs, whatIfMs, active, fingerprint, focusedEqualsFull, catalogMs, b, event, on, asOf, load);
        }
    }

    /**
     * OWLMicro's answers: {@code incrementalMs} adds the occurrence to a prepared InfModel and asks; {@code rebuildMs}
     * builds and prepares a new one with it and asks (see {@link org.pledgegraph.bench.Baseline}). -1 when not run.
     */
    public record OwlMicroAnswer(String outcome, long incrementalMs, long rebuildMs, int active, String fingerprint,
            int rebuildActive, String rebuildFingerprint) {
        static OwlMicroAnswer notRun(String why) {
            return new OwlMicroAnswer(why, -1, -1, -1, "", -1, "");
        }

        public boolean finished() {
            return incrementalMs >= 0;
        }

        /** Both of OWLMicro's answers equal ours. */
        public boolean sameAnswer(Result ours) {
            return fingerprint.equals(ours.fingerprint()) && active == ours.active()
                    && rebuildFingerprint.equals(ours.fingerprint()) && rebuildActive == ours.active();
        }
    }

    /** A catalog query is stopped after this long; the table then says so. */
    public static final int CATALOG_TIMEOUT_S = 30;
    public static final double TIMED_OUT = -1;

    static final Node SYNTHETIC_GRAPH = Vocab.iri(Vocab.sourceGraph("synthetic"));

    private final Settings settings;
    private final PrintWriter log;

    public Bench(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    public List<Result> run() throws IOException {
        Files.createDirectories(settings.work());
        List<Result> results = new ArrayList<>();
        for (long size : settings.sizes()) {
            results.add(runOne(size));
        }
        return results;
    }

    private Result runOne(long target) throws IOException {
        SyntheticData generator = new SyntheticData(settings.seed());
        int summits = summitsFor(target);
        Path data = settings.work().resolve("synthetic-" + target + ".nt");
        long triples = generator.write(summits, data);
        note("size %d: %d summits, %d triples in %s", target, summits, triples, data);

        Path dir = settings.work().resolve("store-" + target);
        deleteTree(dir);
        Materializer rules = Materializer.fromRules();
        Result result;
        LoadFigures loadFigures;
        long loadMs;
        long deriveMs;
        long peakHeap;
        try (Store store = Store.open(dir)) {
            // the ontology first (the rules read it), then the data as `load FILE --graph` loads it: bulk, then derive
            store.setDerivation(Derivation.NONE);
            store.write(dsg -> load(dsg, settings.project().resolve("ontology"), null));
            store.setDerivation(rules);
            System.gc();
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            org.pledgegraph.load.BulkLoad.Result[] done = new org.pledgegraph.load.BulkLoad.Result[1];
            Materializer.withBound(Duration.ofHours(6),
                    () -> done[0] = new org.pledgegraph.load.BulkLoad(store, log).load(List.of(data), SYNTHETIC_GRAPH));
            org.pledgegraph.load.BulkLoad.Result loaded = done[0];
            peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
            loadMs = loaded.millis();
            deriveMs = loaded.deriveMillis();
            note("  loaded (bulk loader, then derivation) in %d ms, of which derivation %d ms; peak heap %d MB", loadMs, deriveMs, peakHeap);
        }
        LoadBaselines.Figure tdb = LoadBaselines.Figure.skipped("not run (--no-load-baselines)");
        LoadBaselines.Figure oxi = tdb;
        if (settings.loadBaselines()) {
            // the store is closed (its cache given back) while the baselines run
            LoadBaselines baselines = new LoadBaselines(settings.work(), settings.baselineBound().toSeconds());
            tdb = baselines.tdbloader(data, SYNTHETIC_GRAPH.getURI(), settings.baselineHeap());
            note("  tdb2.tdbloader: %s", tdb);
            oxi = baselines.oxigraph(data);
            note("  oxigraph: %s", oxi);
        }
        try (Store store = Store.open(dir)) {
            store.setDerivation(rules);
            long t0 = System.nanoTime();
            Materializer.withBound(Duration.ofHours(6), () -> store.write(rules::recomputeAll));
            long materializeMs = ms(t0);
            long inferred = store.read(d -> (long) d.getGraph(Vocab.iri(Vocab.GRAPH_INFERRED)).size());
            note("  full rerun of the rules over %d inferred triples in %d ms", inferred, materializeMs);

            // The event: the latest awaited ceasefire not yet recorded, entering into force ten days after the last
            // summit, so that the question "what is active the day after" concerns every commitment made so far.
            int k = (summits - 1) / SyntheticData.SUMMITS_PER_AWAITED_EVENT;
            while (SyntheticData.occurred(k)) {
                k--;
            }
            String event = SyntheticData.awaitedEvent(k * SyntheticData.SUMMITS_PER_AWAITED_EVENT);
            LocalDate on = SyntheticData.summitDate(summits - 1).plusDays(10);
            LocalDate asOf = on.plusDays(1);

            String focusedEqualsFull = "not checked";
            if (triples <= 200_000) {
                focusedEqualsFull = checkFocusedEqualsFull(store, rules, event, on) ? "yes" : "NO";
            }
            // One recorded event, repeatedly: record, ask which commitments are active the day after, retract.
            List<Double> answers = new ArrayList<>();
            List<Double> adds = new ArrayList<>();
            List<Double> removes = new ArrayList<>();
            List<Double> questions = new ArrayList<>();
            List<String> active = List.of();
            long warmUntil = System.nanoTime() + settings.warmup().toNanos();
            for (int r = 0, timedRounds = 0; timedRounds < settings.repeat(); r++) {
                boolean timed = r > 0 && System.nanoTime() >= warmUntil;
                long a = System.nanoTime();
                EventLedger.add(store, OccurrenceKind.ENTRY_INTO_FORCE, event, on, null, "benchmark");
                long b = System.nanoTime();
                active = activeNow(store, asOf);
                long c = System.nanoTime();
                EventLedger.remove(store, OccurrenceKind.ENTRY_INTO_FORCE, event);
                long d = System.nanoTime();
                if (timed) {
                    timedRounds++;
                    adds.add((b - a) / 1e6);
                    answers.add((c - b) / 1e6);
                    removes.add((d - c) / 1e6);
                    questions.add((c - a) / 1e6);
                }
            }
            // The same question supposed rather than recorded: nothing is written, so no commit.
            List<Double> whatIfs = new ArrayList<>();
            warmUntil = System.nanoTime() + settings.warmup().toNanos();
            for (int r = 0; whatIfs.size() < settings.repeat(); r++) {
                boolean timed = r > 0 && System.nanoTime() >= warmUntil;
                long a = System.nanoTime();
                List<String> supposed = activeIfEvent(store, event, on, asOf);
                long b = System.nanoTime();
                if (timed) {
                    whatIfs.add((b - a) / 1e6);
                }
                if (!ActiveQuestion.fingerprint(supposed).equals(ActiveQuestion.fingerprint(active))) {
                    throw new IllegalStateException("what-if and recorded answers disagree: " + supposed.size() + " vs " + active.size());
                }
            }
            int focus = store.read(dsg -> focusSize(dsg, event));
            note("  event add %.1f ms, remove %.1f ms, active query %.1f ms for %d, what-if %.1f ms (medians of %d)",
                    median(adds), median(removes), median(answers), active.size(), median(whatIfs), settings.repeat());

            // status --as-of, with the event recorded: the full report. Lists every commitment, so it is slow on
            // big stores; it runs fewer times there. Its active rows must be the active query's answer.
            EventLedger.add(store, OccurrenceKind.ENTRY_INTO_FORCE, event, on, null, "benchmark");
            boolean big = triples > 2_000_000;
            List<Double> statuses = new ArrayList<>();
            int rows = 0;
            for (int r = big ? 1 : 0; r <= (big ? 1 : settings.repeat()); r++) {
                long a = System.nanoTime();
                RowSet status = StatusReport.asOf(store, AsOfQuery.STATUS, asOf);
                long b = System.nanoTime();
                List<String> act = new ArrayList<>();
                int n = 0;
                while (status.hasNext()) {
                    var row = status.next();
                    n++;
                    if (row.get("status").getURI().endsWith("/active")) {
                        act.add(row.get("commitment").getURI());
                    }
                }
                if (r > 0) {
                    statuses.add((b - a) / 1e6);
                }
                rows = n;
                if (!ActiveQuestion.fingerprint(act).equals(ActiveQuestion.fingerprint(active))) {
                    throw new IllegalStateException("status --as-of and the active query disagree: " + act.size() + " vs " + active.size());
                }
            }
            EventLedger.remove(store, OccurrenceKind.ENTRY_INTO_FORCE, event);
            note("  status --as-of %.1f ms for %d rows (median of %d)", median(statuses), rows, statuses.size());

            // The dashboard question: record the event, then the first 100 rows of the status sorted by date (the
            // latest change first: StatusListing, what /commitments shows), with the count of each status.
            List<Double> dashboards = new ArrayList<>();
            List<Double> dashboardQueries = new ArrayList<>();
            for (int r = 0; r <= settings.repeat(); r++) {
                long a = System.nanoTime();
                EventLedger.add(store, OccurrenceKind.ENTRY_INTO_FORCE, event, on, null, "benchmark");
                long b = System.nanoTime();
                StatusListing.Page first = store.query(v -> StatusListing.page(v, asOf, StatusListing.Filters.NONE, 100, null));
                long c = System.nanoTime();
                EventLedger.remove(store, OccurrenceKind.ENTRY_INTO_FORCE, event);
                if (r > 0) {
                    dashboards.add((c - a) / 1e6);
                    dashboardQueries.add((c - b) / 1e6);
                }
                if (first.rows().size() != Math.min(100, rows) || first.total() != rows) {
                    throw new IllegalStateException("the dashboard listed " + first.rows().size() + " rows of " + first.total());
                }
                long activeCount = first.counts().get("active");
                if (activeCount != active.size()) {
                    throw new IllegalStateException("the dashboard counts " + activeCount + " active, the active query " + active.size());
                }
            }
            note("  dashboard: record + first 100 by date %.1f ms (the query %.1f ms)", median(dashboards), median(dashboardQueries));
            loadFigures = new LoadFigures(loadMs, deriveMs, peakHeap, tdb, oxi, median(dashboards), median(dashboardQueries));

            Map<String, Double> catalog = catalog(store, big ? 1 : Math.min(settings.repeat(), 3), !big);
            result = new Result(target, summits, triples, loadMs, materializeMs, inferred, median(adds), median(removes),
                    focus, median(statuses), rows, median(answers), median(questions), median(whatIfs), active.size(),
                    ActiveQuestion.fingerprint(active), focusedEqualsFull, catalog, null, event, on, asOf, loadFigures);
        }
        // The store is closed (its memory given back) before the baseline's JVM starts.
        OwlMicroAnswer baseline = triples <= settings.baselineMax()
                ? baseline(data, result.event(), result.on(), result.asOf())
                : OwlMicroAnswer.notRun("not run: over --baseline-max " + settings.baselineMax());
        note("  baseline: %s", baseline);
        result = result.withBaseline(baseline);
        if (!settings.keep()) {
            deleteTree(dir);
            Files.deleteIfExists(data);
        }
        return result;
    }

    private static List<String> activeNow(Store store, LocalDate asOf) {
        return store.read(d -> {
            List<String> iris = new ArrayList<>();
            collectActive(d, asOf, iris);
            return iris;
        });
    }

    /**
     * queries/active-as-of.rq, the catalog's form of the question, without its ORDER BY: the question is a set, as
     * the baseline asks it ({@link ActiveQuestion#sparql}); sorting 10^4 IRIs for display is not part of it.
     */
    private static void collectActive(DatasetGraph dsg, LocalDate asOf, List<String> iris) {
        Query question = AsOfQuery.ACTIVE.on(asOf);
        question.getOrderBy().clear();
        try (QueryExec exec = QueryExec.dataset(dsg).query(question).build()) {
            exec.select().forEachRemaining(b -> iris.add(b.get("commitment").getURI()));
        }
    }

    /** What `status --active --what-if` does: suppose the event in a write transaction, answer, abort. */
    private static List<String> activeIfEvent(Store store, String event, LocalDate on, LocalDate asOf) {
        return StatusReport.inAbortedWrite(store, dsg -> {
            StatusReport.suppose(store, dsg, new Hypothesis(OccurrenceKind.ENTRY_INTO_FORCE, Vocab.iri(event), on));
            List<String> iris = new ArrayList<>();
            collectActive(dsg, asOf, iris);
            return iris;
        });
    }

    private static void load(DatasetGraph dsg, Path ontology, Path data) {
        dsg.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        Node ontologyGraph = Vocab.iri(Vocab.GRAPH_ONTOLOGY);
        try (Stream<Path> files = Files.list(ontology)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                RDFParser.source(f).lang(Lang.TURTLE).parse(into(dsg, ontologyGraph));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (data != null) {
            RDFParser.source(data).lang(Lang.NTRIPLES).parse(into(dsg, SYNTHETIC_GRAPH));
        }
    }

    private static StreamRDFBase into(DatasetGraph dsg, Node graph) {
        return new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
            }
        };
    }

    private boolean checkFocusedEqualsFull(Store store, Materializer rules, String event, LocalDate on) {
        EventLedger.add(store, OccurrenceKind.ENTRY_INTO_FORCE, event, on, null, "benchmark check");
        TreeSet<String> focused = store.read(Bench::inferred);
        store.write(rules::recomputeAll);
        boolean same = focused.equals(store.read(Bench::inferred));
        EventLedger.remove(store, OccurrenceKind.ENTRY_INTO_FORCE, event);
        TreeSet<String> afterRemove = store.read(Bench::inferred);
        store.write(rules::recomputeAll);
        return same && afterRemove.equals(store.read(Bench::inferred));
    }

    private static TreeSet<String> inferred(DatasetGraph dsg) {
        TreeSet<String> set = new TreeSet<>();
        dsg.find(Vocab.iri(Vocab.GRAPH_INFERRED), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> set.add(q.asTriple().toString()));
        return set;
    }

    /** How many conditions and commitments the event touches (plus the occurrence and the event). */
    private static int focusSize(DatasetGraph dsg, String event) {
        return 2 + EventLedger.waitingFor(dsg, Vocab.iri(event)).size();
    }

    private Map<String, Double> catalog(Store store, int timed, boolean warmUp) throws IOException {
        Map<String, Double> times = new LinkedHashMap<>();
        Path queries = settings.project().resolve("queries");
        if (!Files.isDirectory(queries)) {
            return times;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(queries)) {
            files = list.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        for (Path file : files) {
            Query query = QueryRunner.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            List<Double> runs = new ArrayList<>();
            for (int r = warmUp ? 0 : 1; r <= timed; r++) {
                long t = System.nanoTime();
                boolean finished = store.read(d -> {
                    try (QueryExec exec = QueryExec.dataset(d).query(query).timeout(CATALOG_TIMEOUT_S, TimeUnit.SECONDS).build()) {
                        if (query.isSelectType()) {
                            RowSet rs = exec.select();
                            while (rs.hasNext()) {
                                rs.next();
                            }
                        } else if (query.isAskType()) {
                            exec.ask();
                        } else {
                            exec.construct().size();
                        }
                        return true;
                    } catch (QueryCancelledException e) {
                        return false;
                    }
                });
                if (!finished) {
                    runs.clear();
                    runs.add(TIMED_OUT);
                    break;
                }
                if (r > 0) {
                    runs.add((System.nanoTime() - t) / 1e6);
                }
            }
            times.put(file.getFileName().toString(), median(runs));
        }
        note("  catalog: %s", times);
        return times;
    }

    private OwlMicroAnswer baseline(Path data, String event, LocalDate on, LocalDate asOf) {
        List<String> command = List.of(javaBinary(), "-Xmx" + settings.baselineHeap(), "-cp", System.getProperty("java.class.path"),
                org.pledgegraph.bench.Baseline.class.getName(), data.toString(),
                settings.project().resolve("ontology").toString(), event, on.toString(), asOf.toString());
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            Process p = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    r.lines().forEach(output::add);
                } catch (IOException ignored) {
                    // the process was stopped
                }
            });
            reader.start();
            if (!process.waitFor(settings.baselineBound().toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return OwlMicroAnswer.notRun("did not finish within " + settings.baselineBound().toSeconds() + " s");
            }
            reader.join();
            for (String line : output) {
                if (line.startsWith("BASELINE ")) {
                    Map<String, String> kv = new LinkedHashMap<>();
                    for (String part : line.substring(9).split(" ")) {
                        String[] pair = part.split("=", 2);
                        kv.put(pair[0], pair[1]);
                    }
                    return new OwlMicroAnswer("finished", Long.parseLong(kv.get("incremental_ms")), Long.parseLong(kv.get("rebuild_ms")),
                            Integer.parseInt(kv.get("active")), kv.get("fingerprint"), Integer.parseInt(kv.get("rebuild_active")),
                            kv.get("rebuild_fingerprint"));
                }
            }
            String last = output.stream().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
                    .orElse(output.isEmpty() ? "no output" : output.get(output.size() - 1));
            return OwlMicroAnswer.notRun("failed (exit " + process.exitValue() + "): " + last);
        } catch (IOException e) {
            return OwlMicroAnswer.notRun("could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                process.destroyForcibly();
            }
            return OwlMicroAnswer.notRun("interrupted");
        }
    }

    private int summitsFor(long target) {
        return summitsFor(settings.seed(), target);
    }

    /** How many summits the generator needs for about {@code target} triples. */
    static int summitsFor(long seed, long target) {
        CountingSink fixed = new CountingSink();
        new SyntheticData(seed).write(0, fixed);
        CountingSink hundred = new CountingSink();
        new SyntheticData(seed).write(100, hundred);
        double perSummit = (hundred.count - fixed.count) / 100.0;
        return (int) Math.max(1, Math.round((target - fixed.count) / perSummit));
    }

    private static final class CountingSink extends StreamRDFBase {
        long count;

        @Override
        public void triple(Triple triple) {
            count++;
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void note(String format, Object... args) {
        log.printf(format + "%n", args);
        log.flush();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
