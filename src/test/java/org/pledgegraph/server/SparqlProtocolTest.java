package org.pledgegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;
import org.pledgegraph.support.TestStores;

/** The SPARQL 1.1 Protocol and Graph Store reads over real HTTP against a TDB2 store on disk. */
class SparqlProtocolTest {
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 20";

    @TempDir
    static Path dir;
    static Store store;
    static PledgeServer server;
    static String sparql;
    static long triples;

    @BeforeAll
    static void start() {
        store = TestStores.loadedOnDisk(dir.resolve("store"));
        triples = store.read(d -> {
            long n = 0;
            var it = d.find();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
        server = PledgeServer.start(store, ServerSettings.defaults().withPort(0));
        sparql = server.datasetUrl() + "/sparql";
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void getQueryCountsTheUnionOfNamedGraphs() {
        HttpResponse<String> r = Http.get(sparql + "?query=" + Http.encode(COUNT), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        ResultSet rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(r.body().getBytes()), ResultSetLang.RS_JSON);
        long n = rs.next().getLiteral("n").getLong();
        assertTrue(n > 0, "the loaded store is not empty");
        assertEquals(triples, n, "the default graph is the union of the named graphs");
    }

    @Test
    void postFormAndPostDirectGiveTheSameAnswer() {
        HttpResponse<String> form = Http.post(sparql, "application/x-www-form-urlencoded", "query=" + Http.encode(COUNT),
                "text/csv", null);
        HttpResponse<String> direct = Http.post(sparql, "application/sparql-query", COUNT, "text/csv", null);
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(200, direct.statusCode(), direct.body());
        assertEquals(form.body(), direct.body());
        assertEquals("n", form.body().lines().findFirst().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
        "application/sparql-results+json, application/sparql-results+json, json",
        "application/sparql-results+xml, application/sparql-results+xml, xml",
        "text/csv, text/csv, csv",
        "text/tab-separated-values, text/tab-separated-values, tsv"})
    void selectResultsFollowAccept(String accept, String contentType, String lang) {
        HttpResponse<String> r = Http.get(sparql + "?query=" + Http.encode(COUNT), accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(contentType),
                "Content-Type " + r.headers().firstValue("Content-Type"));
        ResultSetLang.init();
        Lang resultLang = switch (lang) {
            case "json" -> ResultSetLang.RS_JSON;
            case "xml" -> ResultSetLang.RS_XML;
            case "csv" -> ResultSetLang.RS_CSV;
            default -> ResultSetLang.RS_TSV;
        };
        ResultSet rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(r.body().getBytes()), resultLang);
        assertEquals(Long.toString(triples), rs.next().get("n").asLiteral().getLexicalForm());
    }

    @ParameterizedTest
    @CsvSource({
        "text/turtle, TURTLE",
        "application/ld+json, JSONLD",
        "application/n-triples, NTRIPLES",
        "application/rdf+xml, RDFXML"})
    void constructFollowsAccept(String accept, String langName) {
        HttpResponse<String> r = Http.get(sparql + "?query=" + Http.encode(CONSTRUCT), accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(r.body())).lang(langFor(langName)).parse(g);
        assertEquals(Math.min(20, triples), g.size());
    }

    @Test
    void describeAnswersInTurtle() {
        String q = "DESCRIBE ?s WHERE { ?s a ?c } LIMIT 1";
        HttpResponse<String> r = Http.get(sparql + "?query=" + Http.encode(q), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.TURTLE).parse(g);
        assertFalse(g.isEmpty());
    }

    @Test
    void malformedQueryIs400WithTheParsersPosition() {
        HttpResponse<String> r = Http.get(sparql + "?query=" + Http.encode("SELECT * WHERE { ?s ?p }"), "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("line 1, column 24"), r.body());
    }

    @Test
    void graphStoreReadsOneGraph() {
        String graph = "https://w3id.org/pledgegraph/graph/ontology";
        HttpResponse<String> r = Http.get(server.datasetUrl() + "/data?graph=" + Http.encode(graph), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.TURTLE).parse(g);
        long expected = store.graphSizes().get(graph);
        assertEquals(expected, g.size());
    }

    @Test
    void pingAnswers() {
        HttpResponse<String> r = Http.get(server.baseUrl() + "/$/ping", "text/plain");
        assertEquals(200, r.statusCode());
    }

    @Test
    void bindsToLoopbackByDefault() {
        assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"), server.baseUrl());
    }

    private static Lang langFor(String name) {
        return switch (name) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            default -> Lang.RDFXML;
        };
    }
}
