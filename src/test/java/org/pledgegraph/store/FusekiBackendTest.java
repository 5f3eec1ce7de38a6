package org.pledgegraph.store;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
