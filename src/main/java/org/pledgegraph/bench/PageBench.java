package org.pledgegraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.activation.CommitmentStatus;
import org.pledgegraph.activation.EventLedger;
import org.pledgegraph.activation.Materializer;
import org.pledgegraph.activation.OccurrenceKind;
import org.pledgegraph.activation.StatusListing;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.store.Derivation;
import org.pledgegraph.store.Store;
import org.pledgegraph.web.Links;
import org.pledgegraph.web.Web;

/**
 * {@code bench pages}: how long the web pages take on a served store of synthetic data ({@link SyntheticData}, the
 * data {@code bench} uses), measured as a browser asks for them: HTTP GETs over loopback to a {@link PledgeServer}
 * with the web front, one at a time, after a warm-up. {@code /$/ping} on the same server in the same run is the
 * baseline: what any request costs, so that each page's figure can be read as a ratio to it.
 */
public final class PageBench {
    public record Settings(long size, Path work, long seed, int repeat, Duration warmup, Path project, boolean keep, boolean reuse) {}

    /** One page's latencies in ms: median, 90th percentile, fastest, and the size of its HTML. */
    public record Timing(String page, String path, int status, long bytes, double p50, double p90, double min) {}

    public record Result(long triples, int summits, long loadMs, List<Timing> timings, List<Timing> inProcess) {}

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Node SYNTHETIC_GRAPH = Vocab.iri(Vocab.sourceGraph("synthetic"));

    private final Settings settings;
    private final PrintWriter log;

    public PageBench(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    public Result run() throws IOException {
        Files.createDirectories(settings.work());
        int summits = summitsFor(settings.seed(), settings.size());
        Path data = settings.work().resolve("pages-" + settings.size() + ".nt");
        Path dir = settings.work().resolve("pages-store-" + settings.size());
        boolean reusing = settings.reuse() && Files.isDirectory(dir);
        long triples = -1;
        if (!reusing) {
            triples = new SyntheticData(settings.seed()).write(summits, data);
            note("%d summits, %d triples in %s", summits, triples, data);
            deleteTree(dir);
        }
        try (Store store = Store.open(dir)) {
            long t0 = System.nanoTime();
            Materializer rules = Materializer.fromRules();
            if (reusing) {
                triples = store.tripleCount();
                note("reusing %s (%d triples, %d summits)", dir, triples, summits);
            } else {
                store.setDerivation(Derivation.NONE);
                store.write(dsg -> {
                    load(dsg, settings.project().resolve("ontology"), data);
                    rules.recomputeAll(dsg);
                });
            }
            store.setDerivation(rules);
            long loadMs = reusing ? 0 : (System.nanoTime() - t0) / 1_000_000;
            note("loaded and materialized in %d ms", loadMs);

            PledgeServer server = PledgeServer.start(store, ServerSettings.defaults().withPort(0),
                    List.of(new Web(store, Links.w3id(), settings.project())));
            List<Timing> pages;
            try {
                pages = measure(server.baseUrl(), summits);
            } finally {
                server.close();
            }
            return new Result(triples, summits, loadMs, pages, statusQuestions(store, summits));
        } finally {
            if (!settings.keep()) {
                deleteTree(dir);
                Files.deleteIfExists(data);
            }
        }
    }

    private List<Timing> measure(String base, int summits) {
        int middle = summits / 2;
        LocalDate asOf = SyntheticData.summitDate(summits - 1).plusDays(1);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("baseline: /$/ping", "/$/ping");
        pages.put("entity page (a person)", "/id/person/synthetic-person-0-0");
        pages.put("commitment page", "/id/commitment/synthetic-" + middle + "-0");
        pages.put("summit page", "/id/summit/synthetic-summit-" + middle);
        pages.put("entity page (a state: every commitment to or by it links in)", "/id/state/synthetic-state-0");
        pages.put("dashboard /commitments", "/commitments?asOf=" + asOf);
        pages.put("dashboard, one guarantor", "/commitments?asOf=" + asOf + "&guarantor="
                + Vocab.ID.replace(":", "%3A").replace("/", "%2F") + "state%2Fsynthetic-state-0");
        pages.put("query page with a catalog query", "/query?name=commitments");

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long warmEnd = System.nanoTime() + settings.warmup().toNanos();
        int rounds = 0;
        do {
            for (String path : pages.values()) {
                get(client, base + path);
            }
            rounds++;
        } while (System.nanoTime() < warmEnd);
        note("warm-up: %d rounds of every page", rounds);

        List<Timing> timings = new ArrayList<>();
        pages.forEach((name, path) -> {
            List<Double> ms = new ArrayList<>();
            HttpResponse<byte[]> last = null;
            for (int i = 0; i < settings.repeat(); i++) {
                long t0 = System.nanoTime();
                last = get(client, base + path);
                ms.add((System.nanoTime() - t0) / 1e6);
                if (last == null) {
                    break; // timed out: once is enough to say so
                }
            }
            ms.sort(Comparator.naturalOrder());
            timings.add(new Timing(name, path, last == null ? -1 : last.statusCode(), last == null ? 0 : last.body().length,
                    percentile(ms, 50), percentile(ms, 90), ms.get(0)));
            note("%s: p50 %.1f ms (HTTP %d)", name, percentile(ms, 50), last == null ? -1 : last.statusCode());
        });
        return timings;
    }

    /**
     * In the process, on the same store: the status queries as shipped (a page) and as {@code status} runs them (every
     * row), and the dashboard question (record an event, then the first 100 statuses by date with the count of each):
     * {@link StatusListing}'s page against the baseline of the same run, the way it was asked before (every
     * commitment's status from status-as-of.rq, then the 100 latest by date). Each row checks its answer.
     */
    private List<Timing> statusQuestions(Store store, int summits) {
        int k = (summits - 1) / SyntheticData.SUMMITS_PER_AWAITED_EVENT;
        while (SyntheticData.occurred(k)) {
            k--;
        }
        String event = SyntheticData.awaitedEvent(k * SyntheticData.SUMMITS_PER_AWAITED_EVENT);
        LocalDate on = SyntheticData.summitDate(summits - 1).plusDays(10);
        LocalDate asOf = on.plusDays(1);
        int everyRepeat = Math.max(1, Math.min(3, settings.repeat()));
        List<Timing> out = new ArrayList<>();
        long commitments = store.query(v -> StatusListing.counts(v, asOf, StatusListing.Filters.NONE))
                .values().stream().mapToLong(Long::longValue).sum();
        out.add(time("status-as-of.rq, the catalog's page (100 rows)", settings.repeat(),
                () -> check(store.query(v -> count(v.select(AsOfQuery.STATUS.page(asOf, null, 100)))), 100)));
        out.add(time("active-as-of.rq, the catalog's page (100 rows)", settings.repeat(),
                () -> check(store.query(v -> count(v.select(AsOfQuery.ACTIVE.page(asOf, null, 100)))), 100)));
        out.add(time("status-as-of.rq, every row (what `status` prints)", everyRepeat,
                () -> check(store.query(v -> count(v.select(AsOfQuery.STATUS.on(asOf)))), commitments)));
        out.add(time("dashboard question: record the event, first 100 by date + counts", settings.repeat(), () -> {
            EventLedger.add(store, OccurrenceKind.ENTRY_INTO_FORCE, event, on, null, "benchmark");
            try {
                StatusListing.Page first = store.query(v -> StatusListing.page(v, asOf, StatusListing.Filters.NONE, 100, null));
                check(first.rows().size(), 100);
            } finally {
                EventLedger.remove(store, OccurrenceKind.ENTRY_INTO_FORCE, event);
            }
        }));
        out.add(time("baseline: the same from every status (status-as-of.rq without its page), then the latest 100", everyRepeat, () -> {
            EventLedger.add(store, OccurrenceKind.ENTRY_INTO_FORCE, event, on, null, "benchmark");
            try {
                List<CommitmentStatus> all = store.query(v -> CommitmentStatus.from(v.select(AsOfQuery.STATUS.on(asOf))));
                check(all.stream().sorted(java.util.Comparator.comparing(CommitmentStatus::activeFromDay,
                        java.util.Comparator.nullsLast(java.util.Comparator.<LocalDate>reverseOrder()))).limit(100).count(), 100);
            } finally {
                EventLedger.remove(store, OccurrenceKind.ENTRY_INTO_FORCE, event);
            }
        }));
        return out;
    }

    private Timing time(String name, int repeat, Runnable body) {
        body.run(); // warm
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            body.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(Comparator.naturalOrder());
        note("%s: p50 %.1f ms", name, percentile(ms, 50));
        return new Timing(name, "(in process)", 0, 0, percentile(ms, 50), percentile(ms, 90), ms.get(0));
    }

    private static long count(org.apache.jena.sparql.exec.RowSet rows) {
        long n = 0;
        while (rows.hasNext()) {
            rows.next();
            n++;
        }
        return n;
    }

    private static void check(long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException("expected " + expected + " rows, got " + got);
        }
    }

    /** A GET, or null when it takes longer than {@link #TIMEOUT} (then the page's status column shows -1). */
    private static HttpResponse<byte[]> get(HttpClient client, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                    .timeout(TIMEOUT).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** The number of summits whose synthetic data comes closest to {@code target} triples (as {@code bench} sizes it). */
    static int summitsFor(long seed, long target) {
        long fixed = new SyntheticData(seed).write(0, new Counting());
        long hundred = new SyntheticData(seed).write(100, new Counting());
        double perSummit = (hundred - fixed) / 100.0;
        return (int) Math.max(1, Math.round((target - fixed) / perSummit));
    }

    private static final class Counting extends StreamRDFBase {}

    private static void load(DatasetGraph dsg, Path ontology, Path data) {
        Node ontologyGraph = Vocab.iri(Vocab.GRAPH_ONTOLOGY);
        try (Stream<Path> files = Files.list(ontology)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                RDFParser.source(f).lang(Lang.TURTLE).parse(into(dsg, ontologyGraph));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RDFParser.source(data).lang(Lang.NTRIPLES).parse(into(dsg, SYNTHETIC_GRAPH));
    }

    private static StreamRDFBase into(DatasetGraph dsg, Node graph) {
        return new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
            }
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void note(String format, Object... args) {
        log.printf("# " + format + "%n", args);
        log.flush();
    }
}
