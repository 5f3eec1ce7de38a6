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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.pledgegraph.UserException;
import org.pledgegraph.cli.PledgeGraph;

/**
 * The load test of the hardening issue: {@code serve --auth} on a free loopback port over a fresh store of the
 * project's files; wrk on a catalog query with many connections for a while; at the same time a writer that records
 * and retracts an occurrence over the update endpoint (INSERT DATA, DELETE DATA: each derives in its transaction),
 * a poller of {@code /$/ping}, and a sampler of the server's resident memory. It passes with no failed request
 * (query, write or ping) and every ping answered within {@link #PING_HEALTHY}.
 */
public final class Soak {
    public record Settings(Path work, Path project, Path query, Duration duration, int connections, String heap) {}

    public record Result(Wrk.Run load, long writes, long writeErrors, double writeMedianMs, double writeMaxMs, long pings,
            long pingFailures, double pingMaxMs, long peakRssMb, long peakAnonMb, String firstError) {
        public boolean passed() {
            return load.errors() == 0 && writeErrors == 0 && pingFailures == 0 && writes > 0 && pings > 0;
        }
    }

    /** A ping slower than this, or not 200, counts as a failure. */
    public static final Duration PING_HEALTHY = Duration.ofSeconds(2);
    static final Duration PING_EVERY = Duration.ofMillis(250);

    static final String OCCURRENCE_GRAPH = "https://w3id.org/pledgegraph/graph/source/event-russia-ukraine-ceasefire-entry-into-force";
    /** The seed data awaits the ceasefire's entry into force: recording it activates the guarantees, retracting it undoes that. */
    static final String RECORD = """
            PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            INSERT DATA { GRAPH <%s> {
              <https://w3id.org/pledgegraph/id/occurrence/russia-ukraine-ceasefire-entry-into-force>
                  a pg:Occurrence , pg:EntryIntoForce ;
                  pg:occurrenceOf <https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> ;
                  pg:occurredOn "2026-06-01"^^xsd:date } }""".formatted(OCCURRENCE_GRAPH);
    static final String RETRACT = RECORD.replace("INSERT DATA", "DELETE DATA");

    private final Settings settings;
    private final PrintWriter log;

    public Soak(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    public Result run() throws IOException {
        Path work = settings.work().toAbsolutePath();
        Path store = work.resolve("soak-store");
        Bench.deleteTree(store);
        Files.createDirectories(work);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path auth = work.resolve("soak-auth.txt");
        Files.writeString(auth, "bench: " + password + "\n");
        String credentials = "Basic " + Base64.getEncoder().encodeToString(("bench:" + password).getBytes(StandardCharsets.UTF_8));
        String query = Files.readString(settings.query());

        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ServerProcess.java()));
        if (settings.heap() != null) {
            command.add("-Xmx" + settings.heap());
        }
        command.addAll(List.of("-cp", ServerProcess.classPath(), PledgeGraph.class.getName(), "serve",
                "--store", store.toString(), "--project", settings.project().toAbsolutePath().toString(),
                "--port", Integer.toString(port), "--auth", auth.toString(), "--no-federation"));
        try (ServerProcess server = ServerProcess.start("pledgegraph", command, work.resolve("run-soak"),
                work.resolve("soak-server.log"), port, Duration.ofMinutes(3))) {
            note("server %s (log %s), store loaded from %s", server.baseUrl(), server.log(), settings.project());
            String dataset = server.baseUrl() + "/pledgegraph";
            AtomicBoolean running = new AtomicBoolean(true);
            List<Double> writeMs = Collections.synchronizedList(new ArrayList<>());
            AtomicLong writeErrors = new AtomicLong();
            AtomicLong pings = new AtomicLong();
            AtomicLong pingFailures = new AtomicLong();
            AtomicLong pingMaxMicros = new AtomicLong();
            AtomicLong peakRss = new AtomicLong(server.rssMb());
            AtomicLong peakAnon = new AtomicLong(server.anonymousRssMb());
            List<String> firstError = Collections.synchronizedList(new ArrayList<>());
            HttpClient http = HttpClient.newBuilder().connectTimeout(PING_HEALTHY).build();

            Thread writer = new Thread(() -> {
                for (long i = 0; running.get(); i++) {
                    String update = i % 2 == 0 ? RECORD : RETRACT;
                    long t = System.nanoTime();
                    String error = send(http, HttpRequest.newBuilder(URI.create(dataset + "/update"))
                            .header("Content-Type", "application/sparql-update").header("Authorization", credentials)
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(update)).build(), null);
                    writeMs.add((System.nanoTime() - t) / 1e6);
                    if (error != null) {
                        writeErrors.incrementAndGet();
                        firstError.add("write: " + error);
                    }
                }
            }, "soak-writer");
            Thread pinger = new Thread(() -> {
                while (running.get()) {
                    long t = System.nanoTime();
                    String error = send(http, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/ping"))
                            .timeout(PING_HEALTHY).build(), PING_HEALTHY);
                    long micros = (System.nanoTime() - t) / 1000;
                    pings.incrementAndGet();
                    pingMaxMicros.accumulateAndGet(micros, Math::max);
                    if (error != null) {
                        pingFailures.incrementAndGet();
                        firstError.add("ping: " + error);
                    }
                    peakRss.accumulateAndGet(server.rssMb(), Math::max);
                    peakAnon.accumulateAndGet(server.anonymousRssMb(), Math::max);
                    ServerProcess.sleep(PING_EVERY.toMillis());
                }
            }, "soak-ping");
            writer.start();
            pinger.start();
            Wrk.Run load;
            try {
                load = Wrk.run(dataset + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), settings.connections(),
                        settings.duration(), Map.of("Accept", "application/sparql-results+json"));
            } finally {
                running.set(false);
                join(writer);
                join(pinger);
            }
            peakRss.accumulateAndGet(server.peakRssMb(), Math::max);
            // The writer ends on a record or a retraction; leave the store as it began, and check that it can.
            if (writeMs.size() % 2 == 1) {
                String error = send(http, HttpRequest.newBuilder(URI.create(dataset + "/update"))
                        .header("Content-Type", "application/sparql-update").header("Authorization", credentials)
                        .POST(HttpRequest.BodyPublishers.ofString(RETRACT)).build(), null);
                if (error != null) {
                    writeErrors.incrementAndGet();
                    firstError.add("final retraction: " + error);
                }
            }
            List<Double> writes = List.copyOf(writeMs);
            return new Result(load, writes.size(), writeErrors.get(), Bench.median(writes),
                    writes.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), pings.get(), pingFailures.get(),
                    pingMaxMicros.get() / 1000.0, peakRss.get(), peakAnon.get(), firstError.isEmpty() ? null : firstError.get(0));
        }
    }

    /** Sends a request: null when it was answered 2xx (within {@code bound}, when given), else what went wrong. */
    private static String send(HttpClient http, HttpRequest request, Duration bound) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                return r.statusCode() + " " + r.body().strip();
            }
            if (bound != null && System.nanoTime() - t > bound.toNanos()) {
                return "answered after " + (System.nanoTime() - t) / 1_000_000 + " ms";
            }
            return null;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void join(Thread t) {
        try {
            t.join(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String report(Settings s, Result r) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "| measure | value |%n|---|---|%n"));
        t.append(String.format(Locale.ROOT, "| catalog query | %s, wrk %d connections, %d s |%n", s.query(), s.connections(), s.duration().toSeconds()));
        t.append(String.format(Locale.ROOT, "| requests | %,d (%,.0f req/s) |%n", r.load().requests(), r.load().requestsPerSecond()));
        t.append(String.format(Locale.ROOT, "| latency p50 / p90 / p99 | %.1f / %.1f / %.1f ms |%n", r.load().p50Ms(), r.load().p90Ms(), r.load().p99Ms()));
        t.append(String.format(Locale.ROOT, "| failed queries (non-2xx, socket errors) | %d |%n", r.load().errors()));
        t.append(String.format(Locale.ROOT, "| writes (INSERT DATA / DELETE DATA of an occurrence, derived) | %,d, median %.1f ms, max %.1f ms |%n",
                r.writes(), r.writeMedianMs(), r.writeMaxMs()));
        t.append(String.format(Locale.ROOT, "| failed writes | %d |%n", r.writeErrors()));
        t.append(String.format(Locale.ROOT, "| /$/ping polls (every %d ms) | %,d, slowest %.1f ms |%n", PING_EVERY.toMillis(), r.pings(), r.pingMaxMs()));
        t.append(String.format(Locale.ROOT, "| failed pings (not 200 within %d s) | %d |%n", PING_HEALTHY.toSeconds(), r.pingFailures()));
        t.append(String.format(Locale.ROOT, "| server peak resident memory: all (VmHWM) / own pages (RssAnon) | %,d / %,d MB |%n",
                r.peakRssMb(), r.peakAnonMb()));
        t.append(String.format(Locale.ROOT, "%n%s%n", r.passed() ? "PASS: no failed request, ping healthy throughout"
                : "FAIL" + (r.firstError() == null ? "" : ": first failure: " + r.firstError())));
        return t.toString();
    }

    private void note(String format, Object... args) {
        log.printf(format + "%n", args);
        log.flush();
    }
}
