package org.pledgegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;
import org.pledgegraph.support.TestStores;

/**
 * Every write through the endpoint is validated inside its transaction before it commits, whatever its form (SPARQL
 * Update of any kind, Graph Store PUT, POST and DELETE in any RDF syntax): a violation is a 400 naming the shape,
 * and the store is left exactly as it was. The repository's data, served by a real server on a free port.
 */
class EndpointValidationTest {
    static final String PREFIXES = """
            PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            """;
    static final String EVENT_GRAPH = "https://w3id.org/pledgegraph/graph/source/event-test-validation";
    static final String OCCURRENCE = """
            <https://w3id.org/pledgegraph/id/occurrence/test-validation> a <https://w3id.org/pledgegraph/ontology#Occurrence> ,
                <https://w3id.org/pledgegraph/ontology#EntryIntoForce> ;
              <https://w3id.org/pledgegraph/ontology#occurrenceOf> <https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> ;
              <https://w3id.org/pledgegraph/ontology#occurredOn> DATE .
            """;

    @TempDir
    static Path dir;
    static Store store;
    static PledgeServer server;
    static String auth = Http.basic("editor", "change-me");

    @BeforeAll
    static void start() throws Exception {
        Path file = dir.resolve("auth.txt");
        Files.writeString(file, "editor: change-me\n", StandardCharsets.UTF_8);
        store = TestStores.loadedFromRepository();
        server = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAuthFile(file));
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    /** Refused by strict parsing (the Graph Store parses bodies with StrictParse) or, failing that, by the shapes. */
    private static void assertIllFormedDateRefused(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("notadate"), r.body());
    }

    @Test
    void aGraphStorePutOfAnIllFormedDateIsRefusedInEverySyntax() {
        TreeSet<String> before = snapshot();
        String turtle = OCCURRENCE.replace("DATE", "\"notadate\"^^<http://www.w3.org/2001/XMLSchema#date>");
        assertIllFormedDateRefused(put(EVENT_GRAPH, "text/turtle", turtle));
        String o = "<https://w3id.org/pledgegraph/id/occurrence/test-validation> ";
        String pg = "https://w3id.org/pledgegraph/ontology#";
        assertIllFormedDateRefused(put(EVENT_GRAPH, "application/n-triples",
                o + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + pg + "Occurrence> .\n"
                + o + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" + pg + "EntryIntoForce> .\n"
                + o + "<" + pg + "occurrenceOf> <https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> .\n"
                + o + "<" + pg + "occurredOn> \"notadate\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"));
        assertIllFormedDateRefused(put(EVENT_GRAPH, "application/ld+json", """
                { "@id": "https://w3id.org/pledgegraph/id/occurrence/test-validation",
                  "@type": ["https://w3id.org/pledgegraph/ontology#Occurrence", "https://w3id.org/pledgegraph/ontology#EntryIntoForce"],
                  "https://w3id.org/pledgegraph/ontology#occurrenceOf": { "@id": "https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire" },
                  "https://w3id.org/pledgegraph/ontology#occurredOn": { "@value": "notadate", "@type": "http://www.w3.org/2001/XMLSchema#date" } }"""));
        assertEquals(before, snapshot(), "nothing of the refused writes stays");
    }

    @Test
    void anInsertWhereOfAnIllFormedDateIsRefused() {
        TreeSet<String> before = snapshot();
        HttpResponse<String> r = update(PREFIXES + """
                INSERT { GRAPH <%s> { ?o a pg:Occurrence , pg:EntryIntoForce ; pg:occurrenceOf ?e ; pg:occurredOn ?d } }
                WHERE { BIND(<https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> AS ?e)
                        BIND(<https://w3id.org/pledgegraph/id/occurrence/test-validation> AS ?o)
                        BIND(STRDT("notadate", xsd:date) AS ?d) }""".formatted(EVENT_GRAPH));
        assertRefused(r, "[pgsh:OccurredOnShape]");
        assertEquals(before, snapshot());
    }

    @Test
    void aSecondEntryIntoForceOfTheSameEventIsRefusedOverTheGraphStore() {
        String first = OCCURRENCE.replace("DATE", "\"2026-06-01\"^^<http://www.w3.org/2001/XMLSchema#date>");
        HttpResponse<String> ok = put(EVENT_GRAPH, "text/turtle", first);
        assertTrue(ok.statusCode() == 201 || ok.statusCode() == 204 || ok.statusCode() == 200, ok.statusCode() + " " + ok.body());
        try {
            TreeSet<String> before = snapshot();
            String second = first.replace("occurrence/test-validation", "occurrence/second-report")
                    .replace("2026-06-01", "2026-07-01");
            assertRefused(put(EVENT_GRAPH + "-second", "text/turtle", second), "[pgsh:OneOccurrencePerKindShape]");
            assertRefused(post(EVENT_GRAPH, "text/turtle", second), "[pgsh:OneOccurrencePerKindShape]");
            assertEquals(before, snapshot());
        } finally {
            assertEquals(204, update("DROP GRAPH <" + EVENT_GRAPH + ">").statusCode());
        }
    }

    @Test
    void aSourceGraphWriteIsValidatedAgainstTheWholeModel() {
        TreeSet<String> before = snapshot();
        String source = "https://w3id.org/pledgegraph/graph/source/coalition-summit-2026-01-07";
        assertRefused(post(source, "text/turtle", """
                <https://w3id.org/pledgegraph/id/commitment/unlabelled> a <https://w3id.org/pledgegraph/ontology#LoanCommitment> ;
                    <https://w3id.org/pledgegraph/ontology#modality> <https://w3id.org/pledgegraph/id/concept/purpose/deterrence> ."""),
                "[pgsh:CommitmentShape]");
        // Taking away the passages of a commitment leaves a fact without evidence.
        assertRefused(update(PREFIXES + "DELETE WHERE { GRAPH ?g { ?a oa:hasBody <https://w3id.org/pledgegraph/id/commitment/eu-loan-90bn> } }"),
                "commitment:eu-loan-90bn: described in <" + source + "> but the body of no annotation");
        assertEquals(before, snapshot());
    }

    private static void assertRefused(HttpResponse<String> r, String reason) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("violates the shapes"), r.body());
        assertTrue(r.body().contains(reason), "400 names " + reason + ": " + r.body());
    }

    private static HttpResponse<String> update(String update) {
        return Http.post(server.datasetUrl() + "/update", "application/sparql-update", update, "*/*", auth);
    }

    private static HttpResponse<String> put(String graph, String contentType, String body) {
        return Http.put(server.datasetUrl() + "/data?graph=" + Http.encode(graph), contentType, body, auth);
    }

    private static HttpResponse<String> post(String graph, String contentType, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/data?graph=" + Http.encode(graph)))
                .header("Content-Type", contentType).header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static TreeSet<String> snapshot() {
        return store.read(d -> {
            TreeSet<String> quads = new TreeSet<>();
            d.find().forEachRemaining(q -> quads.add(q.toString()));
            return quads;
        });
    }
}
