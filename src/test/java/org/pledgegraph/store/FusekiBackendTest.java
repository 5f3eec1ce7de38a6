package org.pledgegraph.store;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.net.http.HttpResponse;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.support.Http;
import org.junit.jupiter.api.io.TempDir;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.Vocab;
import org.pledgegraph.cli.Wiring;
import org.pledgegraph.load.Loader;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.pledgegraph.support.StandaloneFuseki;

/** The backend suite on a standalone Jena Fuseki server in its own process, as a remote SPARQL 1.1 store. */
class FusekiBackendTest extends BackendSuite {
    @TempDir
    static Path serverDir;

    static StandaloneFuseki fuseki;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(StandaloneFuseki.available(), "skipped: " + StandaloneFuseki.JAR + " is missing (mvn process-test-resources copies it)");
        fuseki = StandaloneFuseki.start(serverDir);
    }

    /** The graphs the tests below write outside pledgegraph's own (which load --reset drops) go too. */
    @org.junit.jupiter.api.AfterEach
    void dropTestGraphs() {
        try (org.apache.jena.rdflink.RDFLink link = org.apache.jena.rdflink.RDFLinkHTTP.service(fuseki.url()).build()) {
            link.update("DROP SILENT GRAPH <urn:x:front> ; DROP SILENT GRAPH <urn:x:bulk-1> ; DROP SILENT GRAPH <urn:x:bulk-8>");
        }
    }

    @AfterAll
    static void stop() {
        if (fuseki != null) {
            fuseki.close();
        }
    }

    /**
     * kill -9 of the store in the middle of a write: the write is all or nothing. Without retries the caller gets an
     * error and the store, once restarted, holds the whole change or none of it; with retries (the default), the write
     * is sent again once the store is back, and all of it is there, with its derivation.
     */
    @Test
    void aStoreKilledMidWriteKeepsAllOrNothing() throws Exception {
        try (Store store = open()) {
            new Loader(PROJECT).load(store, true);
        }
        for (RemoteStore.Retry retry : List.of(RemoteStore.Retry.NONE, RemoteStore.Retry.DEFAULT)) {
            int n = 20_000;
            List<Quad> quads = new ArrayList<>();
            Node graph = NodeFactory.createURI("urn:x:bulk-" + retry.attempts());
            for (int i = 0; i < n; i++) {
                quads.add(Quad.create(graph, NodeFactory.createURI("urn:x:s" + i), RDF.type.asNode(),
                        NodeFactory.createURI(Vocab.PG + "Actor")));
            }
            RemoteStore store = RemoteStore.connect(RemoteEndpoints.of(fuseki.url(), null, null, null), retry);
            Wiring.wire(store);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<?> write = writer.submit(() -> store.change(view -> new Bulk(quads)));
                Thread.sleep(400);
                fuseki.kill();
                if (retry.attempts() > 1) {
                    fuseki.restart();
                }
                Throwable failed = null;
                try {
                    write.get(120, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failed = e.getCause();
                }
                if (retry.attempts() == 1) {
                    fuseki.restart();
                }
                long kept = count(graph);
                System.out.println("retry " + retry.attempts() + ": write " + (failed == null ? "succeeded" : "failed: " + failed)
                        + "; " + kept + " of " + n + " triples kept");
                assertTrue(kept == 0 || kept == n, "all or nothing, not " + kept);
                if (retry.attempts() > 1) {
                    assertEquals(null, failed, "retried until the store was back");
                    assertEquals(n, kept);
                }
                // No reader sees the change without its consequences: the derived types are there iff the change is.
                long derived = countInferredActors();
                assertEquals(kept, derived, "pg:Actor instances derived as pg:Agent (or the like) for each kept triple");
            } finally {
                writer.shutdownNow();
                store.close();
            }
        }
    }

    /**
     * {@code serve --store-url}: two stateless fronts over one store answer the same, a write through one is read,
     * derived, through the other; queries and updates are checked by the front; a front closed in the middle of a
     * writer loop loses no acknowledged write.
     */
    @Test
    void twoFrontsOverOneStoreAndAKilledFrontLosesNothing() throws Exception {
        try (Store store = open()) {
            new Loader(PROJECT).load(store, true);
        }
        Path auth = serverDir.resolve("front-auth.txt");
        java.nio.file.Files.writeString(auth, "editor: s3cret\n");
        ServerSettings settings = ServerSettings.defaults().withPort(0).withAuthFile(auth);
        Store storeA = open();
        Store storeB = open();
        PledgeServer a = PledgeServer.start(storeA, settings);
        PledgeServer b = PledgeServer.start(storeB, settings);
        String login = Http.basic("editor", "s3cret");
        try {
            String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                PledgeServer front = i % 2 == 0 ? a : b;
                HttpResponse<String> r = Http.get(front.datasetUrl() + "/sparql?query=" + Http.encode(count), "text/csv");
                assertEquals(200, r.statusCode(), r.body());
                answers.add(r.body());
            }
            assertEquals(1, answers.stream().distinct().count(), "both fronts give the same answer: " + answers);

            String occurrence = Vocab.ID + "occurrence/russia-ukraine-ceasefire-entry-into-force";
            HttpResponse<String> write = Http.post(a.datasetUrl() + "/update", "application/sparql-update",
                    "PREFIX pg: <" + Vocab.PG + "> INSERT DATA { GRAPH <" + Vocab.GRAPH_SOURCE_PREFIX
                            + "event-russia-ukraine-ceasefire-entry-into-force> { <" + occurrence + "> a pg:Occurrence, pg:EntryIntoForce ; "
                            + "pg:occurrenceOf <" + Vocab.ID + "event/russia-ukraine-ceasefire> ; "
                            + "pg:occurredOn \"2026-06-01\"^^<http://www.w3.org/2001/XMLSchema#date> } }", "*/*", login);
            assertEquals(204, write.statusCode(), write.body());
            String derived = "PREFIX pg: <" + Vocab.PG + "> ASK { GRAPH <" + Vocab.GRAPH_INFERRED
                    + "> { ?c pg:conditionMetOn \"2026-06-01\"^^<http://www.w3.org/2001/XMLSchema#date> } }";
            HttpResponse<String> seen = Http.get(b.datasetUrl() + "/sparql?query=" + Http.encode(derived), "text/csv");
            assertEquals("true", seen.body().lines().skip(1).findFirst().orElse("").strip(), "front B reads what front A derived");

            assertEquals(401, Http.post(a.datasetUrl() + "/update", "application/sparql-update",
                    "INSERT DATA { <urn:x:s> <urn:x:p> 1 }", "*/*", null).statusCode(), "anonymous writes refused");
            assertEquals(400, Http.post(a.datasetUrl() + "/update", "application/sparql-update",
                    "LOAD <file:///etc/passwd>", "*/*", login).statusCode(), "no LOAD of local files");
            assertEquals(422, Http.get(b.datasetUrl() + "/sparql?query=" + Http.encode(
                    "SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"), "text/csv").statusCode(), "SERVICE off the allow-list");
            assertEquals(400, Http.get(b.datasetUrl() + "/sparql?query=" + Http.encode("SELEKT"), "text/csv").statusCode());

            // A writer loop through front A; A is closed midway. Every write A acknowledged is in the store.
            List<Integer> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> loop = writer.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        HttpResponse<String> r = Http.post(a.datasetUrl() + "/update", "application/sparql-update",
                                "INSERT DATA { GRAPH <urn:x:front> { <urn:x:w" + i + "> <urn:x:p> " + i + " } }", "*/*", login);
                        if (r.statusCode() == 204) {
                            acknowledged.add(i);
                        }
                    } catch (RuntimeException e) {
                        return; // the front is gone
                    }
                }
            });
            while (acknowledged.size() < 3 && !loop.isDone()) {
                Thread.sleep(50);
            }
            a.close();
            loop.get(120, TimeUnit.SECONDS);
            writer.shutdown();
            HttpResponse<String> kept = Http.get(b.datasetUrl() + "/sparql?query=" + Http.encode(
                    "SELECT ?o WHERE { GRAPH <urn:x:front> { ?s ?p ?o } }"), "text/csv");
            java.util.Set<Integer> inStore = new java.util.TreeSet<>();
            kept.body().lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> inStore.add(Integer.parseInt(l.strip())));
            System.out.println("front closed after " + acknowledged.size() + " acknowledged writes; " + inStore.size() + " in the store");
            assertTrue(acknowledged.size() >= 3);
            assertTrue(inStore.containsAll(acknowledged), "every acknowledged write is in the store: " + acknowledged + " vs " + inStore);
        } finally {
            a.close();
            b.close();
            storeA.close();
            storeB.close();
        }
    }

    record Bulk(List<Quad> added) implements Change {
        @Override
        public List<Quad> removed() {
            return List.of();
        }
    }

    private long count(Node graph) {
        try (Store store = open()) {
            return store.query(v -> ((Number) v.select(QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <"
                    + graph.getURI() + "> { ?s ?p ?o } }")).next().get("n").getLiteralValue()).longValue());
        }
    }

    private long countInferredActors() {
        try (Store store = open()) {
            return store.query(v -> ((Number) v.select(QueryFactory.create("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH <"
                    + Vocab.GRAPH_INFERRED + "> { ?s a ?t } FILTER STRSTARTS(STR(?s), \"urn:x:s\") }"))
                    .next().get("n").getLiteralValue()).longValue());
        }
    }

    @Override
    List<String> storeArgs() {
        return List.of("--store-url", fuseki.url());
    }

    @Override
    Store open() {
        return wired(RemoteStore.connect(RemoteEndpoints.of(fuseki.url(), null, null, null)));
    }
}
