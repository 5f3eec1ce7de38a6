package org.pledgegraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.cli.PledgeGraph;
import org.pledgegraph.store.Store;

/**
 * pledgegraph's server against plain Fuseki over HTTP: the same synthetic TDB2 store (two copies), each served by
 * its own process with the same heap, loaded with wrk at each concurrency on {@code /$/ping}, a point lookup,
 * {@code active-as-of} and a COUNT. Runs alternate between the two servers (which goes first alternates too), after
 * an untimed warm-up of each; the table gives medians over the rounds with their range, and each server's peak
 * resident memory. Both must give the same answers before anything is timed.
 */
public final class HttpBench {
    public record Settings(int summits, long seed, Path work, Path project, Duration duration, Duration warmup, int rounds,
            List<Integer> connections, String heap, Path fusekiJar) {}

    /** One request to time: a name and the path and query string after a server's base URL. */
    record Request(String name, String path, String accept) {}

    /** The rounds of one request at one concurrency on one server. */
    record Runs(List<Wrk.Run> runs) {
        double median(java.util.function.ToDoubleFunction<Wrk.Run> f) {
            return Bench.median(runs.stream().map(r -> f.applyAsDouble(r)).toList());
        }

        double min(java.util.function.ToDoubleFunction<Wrk.Run> f) {
            return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
        }

        double max(java.util.function.ToDoubleFunction<Wrk.Run> f) {
            return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
        }

        long errors() {
            return runs.stream().mapToLong(Wrk.Run::errors).sum();
        }
    }

    public record Row(String request, int connections, Runs ours, Runs fuseki) {}

    /**
     * Peak memory of each server: VmHWM (all resident pages, TDB2's mapped files included) and the largest RssAnon
     * seen after a run (the process's own pages).
     */
    public record Result(long triples, String commitment, LocalDate asOf, List<Row> rows, long oursPeakMb, long fusekiPeakMb,
            long oursAnonMb, long fusekiAnonMb) {}

    /** A measure with fewer completed requests per run than this is too slow for its duration: the table says so. */
    static final int FEW = 10;

    private static final String JSON = "application/sparql-results+json";
    private static final long QUERY_TIMEOUT_S = 300;

    private final Settings settings;
    private final PrintWriter log;

    public HttpBench(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    public Result run() throws IOException {
        Path work = settings.work().toAbsolutePath();
        Files.createDirectories(work);
        Path fusekiJar = settings.fusekiJar() != null ? settings.fusekiJar() : PlainFuseki.jar(work.resolve("fuseki"));
        note("plain Fuseki: %s", fusekiJar);

        Path ours = work.resolve("http-store");
        Path theirs = work.resolve("http-store-fuseki");
        long t0 = System.nanoTime();
        long triples = SyntheticStore.build(ours, settings.project().resolve("ontology"), settings.summits(), settings.seed());
        String commitment;
        try (Store store = Store.open(ours)) {
            commitment = store.query(v -> v.select(QueryFactory.create("SELECT ?c { ?c a <" + Vocab.PG + "Commitment> } ORDER BY ?c LIMIT 1"))
                    .next().get("c").getURI());
        }
        SyntheticStore.copy(ours, theirs);
        note("store: %d summits, %,d generated triples plus ontology and inferred graph, in %d s (%s, copied to %s)",
                settings.summits(), triples, (System.nanoTime() - t0) / 1_000_000_000, ours, theirs);

        LocalDate asOf = SyntheticData.summitDate(settings.summits() - 1).plusDays(11);
        Query active = AsOfQuery.ACTIVE.on(asOf);
        List<Request> requests = List.of(
                new Request("ping", "/$/ping", "*/*"),
                new Request("point lookup", sparql("SELECT ?p ?o { <" + commitment + "> ?p ?o }"), JSON),
                new Request("active-as-of " + asOf, sparql(active.serialize()), JSON),
                new Request("COUNT commitments", sparql("SELECT (COUNT(?c) AS ?n) { ?c a <" + Vocab.PG + "Commitment> }"), JSON));

        int ourPort = ServerProcess.freePort();
        List<String> ourCommand = List.of(ServerProcess.java(), "-Xmx" + settings.heap(), "-cp", ServerProcess.classPath(),
                PledgeGraph.class.getName(), "serve", "--store", ours.toString(), "--port", Integer.toString(ourPort),
                "--no-federation", "--timeout", Long.toString(QUERY_TIMEOUT_S));
        List<Row> rows = new ArrayList<>();
        long oursPeak;
        long fusekiPeak;
        long[] anon = new long[2];
        try (ServerProcess a = ServerProcess.start("pledgegraph", ourCommand, work.resolve("run-pledgegraph"),
                work.resolve("pledgegraph-server.log"), ourPort, Duration.ofMinutes(3))) {
            int fusekiPort = ServerProcess.freePort();
            try (ServerProcess b = ServerProcess.start("Fuseki " + PlainFuseki.jenaVersion(),
                    PlainFuseki.command(fusekiJar, settings.heap(), theirs, fusekiPort, QUERY_TIMEOUT_S * 1000),
                    work.resolve("run-fuseki"), work.resolve("fuseki-server.log"), fusekiPort, Duration.ofMinutes(3))) {
                note("servers: pledgegraph %s (log %s), Fuseki %s (log %s), heap %s each", a.baseUrl(), a.log(), b.baseUrl(), b.log(), settings.heap());
                for (Request r : requests) {
                    if (!r.path().startsWith("/$/")) {
                        sameAnswers(r, a, b);
                    }
                }
                for (Request r : requests) {
                    for (int c : settings.connections()) {
                        rows.add(measure(r, c, a, b));
                        anon[0] = Math.max(anon[0], a.anonymousRssMb());
                        anon[1] = Math.max(anon[1], b.anonymousRssMb());
                    }
                }
                oursPeak = a.peakRssMb();
                fusekiPeak = b.peakRssMb();
            }
        }
        return new Result(triples, commitment, asOf, rows, oursPeak, fusekiPeak, anon[0], anon[1]);
    }

    private Row measure(Request r, int connections, ServerProcess a, ServerProcess b) {
        Map<String, String> headers = Map.of("Accept", r.accept());
        if (!settings.warmup().isZero()) {
            for (ServerProcess s : List.of(a, b)) {
                Wrk.run(s.baseUrl() + path(r), connections, settings.warmup(), headers);
            }
        }
        List<Wrk.Run> ours = new ArrayList<>();
        List<Wrk.Run> theirs = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            boolean oursFirst = round % 2 == 0;
            for (ServerProcess s : oursFirst ? List.of(a, b) : List.of(b, a)) {
                Wrk.Run run = Wrk.run(s.baseUrl() + path(r), connections, settings.duration(), headers);
                (s == a ? ours : theirs).add(run);
            }
        }
        Row row = new Row(r.name(), connections, new Runs(ours), new Runs(theirs));
        note("  %-28s c=%-3d pledgegraph %8.1f req/s p50 %7.2f ms | Fuseki %8.1f req/s p50 %7.2f ms | errors %d/%d",
                r.name(), connections, row.ours().median(Wrk.Run::requestsPerSecond), row.ours().median(Wrk.Run::p50Ms),
                row.fuseki().median(Wrk.Run::requestsPerSecond), row.fuseki().median(Wrk.Run::p50Ms),
                row.ours().errors(), row.fuseki().errors());
        return row;
    }

    /** Both servers give the same rows (CSV, sorted) for a query: else the comparison would mean nothing. */
    private void sameAnswers(Request r, ServerProcess a, ServerProcess b) {
        List<String> ours = csvRows(a, r);
        List<String> theirs = csvRows(b, r);
        if (!ours.equals(theirs)) {
            throw new UserException("the two servers answer '" + r.name() + "' differently: " + ours.size() + " and "
                    + theirs.size() + " lines");
        }
        note("  %-28s same answer on both: %d rows", r.name(), ours.size() - 1);
    }

    private static List<String> csvRows(ServerProcess s, Request r) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + path(r)))
                    .header("Accept", "text/csv").timeout(Duration.ofSeconds(QUERY_TIMEOUT_S)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new UserException(s.name() + " answered " + response.statusCode() + " to '" + r.name() + "': " + response.body());
            }
            return response.body().lines().sorted().toList();
        } catch (IOException e) {
            throw new UserException(s.name() + " did not answer '" + r.name() + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted");
        }
    }

    /** Both serve the dataset as /pledgegraph, with the query service at /pledgegraph/sparql. */
    private static String path(Request r) {
        return r.path().startsWith("/$/") ? r.path() : "/pledgegraph/sparql" + r.path();
    }

    private static String sparql(String query) {
        return "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The result as a Markdown table: medians over the rounds, with their range. */
    public static String table(Result result, String fusekiName) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Same TDB2 data (%,d generated triples), each server its own process; point lookup of <%s>.%n%n",
                result.triples(), result.commitment()));
        t.append("| request | connections | pledgegraph req/s (range) | p50 ms | p99 ms | ").append(fusekiName)
                .append(" req/s (range) | p50 ms | p99 ms | req/s ratio | errors |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : result.rows()) {
            long fewest = Math.min(r.ours().runs().stream().mapToLong(Wrk.Run::requests).min().orElse(0),
                    r.fuseki().runs().stream().mapToLong(Wrk.Run::requests).min().orElse(0));
            if (fewest < FEW) {
                t.append(String.format(Locale.ROOT, "| %s | %d | too slow for the run's length: %d requests in a run; pass a longer --duration | | | | | | | %d / %d |%n",
                        r.request(), r.connections(), fewest, r.ours().errors(), r.fuseki().errors()));
                continue;
            }
            double ours = r.ours().median(Wrk.Run::requestsPerSecond);
            double theirs = r.fuseki().median(Wrk.Run::requestsPerSecond);
            t.append(String.format(Locale.ROOT, "| %s | %d | %,.0f (%,.0f-%,.0f) | %.2f | %.2f | %,.0f (%,.0f-%,.0f) | %.2f | %.2f | %.2f× | %d / %d |%n",
                    r.request(), r.connections(),
                    ours, r.ours().min(Wrk.Run::requestsPerSecond), r.ours().max(Wrk.Run::requestsPerSecond),
                    r.ours().median(Wrk.Run::p50Ms), r.ours().median(Wrk.Run::p99Ms),
                    theirs, r.fuseki().min(Wrk.Run::requestsPerSecond), r.fuseki().max(Wrk.Run::requestsPerSecond),
                    r.fuseki().median(Wrk.Run::p50Ms), r.fuseki().median(Wrk.Run::p99Ms),
                    ours / theirs, r.ours().errors(), r.fuseki().errors()));
        }
        t.append(String.format(Locale.ROOT, "%nPeak resident memory over the whole run, VmHWM (with TDB2's mapped files) / "
                + "largest RssAnon after a run (the process's own pages): pledgegraph %,d / %,d MB, %s %,d / %,d MB.%n",
                result.oursPeakMb(), result.oursAnonMb(), fusekiName, result.fusekiPeakMb(), result.fusekiAnonMb()));
        return t.toString();
    }

    private void note(String format, Object... args) {
        log.printf(format + "%n", args);
        log.flush();
    }
}
