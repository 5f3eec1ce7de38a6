package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/**
 * An authenticated SPARQL Update through the real endpoint records the ceasefire's entry into force; the update
 * returns only after the rules ran in its transaction, so the very next query sees the guarantees active.
 */
class EndpointActivationTest {
    static final String RECORD = """
            PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            INSERT DATA { GRAPH <https://w3id.org/pledgegraph/graph/source/event-russia-ukraine-ceasefire-entry-into-force> {
              <https://w3id.org/pledgegraph/id/occurrence/russia-ukraine-ceasefire-entry-into-force>
                  a pg:Occurrence , pg:EntryIntoForce ;
                  pg:occurrenceOf <https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> ;
                  pg:occurredOn "2026-06-01"^^xsd:date } }""";
    static final String RETRACT = "DROP GRAPH <https://w3id.org/pledgegraph/graph/source/event-russia-ukraine-ceasefire-entry-into-force>";
    static final String OCCURRENCE_GRAPH = "https://w3id.org/pledgegraph/graph/source/event-russia-ukraine-ceasefire-entry-into-force";
    static final String OCCURRENCE_TURTLE = """
            PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            <https://w3id.org/pledgegraph/id/occurrence/russia-ukraine-ceasefire-entry-into-force>
                a pg:Occurrence , pg:EntryIntoForce ;
                pg:occurrenceOf <https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> ;
                pg:occurredOn "2026-06-01"^^xsd:date .
            """;

    @TempDir
    Path dir;
    Store store;
    PledgeServer server;

    @BeforeEach
    void start() throws Exception {
        FixtureProject p = new FixtureProject(dir);
        p.ok("load");
        Path auth = dir.resolve("auth.txt");
        Files.writeString(auth, "analyst: s3cret\n", StandardCharsets.UTF_8);
        store = p.open();
        server = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAuthFile(auth));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void updateRecordingTheCeasefireActivatesBeforeItReturns() {
        assertEquals("pending", statusOverHttp("2026-06-02").get("reassurance-force"));

        HttpResponse<String> r = Http.post(server.datasetUrl() + "/update", "application/sparql-update", RECORD, "*/*",
                Http.basic("analyst", "s3cret"));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());

        Map<String, String> after = statusOverHttp("2026-06-02");
        assertEquals("active", after.get("reassurance-force"));
        assertEquals("active", after.get("binding-guarantees"));
        assertEquals("pending", after.get("post-war-hubs"));
        assertEquals("pending", statusOverHttp("2026-05-31").get("reassurance-force"));

        HttpResponse<String> d = Http.post(server.datasetUrl() + "/update", "application/sparql-update", RETRACT, "*/*",
                Http.basic("analyst", "s3cret"));
        assertTrue(d.statusCode() == 200 || d.statusCode() == 204, d.statusCode() + " " + d.body());
        assertEquals("pending", statusOverHttp("2026-06-02").get("reassurance-force"), "no stale activation");
    }

    @Test
    void insertDataAndDeleteDataOfAnOccurrenceRefreshExactlyAsAFullRecomputation() {
        String auth = Http.basic("analyst", "s3cret");
        Materializer rules = store.derivation().find(Materializer.class).orElseThrow();
        long refreshes = rules.refreshCount();
        HttpResponse<String> r = Http.post(server.datasetUrl() + "/update", "application/sparql-update", RECORD, "*/*", auth);
        assertEquals(refreshes + 1, rules.refreshCount(), "INSERT DATA of an occurrence takes the focused refresh");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        assertEquals("active", statusOverHttp("2026-06-02").get("reassurance-force"));
        assertInferredAsAFullRecomputationWouldMakeIt();

        String retract = RECORD.replace("INSERT DATA", "DELETE DATA");
        HttpResponse<String> d = Http.post(server.datasetUrl() + "/update", "application/sparql-update", retract, "*/*", auth);
        assertEquals(refreshes + 2, rules.refreshCount(), "DELETE DATA of an occurrence too");
        assertTrue(d.statusCode() == 200 || d.statusCode() == 204, d.statusCode() + " " + d.body());
        assertEquals("pending", statusOverHttp("2026-06-02").get("reassurance-force"));
        assertInferredAsAFullRecomputationWouldMakeIt();
    }

    @Test
    void graphStoreWritesOfTheOccurrenceDeriveBeforeTheyReturn() {
        String auth = Http.basic("analyst", "s3cret");
        String url = server.datasetUrl() + "/data?graph=" + Http.encode(OCCURRENCE_GRAPH);
        assertEquals("pending", statusOverHttp("2026-06-02").get("reassurance-force"));

        HttpResponse<String> put = Http.put(url, "text/turtle", OCCURRENCE_TURTLE, auth);
        assertTrue(put.statusCode() >= 200 && put.statusCode() < 300, put.statusCode() + " " + put.body());
        Map<String, String> after = statusOverHttp("2026-06-02");
        assertEquals("active", after.get("reassurance-force"), "the very next query sees the derived status");
        assertEquals("active", after.get("binding-guarantees"));
        assertEquals("pending", after.get("post-war-hubs"));
        assertInferredAsAFullRecomputationWouldMakeIt();

        HttpResponse<String> delete = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", auth).DELETE());
        assertEquals(204, delete.statusCode(), delete.body());
        assertEquals("pending", statusOverHttp("2026-06-02").get("reassurance-force"), "no stale activation");

        HttpResponse<String> post = Http.post(url, "text/turtle", OCCURRENCE_TURTLE, "*/*", auth);
        assertTrue(post.statusCode() >= 200 && post.statusCode() < 300, post.statusCode() + " " + post.body());
        assertEquals("active", statusOverHttp("2026-06-02").get("reassurance-force"));
        assertInferredAsAFullRecomputationWouldMakeIt();
    }

    @Test
    void aGraphStoreWriteWhoseDerivationFailsChangesNothing() {
        java.util.TreeSet<String> before = store.read(FixtureProject::quads);
        store.setDerivation(dsg -> {
            throw new IllegalStateException("rules unavailable");
        });
        HttpResponse<String> put = Http.put(server.datasetUrl() + "/data?graph=" + Http.encode(OCCURRENCE_GRAPH),
                "text/turtle", OCCURRENCE_TURTLE, Http.basic("analyst", "s3cret"));
        assertTrue(put.statusCode() >= 500, put.statusCode() + " " + put.body());
        assertTrue(put.body().contains("rules unavailable"), put.body());
        assertEquals(before, store.read(FixtureProject::quads), "neither the occurrence nor anything derived");
        assertEquals("pending", statusOverHttp("2026-06-02").get("reassurance-force"));
    }

    private void assertInferredAsAFullRecomputationWouldMakeIt() {
        java.util.TreeSet<String> refreshed = store.read(FixtureProject::inferred);
        Materializer rules = store.derivation().find(Materializer.class).orElseThrow();
        store.write(rules::recomputeAll);
        assertEquals(store.read(FixtureProject::inferred), refreshed);
    }

    @Test
    void anUnauthenticatedUpdateChangesNothing() {
        HttpResponse<String> r = Http.post(server.datasetUrl() + "/update", "application/sparql-update", RECORD, "*/*", null);
        assertEquals(401, r.statusCode());
        assertEquals("pending", statusOverHttp("2026-06-02").get("reassurance-force"));
    }

    @Test
    void anOccurrenceThatEventAddWouldRefuseIsRefusedWith400AndChangesNothing() {
        java.util.TreeSet<String> before = store.read(FixtureProject::quads);
        String badDate = RECORD.replace("\"2026-06-01\"^^xsd:date", "\"2026-6-1\"^^xsd:date");
        assertRefused(badDate, "violates shape <https://w3id.org/pledgegraph/shapes#OccurredOnShape>");
        assertRefused(RECORD.replace("\"2026-06-01\"^^xsd:date", "\"2026-06-01\""), "OccurredOnShape");
        assertRefused(RECORD.replace("\"2026-06-01\"^^xsd:date", "\"2026-06-01Z\"^^xsd:date"), "OccurredOnShape");
        assertRefused(RECORD.replace("pg:Occurrence , pg:EntryIntoForce", "pg:Occurrence"), "OccurrenceKindShape");
        assertRefused(RECORD.replace("event/russia-ukraine-ceasefire>", "event/no-such-event>"), "unknown event");
        assertRefused(RECORD.replace("2026-06-01", "2025-06-01"), "before <https://w3id.org/pledgegraph/id/commitment/");
        assertEquals(before, store.read(FixtureProject::quads), "nothing of the refused updates stays");

        HttpResponse<String> ok = Http.post(server.datasetUrl() + "/update", "application/sparql-update", RECORD, "*/*",
                Http.basic("analyst", "s3cret"));
        assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
        assertRefused(RECORD.replace("occurrence/russia-ukraine-ceasefire-entry-into-force>", "occurrence/second-report>"),
                "already recorded");
        assertRefused("""
                PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                INSERT DATA { GRAPH <https://w3id.org/pledgegraph/graph/source/event-russia-ukraine-ceasefire-entry-into-force> {
                  <https://w3id.org/pledgegraph/id/occurrence/russia-ukraine-ceasefire-entry-into-force> pg:occurredOn "2026-07-01"^^xsd:date } }""",
                "OccurredOnShape");
        assertEquals("active", statusOverHttp("2026-06-02").get("reassurance-force"));
    }

    private void assertRefused(String update, String reason) {
        HttpResponse<String> r = Http.post(server.datasetUrl() + "/update", "application/sparql-update", update, "*/*",
                Http.basic("analyst", "s3cret"));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains(reason), "400 says why (" + reason + "): " + r.body());
    }

    private Map<String, String> statusOverHttp(String asOf) {
        String query = AsOfQuery.STATUS.on(LocalDate.parse(asOf)).serialize();
        HttpResponse<String> r = Http.post(server.datasetUrl() + "/sparql", "application/sparql-query", query,
                "application/sparql-results+json", null);
        assertEquals(200, r.statusCode(), r.body());
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        Map<String, String> status = new HashMap<>();
        rs.forEachRemaining(row -> {
            String c = row.getResource("commitment").getURI();
            String s = row.getResource("status").getURI();
            status.put(c.substring(c.lastIndexOf('/') + 1), s.substring(s.lastIndexOf('/') + 1));
        });
        assertTrue(status.size() >= 6, status.toString());
        return status;
    }
}
