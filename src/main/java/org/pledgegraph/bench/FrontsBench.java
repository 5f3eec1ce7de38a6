package org.pledgegraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.query.QueryFactory;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.Materializer;
import org.pledgegraph.cli.PledgeGraph;
import org.pledgegraph.store.EmbeddedStore;
import org.pledgegraph.store.RemoteEndpoints;
import org.pledgegraph.store.RemoteStore;

/**
 * {@code bench remote --store DIR}: the remote path against embedded TDB2 on one store, and one front against two.
 * The store directory (a loaded and derived TDB2 store, e.g. of 10^6 triples) is copied twice into the work folder and
 * never written: one copy is served by a standalone Fuseki in its own process (the remote store, union default graph,
 * updates on), the other is opened embedded in this process.
 * <ol>
 * <li>Every catalog query and recording and retracting one awaited event, through {@link RemoteStore} and on the
 *     embedded store, alternating ({@link RemoteBench#compare}).</li>
 * <li>Read throughput with wrk on loopback: one {@code serve --store-url} front with C connections, against two fronts
 *     with C/2 connections each (two wrk processes at once, their rates added), rounds alternating. Each front is a
 *     process of its own, as a deployment runs them.</li>
 * </ol>
 */
public final class FrontsBench {
    public record Settings(Path store, Path work, Path project, Path fusekiJar, int repeat, int connections,
            Duration duration, Duration warmup, int rounds, String heap) {}

    /** One read measured on one front and on two. */
    public record Throughput(String name, List<Double> oneFront, List<Double> twoFronts, long errors) {
        double one() {
            return median(oneFront);
        }

        double two() {
            return median(twoFronts);
        }
    }

    private final Settings settings;
    private final PrintWriter log;

    public FrontsBench(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    public String run() throws IOException {
        if (Wrk.missing() != null) {
            throw new UserException(Wrk.missing());
        }
        Path remoteCopy = settings.work().resolve("remote-bench-fuseki-store");
        Path embeddedCopy = settings.work().resolve("remote-bench-embedded-store");
        long t0 = System.nanoTime();
        SyntheticStore.copy(settings.store(), remoteCopy);
        SyntheticStore.copy(settings.store(), embeddedCopy);
        note("copied %s twice in %d s", settings.store(), (System.nanoTime() - t0) / 1_000_000_000);
        int storePort = ServerProcess.freePort();
        List<String> fuseki = List.of(ServerProcess.java(), "-Xmx" + settings.heap(), "-jar",
                settings.fusekiJar().toAbsolutePath().toString(), "--loc=" + remoteCopy.toAbsolutePath(), "--tdb2",
                "--set", "tdb:unionDefaultGraph=true", "--update", "--localhost", "--port", Integer.toString(storePort),
                "--ping", "/ds");
        StringBuilder out = new StringBuilder();
        try (ServerProcess store = ServerProcess.start("Fuseki (the store)", fuseki, settings.work().resolve("run-store"),
                settings.work().resolve("remote-bench-store.log"), storePort, Duration.ofMinutes(3))) {
            String url = store.baseUrl() + "/ds";
            note("store: standalone Fuseki at %s over %s", url, remoteCopy);

            List<RemoteBench.Row> rows;
            try (EmbeddedStore embedded = EmbeddedStore.open(embeddedCopy);
                    RemoteStore remote = RemoteStore.connect(RemoteEndpoints.of(url, null, null, null))) {
                embedded.setDerivation(Materializer.fromRules());
                remote.setDerivation(Materializer.fromRules());
                long triples = embedded.tripleCount();
                note("%,d triples in each copy", triples);
                rows = new RemoteBench(settings.project(), settings.work(), 0, settings.repeat(), log).compare(embedded, remote);
                out.append(RemoteBench.table(triples, url, rows)).append('\n');
            }

            List<Throughput> reads = fronts(url);
            out.append(String.format(Locale.ROOT, "Read throughput over one store (wrk on loopback, %d connections in all, "
                    + "%d s runs, median of %d alternating rounds; each front its own JVM, -Xmx%s):%n%n",
                    settings.connections(), settings.duration().toSeconds(), settings.rounds(), settings.heap()));
            out.append("| read | one front req/s | two fronts req/s | two / one | errors |\n|---|---|---|---|---|\n");
            for (Throughput t : reads) {
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %d |%n", t.name(), t.one(), t.two(),
                        t.two() / Math.max(0.001, t.one()), t.errors()));
            }
        } finally {
            deleteQuietly(remoteCopy);
            deleteQuietly(embeddedCopy);
        }
        return out.toString();
    }

    private List<Throughput> fronts(String storeUrl) {
        String commitment = null;
        try (RemoteStore remote = RemoteStore.connect(RemoteEndpoints.of(storeUrl, null, null, null))) {
            commitment = remote.query(v -> v.select(QueryFactory.create("SELECT ?c WHERE { ?c a <" + Vocab.PG
                    + "Commitment> } ORDER BY ?c LIMIT 1")).next().get("c").getURI());
        }
        String point = "/pledgegraph/sparql?query=" + URLEncoder.encode("SELECT ?p ?o { <" + commitment + "> ?p ?o }",
                StandardCharsets.UTF_8);
        String page = "/id/" + commitment.substring(Vocab.ID.length());
        List<String[]> reads = List.of(
                new String[] {"point lookup (SPARQL, JSON)", point, "application/sparql-results+json"},
                new String[] {"entity page " + page + " (HTML)", page, "text/html"});
        List<Throughput> results = new ArrayList<>();
        int portA = ServerProcess.freePort();
        try (ServerProcess a = front("front-a", storeUrl, portA)) {
            int portB = ServerProcess.freePort();
            try (ServerProcess b = front("front-b", storeUrl, portB)) {
                note("fronts: %s and %s", a.baseUrl(), b.baseUrl());
                for (String[] r : reads) {
                    Map<String, String> headers = Map.of("Accept", r[2]);
                    for (ServerProcess s : List.of(a, b)) {
                        Wrk.run(s.baseUrl() + r[1], settings.connections(), settings.warmup(), headers);
                    }
                    List<Double> one = new ArrayList<>();
                    List<Double> two = new ArrayList<>();
                    long errors = 0;
                    int half = Math.max(1, settings.connections() / 2);
                    for (int round = 0; round < settings.rounds(); round++) {
                        for (boolean single : round % 2 == 0 ? List.of(true, false) : List.of(false, true)) {
                            if (single) {
                                Wrk.Run run = Wrk.run(a.baseUrl() + r[1], settings.connections(), settings.duration(), headers);
                                one.add(run.requestsPerSecond());
                                errors += run.errors();
                            } else {
                                CompletableFuture<Wrk.Run> ra = CompletableFuture.supplyAsync(
                                        () -> Wrk.run(a.baseUrl() + r[1], half, settings.duration(), headers));
                                CompletableFuture<Wrk.Run> rb = CompletableFuture.supplyAsync(
                                        () -> Wrk.run(b.baseUrl() + r[1], half, settings.duration(), headers));
                                two.add(ra.join().requestsPerSecond() + rb.join().requestsPerSecond());
                                errors += ra.join().errors() + rb.join().errors();
                            }
                        }
                    }
                    Throughput t = new Throughput(r[0], one, two, errors);
                    note("  %-40s one front %8.1f req/s, two fronts %8.1f req/s (%.2fx), errors %d", r[0], t.one(), t.two(),
                            t.two() / Math.max(0.001, t.one()), errors);
                    results.add(t);
                }
            }
        }
        return results;
    }

    private ServerProcess front(String name, String storeUrl, int port) {
        List<String> command = List.of(ServerProcess.java(), "-Xmx" + settings.heap(), "-cp", ServerProcess.classPath(),
                PledgeGraph.class.getName(), "serve", "--store-url", storeUrl, "--port", Integer.toString(port),
                "--no-federation", "--project", settings.project().toAbsolutePath().toString());
        return ServerProcess.start(name, command, settings.work().resolve("run-" + name),
                settings.work().resolve("remote-bench-" + name + ".log"), port, Duration.ofMinutes(3));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private void note(String format, Object... args) {
        log.printf(Locale.ROOT, format + "%n", args);
        log.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = java.nio.file.Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // scratch space: left for the next run to overwrite
        }
    }
}
