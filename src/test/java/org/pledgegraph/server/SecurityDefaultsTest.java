package org.pledgegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;
import org.pledgegraph.support.TestStores;

/** Every refusal of the security defaults, over real HTTP: each leaves the store exactly as it was. */
class SecurityDefaultsTest {
    static final String USER = "editor";
    static final String PASSWORD = "s3cret-for-tests";
    static final String INSERT = "INSERT DATA { GRAPH <https://w3id.org/pledgegraph/graph/test> "
            + "{ <https://w3id.org/pledgegraph/id/test/a> <https://w3id.org/pledgegraph/id/test/p> \"x\" } }";

    @TempDir
    static Path dir;
    static Store store;
    static PledgeServer server;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        store = TestStores.loadedOnDisk(dir.resolve("store"));
        Path auth = dir.resolve("auth.txt");
        Files.writeString(auth, USER + ": " + PASSWORD + "\n");
        server = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAuthFile(auth)
                .withMaxBodyBytes(64 * 1024));
        base = server.datasetUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void anonymousUpdateIs401AndChangesNothing() {
        Map<String, Long> before = store.graphSizes();
        HttpResponse<String> r = Http.post(base + "/update", "application/sparql-update", INSERT, "*/*", null);
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(before, store.graphSizes());
    }

    @Test
    void wrongPasswordIs401() {
        Map<String, Long> before = store.graphSizes();
        HttpResponse<String> r = Http.post(base + "/update", "application/sparql-update", INSERT, "*/*",
                Http.basic(USER, "wrong"));
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(before, store.graphSizes());
    }

    @Test
    void updateWithCredentialsIsApplied() {
        String graph = "https://w3id.org/pledgegraph/graph/test-update";
        String insert = INSERT.replace("graph/test>", "graph/test-update>");
        HttpResponse<String> r = Http.post(base + "/update", "application/sparql-update", insert, "*/*",
                Http.basic(USER, PASSWORD));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, "status " + r.statusCode() + " " + r.body());
        assertEquals(1L, store.graphSizes().get(graph));
        Http.post(base + "/update", "application/sparql-update", "DROP GRAPH <" + graph + ">", "*/*", Http.basic(USER, PASSWORD));
        assertFalse(store.graphSizes().containsKey(graph));
    }

    @Test
    void updatesPostedToTheQueryEndpointOrDatasetAreNotRun() {
        Map<String, Long> before = store.graphSizes();
        for (String url : List.of(base + "/sparql", base)) {
            HttpResponse<String> r = Http.post(url, "application/sparql-update", INSERT, "*/*", Http.basic(USER, PASSWORD));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, url + " answered " + r.statusCode());
        }
        assertEquals(before, store.graphSizes());
    }

    @Test
    void anonymousGraphStoreWriteIs401() {
        Map<String, Long> before = store.graphSizes();
        String url = base + "/data?graph=" + Http.encode("https://w3id.org/pledgegraph/graph/ontology");
        HttpResponse<String> r = Http.put(url, "text/turtle", "<urn:a> <urn:b> <urn:c> .", null);
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(before, store.graphSizes());
    }

    @Test
    void graphStoreReadsStayOpenWhenWritesNeedCredentials() {
        String url = base + "/data?graph=" + Http.encode("https://w3id.org/pledgegraph/graph/ontology");
        HttpResponse<String> r = Http.get(url, "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("owl:Ontology") || r.body().contains("Ontology"), r.body().substring(0, Math.min(200, r.body().length())));
        for (String method : List.of("POST", "DELETE")) {
            HttpRequest.Builder write = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/turtle")
                    .method(method, HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."));
            assertEquals(401, Http.send(write).statusCode(), method);
        }
    }

    @Test
    void authenticatedGraphStoreWriteIsApplied() {
        String graph = "https://w3id.org/pledgegraph/graph/test-gsp";
        HttpResponse<String> r = Http.put(base + "/data?graph=" + Http.encode(graph), "text/turtle",
                "<urn:example:a> <urn:example:b> <urn:example:c> .", Http.basic(USER, PASSWORD));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201 || r.statusCode() == 204, "status " + r.statusCode());
        assertEquals(1L, store.graphSizes().get(graph));
        store.write(d -> d.removeGraph(NodeFactory.createURI(graph)));
    }

    @Test
    void serviceOffTheAllowListIsRefused() {
        String q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = Http.get(base + "/sparql?query=" + Http.encode(q), "application/sparql-results+json");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("not on the allow-list"), r.body());
    }

    @Test
    void serviceWithAVariableEndpointIsRefused() {
        String q = "SELECT * WHERE { BIND(<http://127.0.0.1:9/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }";
        HttpResponse<String> r = Http.get(base + "/sparql?query=" + Http.encode(q), "application/sparql-results+json");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("constant IRI"), r.body());
    }

    @Test
    void loadOfLocalFilesIsRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.ttl"), "<urn:s> <urn:p> \"secret\" .");
        Map<String, Long> before = store.graphSizes();
        for (String source : List.of(secret.toUri().toString(), "ftp://127.0.0.1/x.ttl", "http://127.0.0.1:9/x.ttl")) {
            String load = "LOAD <" + source + "> INTO GRAPH <https://w3id.org/pledgegraph/graph/test-load>";
            HttpResponse<String> r = Http.post(base + "/update", "application/sparql-update", load, "*/*",
                    Http.basic(USER, PASSWORD));
            assertEquals(400, r.statusCode(), source + ": " + r.body());
            assertTrue(r.body().contains("refused"), r.body());
        }
        assertEquals(before, store.graphSizes());
    }

    @Test
    void javaScriptFunctionsAreOff() {
        String q = "PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT (js:f(1) AS ?x) WHERE {}";
        HttpResponse<String> r = Http.get(base + "/sparql?query=" + Http.encode(q), "text/csv");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("Scripting not enabled"), r.body());
        assertEquals(null, System.getProperty("jena:scripting"));
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "# " + "x".repeat(70 * 1024) + "\n" + "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
        HttpResponse<String> declared = Http.post(base + "/sparql", "application/sparql-query", big, "*/*", null);
        assertEquals(413, declared.statusCode());
        HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create(base + "/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())));
        assertEquals(413, Http.send(chunked).statusCode());
        HttpResponse<String> small = Http.post(base + "/sparql", "application/sparql-query",
                "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "text/csv", null);
        assertEquals(200, small.statusCode());
    }

    @Test
    void withoutCredentialsFileUpdatesAreClosedToEveryone() {
        try (PledgeServer closed = PledgeServer.start(store, ServerSettings.defaults().withPort(0))) {
            Map<String, Long> before = store.graphSizes();
            HttpResponse<String> r = Http.post(closed.datasetUrl() + "/update", "application/sparql-update", INSERT, "*/*",
                    Http.basic(USER, PASSWORD));
            assertEquals(401, r.statusCode());
            assertTrue(r.body().contains("--auth"), r.body());
            assertEquals(before, store.graphSizes());
        }
    }

    @Test
    void anEmptyAllowListRefusesWikidataToo() {
        try (PledgeServer closed = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAllowedServices(List.of()))) {
            String q = "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }";
            HttpResponse<String> r = Http.get(closed.datasetUrl() + "/sparql?query=" + Http.encode(q), "text/csv");
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("federation is off"), r.body());
        }
    }

    @Test
    void allowListedButUnreachableEndpointFailsAndServerStaysHealthy() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort + "/sparql";
        try (PledgeServer fed = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAllowedServices(List.of(endpoint)))) {
            String q = "SELECT * WHERE { SERVICE <" + endpoint + "> { ?s ?p ?o } }";
            HttpResponse<String> r = Http.get(fed.datasetUrl() + "/sparql?query=" + Http.encode(q), "text/csv");
            assertTrue(r.statusCode() >= 400, "status " + r.statusCode());
            assertEquals(200, Http.get(fed.baseUrl() + "/$/ping", "text/plain").statusCode());
            assertEquals(200, Http.get(fed.datasetUrl() + "/sparql?query=" + Http.encode("ASK {}"), "text/csv").statusCode());
        }
    }

    @Test
    void slowQueriesStopAtTheTimeout() {
        String graph = "https://w3id.org/pledgegraph/graph/test-timeout";
        store.write(d -> {
            for (int i = 0; i < 300; i++) {
                d.add(Quad.create(NodeFactory.createURI(graph), NodeFactory.createURI("urn:s" + i),
                        NodeFactory.createURI("urn:p"), NodeFactory.createURI("urn:o" + i)));
            }
        });
        try (PledgeServer limited = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withQueryTimeout(Duration.ofSeconds(1)))) {
            String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?a ?p ?b . ?c ?p ?d . ?e ?p ?f . ?g ?p ?h } }";
            long t0 = System.nanoTime();
            HttpResponse<String> r = Http.get(limited.datasetUrl() + "/sparql?query=" + Http.encode(q), "text/csv");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos(), "the timeout stopped the query");
        } finally {
            store.write(d -> d.removeGraph(NodeFactory.createURI(graph)));
        }
    }
}
