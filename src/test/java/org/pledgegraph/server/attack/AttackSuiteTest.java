package org.pledgegraph.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.cli.Wiring;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/**
 * The attacks of issue 11, each replayed over real HTTP against a real server on loopback (canaries are local HTTP
 * servers that record what they are asked): one regression test per problem, named after it. Every one of them
 * failed against the server before its fix (see docs/security.md). P7 (derivation time) and P11/P12 (shapes, store
 * growth) are other issues' tests.
 */
class AttackSuiteTest {
    static final String USER = "editor";
    static final String PASSWORD = "attack-suite-password";
    static final String AUTH = Http.basic(USER, PASSWORD);
    static final String SMALL = "https://w3id.org/pledgegraph/graph/attack-small";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    static Store store;
    static Canary allowed;
    static Canary elsewhere;
    static PledgeServer server;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path auth = Files.writeString(dir.resolve("auth.txt"), USER + ": " + PASSWORD + "\n");
        store = Store.open(dir.resolve("store"));
        Wiring.wire(store);
        // 300 triples: a four-way join over them is 8.1e9 rows, a query no timeout-less server survives.
        store.write(d -> {
            for (int i = 0; i < 300; i++) {
                d.add(Quad.create(NodeFactory.createURI(SMALL), NodeFactory.createURI("urn:example:s" + i),
                        NodeFactory.createURI("urn:example:p"), NodeFactory.createURI("urn:example:o" + i)));
            }
        });
        elsewhere = new Canary().answer("/", 200, null, "text/turtle", "<urn:example:stolen> <urn:example:p> \"x\" .");
        allowed = new Canary()
                .answer("/sparql", 302, elsewhere.url("/sparql"), null, null)
                .answer("/data.ttl", 302, elsewhere.url("/data.ttl"), null, null);
        server = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAuthFile(auth)
                .withQueryTimeout(TIMEOUT).withAllowedServices(List.of(allowed.url("/sparql"))));
        base = server.datasetUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
        allowed.close();
        elsewhere.close();
    }

    /** P1: a JSON-LD body's remote @context is never fetched (any host, any port, file:), and says nothing of files. */
    @Test
    void p1JsonLdContextsAreNeverFetched() {
        Map<String, Long> before = store.graphSizes();
        try (Canary contexts = new Canary().answer("/ctx.jsonld", 200, null, "application/ld+json",
                "{\"@context\":{\"name\":\"http://xmlns.com/foaf/0.1/name\"}}")) {
            HttpResponse<String> remote = gsp("PUT", "urn:example:t", "application/ld+json",
                    "{\"@context\":\"" + contexts.url("/ctx.jsonld") + "\",\"@id\":\"http://example.org/a\",\"name\":\"x\"}", AUTH);
            assertEquals(400, remote.statusCode(), remote.body());
            assertEquals(List.of(), contexts.requests, "the canary saw a fetch");
        }
        HttpResponse<String> existing = gsp("PUT", "urn:example:t", "application/ld+json", "{\"@context\":\"file:///etc/passwd\"}", AUTH);
        HttpResponse<String> missing = gsp("PUT", "urn:example:t", "application/ld+json", "{\"@context\":\"file:///no/such/file\"}", AUTH);
        assertEquals(400, existing.statusCode(), existing.body());
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals(existing.body().replace("/etc/passwd", "X"), missing.body().replace("/no/such/file", "X"),
                "the answer does not tell whether a file exists");
        assertEquals(before, store.graphSizes());
    }

    /** P2: SERVICE and LOAD follow no redirect off the allow-list; LOAD takes only the allowed scheme, host and port. */
    @Test
    void p2RedirectsAndOtherPortsAreNotFollowed() {
        Map<String, Long> before = store.graphSizes();
        String q = "SELECT * WHERE { SERVICE <" + allowed.url("/sparql") + "> { ?s ?p ?o } }";
        HttpResponse<String> service = Http.post(base + "/sparql", "application/sparql-query", q, "text/csv", null);
        assertEquals(422, service.statusCode(), service.body());
        assertTrue(service.body().contains("redirect"), service.body());
        for (String source : List.of(allowed.url("/data.ttl"), elsewhere.url("/data.ttl"),
                "https://127.0.0.1:" + allowed.port() + "/data.ttl")) {
            HttpResponse<String> load = Http.post(base + "/update", "application/sparql-update",
                    "LOAD <" + source + "> INTO GRAPH <urn:example:loaded>", "*/*", AUTH);
            assertEquals(400, load.statusCode(), source + ": " + load.body());
            assertTrue(load.body().contains("refused"), load.body());
        }
        assertEquals(List.of(), elsewhere.requests, "the host off the allow-list was reached");
        assertEquals(before, store.graphSizes());
    }

    /** P3: the query timeout stops a regex with catastrophic backtracking (anonymous, one request per core). */
    @Test
    void p3CatastrophicRegexStopsAtTheTimeout() {
        String q = "SELECT * WHERE { BIND(REGEX(\"" + "a".repeat(30_000) + "\", \"a*a*a*a*a*a*b\") AS ?m) }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = Http.post(base + "/sparql", "application/sparql-query", q, "text/csv", null);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "answered after " + took);
        String replace = "SELECT (REPLACE(\"" + "a".repeat(30_000) + "\", \"(a*)*b\", \"x\") AS ?m) WHERE {}";
        assertEquals(503, Http.post(base + "/sparql", "application/sparql-query", replace, "text/csv", null).statusCode());
        assertEquals(200, Http.post(base + "/sparql", "application/sparql-query", "ASK {}", "text/csv", null).statusCode());
    }

    /** P4: a SERVICE refused inside FILTER EXISTS is one refusal and one log line, not a stack trace per row. */
    @Test
    void p4RefusedServiceInsideExistsLogsOneLine() {
        String q = "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://x.invalid/> { ?s ?p ?o } } }";
        HttpResponse<String> r;
        try (LogCapture log = new LogCapture()) {
            r = Http.post(base + "/sparql", "application/sparql-query", q, "text/csv", null);
            assertEquals(0, log.withStackTrace(), "stack traces in the log");
            // Fuseki's request log: the request, the query, the status; the refusal is the status line.
            List<String> lines = log.events.stream().map(e -> e.getMessage().getFormattedMessage()).distinct().toList();
            assertTrue(lines.size() <= 3, "log lines for one request: " + lines);
            assertTrue(log.events.stream().noneMatch(e -> e.getLevel().isMoreSpecificThan(org.apache.logging.log4j.Level.WARN)),
                    "warnings in the log: " + lines);
        }
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("not on the allow-list"), r.body());
    }

    /** P5: an update with a malformed UTF-8 byte, even in a comment, is 400, not 204 with nothing applied. */
    @Test
    void p5InvalidUtf8UpdateIs400() {
        Map<String, Long> before = store.graphSizes();
        byte[] update = concat("# comment \u00e9 ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, '\n'},
                "INSERT DATA { GRAPH <urn:example:utf8> { <urn:example:a> <urn:example:p> \"x\" } }".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(base + "/update"))
                .header("Content-Type", "application/sparql-update").header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(update)));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("UTF-8"), r.body());
        assertEquals(before, store.graphSizes());
    }

    /** P6: an update stops at the timeout, applies nothing, and releases the write lock. */
    @Test
    void p6UpdatesStopAtTheTimeoutAndReleaseTheLock() {
        Map<String, Long> before = store.graphSizes();
        String cartesian = "DELETE { GRAPH <" + SMALL + "> { ?a ?p ?b } } WHERE { GRAPH <" + SMALL + "> "
                + "{ ?a ?p ?b . ?c ?p ?d . ?e ?p ?f . ?g ?p ?h } }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = Http.post(base + "/update", "application/sparql-update", cartesian, "*/*", AUTH);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "answered after " + took);
        assertEquals(before, store.graphSizes(), "nothing was applied");
        String insert = "INSERT DATA { GRAPH <urn:example:after> { <urn:example:a> <urn:example:p> \"x\" } }";
        HttpResponse<String> next = Http.post(base + "/update", "application/sparql-update", insert, "*/*", AUTH);
        assertEquals(204, next.statusCode(), "the write lock was released: " + next.body());
        Http.post(base + "/update", "application/sparql-update", "DROP GRAPH <urn:example:after>", "*/*", AUTH);
    }

    /** P8: wrong passwords are slowed down per client address: after five, 429 with Retry-After, growing. */
    @Test
    void p8RepeatedWrongPasswordsAreSlowedDown() throws IOException {
        Path auth = Files.writeString(dir.resolve("auth-p8.txt"), USER + ": " + PASSWORD + "\n");
        // A store of its own: a server sets its limits in its store's context, and the others keep 2 s.
        try (Store other = Store.inMemory();
                PledgeServer guarded = PledgeServer.start(other, ServerSettings.defaults().withPort(0).withAuthFile(auth))) {
            String url = guarded.datasetUrl() + "/update";
            String wrong = Http.basic(USER, "guess");
            String ask = "CLEAR SILENT GRAPH <urn:example:nothing>";
            long t0 = System.nanoTime();
            int checked = 0;
            int throttled = 0;
            while (System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos()) {
                HttpResponse<String> r = Http.post(url, "application/sparql-update", ask, "*/*", wrong);
                if (r.statusCode() == 401) {
                    checked++;
                } else {
                    assertEquals(429, r.statusCode(), r.body());
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), "Retry-After");
                    throttled++;
                }
            }
            assertTrue(checked <= 8, checked + " passwords checked in 3 s");
            assertTrue(throttled > 0);
            HttpResponse<String> right = Http.post(url, "application/sparql-update", ask, "*/*", AUTH);
            assertEquals(429, right.statusCode(), "the right password waits too while the address is penalised");
        }
    }

    /** P9: cross-site writes are refused: a form, multipart or text/plain POST carrying another Origin. */
    @Test
    void p9CrossSiteWritesAreRefused() {
        Map<String, Long> before = store.graphSizes();
        String insert = "INSERT DATA { GRAPH <urn:example:csrf> { <urn:example:a> <urn:example:p> \"x\" } }";
        String form = "update=" + Http.encode(insert);
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.ttl\"\r\n"
                + "Content-Type: text/turtle\r\n\r\n<urn:example:a> <urn:example:p> \"x\" .\r\n--" + boundary + "--\r\n";
        List<HttpResponse<String>> attacks = List.of(
                browser(base + "/update", "application/x-www-form-urlencoded", form, "Origin", "https://evil.example"),
                browser(base + "/update", "text/plain", insert, "Origin", "https://evil.example"),
                browser(base + "/data?graph=" + Http.encode("urn:example:csrf"), "multipart/form-data; boundary=" + boundary,
                        multipart, "Origin", "https://evil.example"),
                browser(base + "/update", "application/x-www-form-urlencoded", form, "Sec-Fetch-Site", "cross-site"),
                browser(base + "/update", "application/x-www-form-urlencoded", form, "Referer", "https://evil.example/page"));
        for (HttpResponse<String> r : attacks) {
            assertEquals(403, r.statusCode(), r.request().headers() + " " + r.body());
        }
        HttpResponse<String> plain = browser(base + "/update", "text/plain", insert, "Accept", "*/*");
        assertEquals(415, plain.statusCode(), plain.body());
        assertEquals(before, store.graphSizes());
        String own = server.baseUrl();
        HttpResponse<String> sameOrigin = browser(base + "/update", "application/x-www-form-urlencoded", form, "Origin", own);
        assertTrue(sameOrigin.statusCode() < 300, "the server's own pages may write: " + sameOrigin.statusCode());
        Http.post(base + "/update", "application/sparql-update", "DROP GRAPH <urn:example:csrf>", "*/*", AUTH);
    }

    /** P10: JSON-LD with an invalid IRI is refused whole, not loaded without the node. */
    @Test
    void p10JsonLdWithAnInvalidIriIsRefusedWhole() {
        Map<String, Long> before = store.graphSizes();
        HttpResponse<String> r = gsp("PUT", "urn:example:p10", "application/ld+json",
                "[{\"@id\":\"http://ex ample.org/a\",\"http://example.org/p\":\"x\"},"
                        + "{\"@id\":\"http://example.org/b\",\"http://example.org/p\":\"y\"}]", AUTH);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("ex ample"), r.body());
        HttpResponse<String> typo = gsp("PUT", "urn:example:p10", "application/ld+json",
                "{\"@context\":{\"name\":\"http://xmlns.com/foaf/0.1/name\"},\"@id\":\"http://example.org/b\",\"nmae\":\"y\"}", AUTH);
        assertEquals(400, typo.statusCode(), "an undefined term is not dropped: " + typo.body());
        assertEquals(before, store.graphSizes());
    }

    /** Minor: TRACE is off. */
    @Test
    void traceIsOff() {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, r.statusCode(), r.body());
        assertFalse(r.body().contains("TRACE /"), r.body());
    }

    /** Minor: functions named by java: IRIs are refused, whatever class they name. */
    @Test
    void javaFunctionsAreRefused() {
        String q = "SELECT (<java:org.apache.jena.sparql.function.library.sqrt>(4) AS ?x) WHERE {}";
        HttpResponse<String> r = Http.post(base + "/sparql", "application/sparql-query", q, "text/csv", null);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("java:"), r.body());
        String afn = "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:sqrt(4) AS ?x) WHERE {}";
        assertEquals(200, Http.post(base + "/sparql", "application/sparql-query", afn, "text/csv", null).statusCode(),
                "ARQ's own function library stays");
    }

    /** Minor: a request the client got wrong is a 4xx, not a 500. */
    @Test
    void clientErrorsAre4xxNot500() {
        HttpResponse<String> conflict = Http.post(base + "/update?using-named-graph-uri=" + Http.encode("http://example/people"),
                "application/sparql-update", "WITH <http://example/a> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "*/*", AUTH);
        assertEquals(400, conflict.statusCode(), conflict.body());
        HttpResponse<String> badTurtle = gsp("PUT", "urn:example:bad", "text/turtle", "<urn:example:a> <urn:example:p> .", AUTH);
        assertEquals(400, badTurtle.statusCode(), badTurtle.body());
        assertNotEquals(500, gsp("PUT", "urn:example:bad", "application/x-unknown", "x", AUTH).statusCode());
    }

    // ---- Requests

    private static HttpResponse<String> gsp(String method, String graph, String contentType, String body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Http.encode(graph)))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return Http.send(b);
    }

    /** A write as a browser holding the credentials sends it, with one header of its own. */
    private static HttpResponse<String> browser(String url, String contentType, String body, String header, String value) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("Authorization", AUTH).header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
