package org.pledgegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledgegraph.store.Derivation;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/**
 * Every write through the server derives exactly once, inside its own transaction, before it commits: Graph Store
 * PUT, POST and DELETE as much as SPARQL Update. Real Fuseki, real TDB2 on disk, real HTTP; the derivation is a test
 * one (every {@code <urn:example:p>} triple implies a {@code <urn:example:derived>} triple in the inferred graph) that counts its
 * runs, can fail, and can hold the transaction open.
 */
class WriteDerivationTest {
    static final String USER = "editor";
    static final String PASSWORD = "s3cret-for-tests";
    static final Node INFERRED = NodeFactory.createURI("https://w3id.org/pledgegraph/graph/inferred");
    static final Node P = NodeFactory.createURI("urn:example:p");
    static final Node DERIVED = NodeFactory.createURI("urn:example:derived");
    static final String ASK_DERIVED = "ASK { <urn:example:%s> <urn:example:derived> ?o }";
    static final String ASK_FACT = "ASK { <urn:example:%s> <urn:example:p> ?o }";

    @TempDir
    static Path dir;
    static Store store;
    static PledgeServer server;
    static String base;
    static String auth;
    TestDerivation derivation;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(dir.resolve("store"));
        store.write(d -> d.add(NodeFactory.createURI("urn:example:g-seed"), NodeFactory.createURI("urn:example:seed"), P,
                NodeFactory.createLiteralString("seed")));
        Path credentials = dir.resolve("auth.txt");
        Files.writeString(credentials, USER + ": " + PASSWORD + "\n");
        server = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAuthFile(credentials));
        base = server.datasetUrl();
        auth = Http.basic(USER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @BeforeEach
    void freshDerivation() {
        derivation = new TestDerivation();
        store.setDerivation(derivation);
    }

    @Test
    void graphStorePutDerivesOnceAndTheNextQuerySeesTheConsequence() {
        HttpResponse<String> r = gsp("PUT", "urn:example:g-put", "text/turtle", "<urn:example:put> <urn:example:p> \"1\" .");
        assertSuccess(r);
        assertEquals(1, derivation.runs(), "one derivation for one write");
        assertTrue(ask(ASK_DERIVED, "put"), "the response returned after the derivation had committed");
    }

    @Test
    void graphStorePostDerivesOnceAndTheNextQuerySeesTheConsequence() {
        assertSuccess(gsp("POST", "urn:example:g-post", "text/turtle", "<urn:example:post> <urn:example:p> \"1\" ."));
        assertEquals(1, derivation.runs());
        assertTrue(ask(ASK_DERIVED, "post"));
    }

    @Test
    void graphStorePostOfQuadsToTheDatasetDerivesOnce() {
        assertSuccess(gsp("POST", null, "application/trig", "<urn:example:g-trig> { <urn:example:trig> <urn:example:p> \"1\" }"));
        assertEquals(1, derivation.runs());
        assertTrue(ask(ASK_DERIVED, "trig"));
    }

    @Test
    void graphStoreDeleteDerivesOnceAndTheConsequenceGoesWithTheGraph() {
        assertSuccess(gsp("PUT", "urn:example:g-del", "text/turtle", "<urn:example:del> <urn:example:p> \"1\" ."));
        assertTrue(ask(ASK_DERIVED, "del"));
        HttpResponse<String> r = gsp("DELETE", "urn:example:g-del", null, null);
        assertEquals(204, r.statusCode(), r.body());
        assertEquals(2, derivation.runs());
        assertFalse(ask(ASK_DERIVED, "del"));
    }

    @Test
    void deletingAMissingGraphIs404AndDerivesNothing() {
        HttpResponse<String> r = gsp("DELETE", "urn:example:g-never-written", null, null);
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(0, derivation.runs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "POST", "POST-QUADS", "DELETE", "UPDATE"})
    void aWriteWhoseDerivationFailsLeavesTheStoreExactlyAsBeforeAndIsAnError(String write) {
        assertSuccess(gsp("PUT", "urn:example:g-fail", "text/turtle", "<urn:example:before> <urn:example:p> \"1\" ."));
        TreeSet<String> before = store.read(WriteDerivationTest::quads);
        derivation.failure = new IllegalStateException("rule 99 exploded");

        HttpResponse<String> r = switch (write) {
            case "PUT" -> gsp("PUT", "urn:example:g-fail", "text/turtle", "<urn:example:failed> <urn:example:p> \"2\" .");
            case "POST" -> gsp("POST", "urn:example:g-fail", "text/turtle", "<urn:example:failed> <urn:example:p> \"2\" .");
            case "POST-QUADS" -> gsp("POST", null, "application/trig", "<urn:example:g-fail> { <urn:example:failed> <urn:example:p> \"2\" }");
            case "DELETE" -> gsp("DELETE", "urn:example:g-fail", null, null);
            default -> Http.post(base + "/update", "application/sparql-update",
                    "INSERT DATA { GRAPH <urn:example:g-fail> { <urn:example:failed> <urn:example:p> \"2\" } }", "*/*", auth);
        };

        assertTrue(r.statusCode() >= 500 && r.statusCode() < 600, write + ": " + r.statusCode() + " " + r.body());
        assertTrue(r.body().contains("rule 99 exploded"), write + ": the reason is given: " + r.body());
        assertEquals(2, derivation.runs(), "the setup's PUT derived once, the failing write once");
        assertEquals(before, store.read(WriteDerivationTest::quads), write + ": the store is exactly as before");
        derivation.failure = null;
        assertFalse(ask(ASK_FACT, "failed"));
    }

    @Test
    void readsNeverDerive() {
        assertSuccess(gsp("PUT", "urn:example:g-read", "text/turtle", "<urn:example:read> <urn:example:p> \"1\" ."));
        int afterWrite = derivation.runs();
        String graph = base + "/data?graph=" + Http.encode("urn:example:g-read");
        assertEquals(200, Http.get(graph, "text/turtle").statusCode());
        assertEquals(200, Http.send(HttpRequest.newBuilder(URI.create(graph)).method("HEAD",
                HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(200, Http.get(base + "/data", "application/n-quads").statusCode());
        assertTrue(ask(ASK_FACT, "read"));
        HttpResponse<String> post = Http.post(base + "/sparql", "application/sparql-query",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json", null);
        assertEquals(200, post.statusCode(), post.body());
        assertEquals(afterWrite, derivation.runs(), "no read derived");
    }

    @Test
    void sparqlUpdateOfDataDerivesExactlyOnceWithItsQuads() {
        HttpResponse<String> r = Http.post(base + "/update", "application/sparql-update",
                "INSERT DATA { GRAPH <urn:example:g-update> { <urn:example:update> <urn:example:p> \"1\" } }", "*/*", auth);
        assertSuccess(r);
        assertEquals(1, derivation.focused.get(), "told which quads");
        assertEquals(0, derivation.full.get());
        assertEquals(List.of(Quad.create(NodeFactory.createURI("urn:example:g-update"), NodeFactory.createURI("urn:example:update"),
                P, NodeFactory.createLiteralString("1"))), derivation.lastAdded);
        assertTrue(ask(ASK_DERIVED, "update"));
    }

    @Test
    void anyOtherSparqlUpdateDerivesExactlyOnceWithTheQuadsItWrote() {
        assertSuccess(Http.post(base + "/update", "application/sparql-update",
                "INSERT { GRAPH <urn:example:g-modify> { <urn:example:modify> <urn:example:p> ?o } } WHERE { <urn:example:seed> <urn:example:p> ?o }",
                "*/*", auth));
        assertEquals(1, derivation.focused.get(), "the quads it wrote were recorded");
        assertEquals(0, derivation.full.get());
        Quad modify = Quad.create(NodeFactory.createURI("urn:example:g-modify"), NodeFactory.createURI("urn:example:modify"), P,
                NodeFactory.createLiteralString("seed"));
        assertEquals(List.of(modify), derivation.lastAdded);
        assertTrue(ask(ASK_DERIVED, "modify"));
        assertSuccess(Http.post(base + "/update", "application/sparql-update", "DROP GRAPH <urn:example:g-modify>", "*/*", auth));
        assertEquals(2, derivation.runs());
        assertEquals(List.of(modify), derivation.lastRemoved);
        assertFalse(ask(ASK_DERIVED, "modify"));
    }

    @Test
    void aReaderDuringTheDerivationSeesNeitherTheWriteNorItsConsequences() throws Exception {
        derivation.entered = new CountDownLatch(1);
        derivation.release = new CountDownLatch(1);
        HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Http.encode("urn:example:g-atomic")))
                .header("Content-Type", "text/turtle").header("Authorization", auth)
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:example:atomic> <urn:example:p> \"1\" .", StandardCharsets.UTF_8))
                .timeout(java.time.Duration.ofSeconds(60)).build();
        CompletableFuture<HttpResponse<String>> pending = HttpClient.newHttpClient()
                .sendAsync(put, HttpResponse.BodyHandlers.ofString());
        try {
            assertTrue(derivation.entered.await(30, TimeUnit.SECONDS), "the derivation started");
            // The write and its consequence are in the transaction; a reader sees neither until it commits.
            assertFalse(ask(ASK_FACT, "atomic"));
            assertFalse(ask(ASK_DERIVED, "atomic"));
        } finally {
            derivation.release.countDown();
        }
        assertSuccess(pending.get(60, TimeUnit.SECONDS));
        assertTrue(ask(ASK_FACT, "atomic"));
        assertTrue(ask(ASK_DERIVED, "atomic"));
    }

    private static HttpResponse<String> gsp(String method, String graph, String contentType, String body) {
        String url = base + "/data" + (graph == null ? "" : "?graph=" + Http.encode(graph));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return Http.send(b);
    }

    private static void assertSuccess(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, r.statusCode() + " " + r.body());
    }

    private static boolean ask(String template, String local) {
        HttpResponse<String> r = Http.get(base + "/sparql?query=" + Http.encode(template.formatted(local)),
                "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceAll("\\s", "").contains("\"boolean\":true");
    }

    static TreeSet<String> quads(DatasetGraph dsg) {
        TreeSet<String> all = new TreeSet<>();
        dsg.find().forEachRemaining(q -> all.add(q.toString()));
        return all;
    }

    /** Every {@code ?s <urn:example:p> ?o} outside the inferred graph implies {@code ?s <urn:example:derived> ?o} in it. */
    static final class TestDerivation implements Derivation {
        final AtomicInteger full = new AtomicInteger();
        final AtomicInteger focused = new AtomicInteger();
        volatile List<Quad> lastAdded;
        volatile List<Quad> lastRemoved;
        volatile RuntimeException failure;
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        int runs() {
            return full.get() + focused.get();
        }

        @Override
        public void apply(DatasetGraph dsg) {
            full.incrementAndGet();
            derive(dsg);
        }

        @Override
        public void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
            focused.incrementAndGet();
            lastAdded = added;
            lastRemoved = removed;
            derive(dsg);
        }

        private void derive(DatasetGraph dsg) {
            dsg.deleteAny(INFERRED, Node.ANY, Node.ANY, Node.ANY);
            List<Quad> facts = new java.util.ArrayList<>();
            dsg.find(Node.ANY, Node.ANY, P, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(INFERRED)) {
                    facts.add(q);
                }
            });
            facts.forEach(q -> dsg.add(INFERRED, q.getSubject(), DERIVED, q.getObject()));
            // Fail or wait only after writing, so that the abort must undo the derivation's own writes as well.
            if (failure != null) {
                throw failure;
            }
            if (entered != null) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
