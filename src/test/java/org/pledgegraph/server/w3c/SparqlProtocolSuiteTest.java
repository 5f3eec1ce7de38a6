package org.pledgegraph.server.w3c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests, {@code sparql/sparql11/protocol/manifest.ttl},
 * 34 entries), one test each, named after its manifest entry. The requests and the expected answers are the
 * manifest's; the manifest's {@code /sparql/} is {@code /pledgegraph/sparql} for queries and
 * {@code /pledgegraph/update} (with credentials) for updates. Where the manifest allows 2xx or 3xx, 2xx is required.
 * Bad update requests are also checked to leave the store exactly as it was.
 */
class SparqlProtocolSuiteTest {
    static final String K = "http://kasei.us/2009/09/sparql/data/";
    static final String D0 = enc(K + "data0.rdf");
    static final String D1 = enc(K + "data1.rdf");
    static final String D2 = enc(K + "data2.rdf");
    static final String D3 = enc(K + "data3.rdf");
    static final String FORM = "application/x-www-form-urlencoded";
    static final String QUERY = "application/sparql-query";
    static final String UPDATE = "application/sparql-update";
    static final List<String> TABULAR = List.of("application/sparql-results+xml", "application/sparql-results+json",
            "text/csv", "text/tab-separated-values");
    static final List<String> BOOLEAN = List.of("application/sparql-results+xml", "application/sparql-results+json");
    static final List<String> RDF = List.of("application/rdf+xml", "text/turtle", "application/n-triples", "application/ld+json");

    @TempDir
    static Path dir;
    static SuiteServer suite;

    @BeforeAll
    static void start() {
        suite = new SuiteServer(dir);
    }

    @AfterAll
    static void stop() {
        suite.close();
    }

    /** The manifest's ut:graphData: data1.nt, data2.nt and data3.nt, each in the graph its label names. */
    @BeforeEach
    void graphData() {
        suite.store.write(dsg -> {
            dsg.clear();
            for (String n : List.of("1", "2", "3")) {
                String doc = K + "data" + n + ".rdf";
                dsg.add(NodeFactory.createURI(doc), NodeFactory.createURI(doc),
                        NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                        NodeFactory.createURI("http://xmlns.com/foaf/0.1/Document"));
            }
        });
    }

    // ---- Queries

    @Test
    void query_post_form() {
        assertBoolean(true, query("POST", "?default-graph-uri=" + D0, FORM, "query=ASK%20%7B%7D"));
    }

    @Test
    void query_dataset_default_graphs_get() {
        assertBoolean(true, query("GET", "?query=" + enc("ASK { <" + K + "data1.rdf> a ?type . <" + K + "data2.rdf> a ?type . }")
                + "&default-graph-uri=" + D1 + "&default-graph-uri=" + D2, null, null));
    }

    @Test
    void query_dataset_default_graphs_post() {
        assertBoolean(true, query("POST", "?default-graph-uri=" + D1 + "&default-graph-uri=" + D2, QUERY,
                "ASK { <" + K + "data1.rdf> a ?type . <" + K + "data2.rdf> a ?type . }"));
    }

    @Test
    void query_dataset_named_graphs_post() {
        assertBoolean(true, query("POST", "?named-graph-uri=" + D1 + "&named-graph-uri=" + D2, QUERY,
                "ASK { GRAPH ?g1 { <" + K + "data1.rdf> a ?type } GRAPH ?g2 { <" + K + "data2.rdf> a ?type } }"));
    }

    @Test
    void query_dataset_named_graphs_get() {
        assertBoolean(true, query("GET", "?query=" + enc("ASK { GRAPH ?g1 { <" + K + "data1.rdf> a ?type } GRAPH ?g2 { <" + K
                + "data2.rdf> a ?type } }") + "&named-graph-uri=" + D1 + "&named-graph-uri=" + D2, null, null));
    }

    @Test
    void query_dataset_full() {
        assertBoolean(true, query("POST", "?default-graph-uri=" + D3 + "&named-graph-uri=" + D1 + "&named-graph-uri=" + D2, QUERY,
                "ASK {\n  <" + K + "data3.rdf> a ?type\n  GRAPH ?g1 { <" + K + "data1.rdf> a ?type }\n  GRAPH ?g2 { <" + K
                        + "data2.rdf> a ?type }\n}"));
    }

    @Test
    void query_multiple_dataset() {
        assertBoolean(true, query("POST", "?named-graph-uri=" + D1 + "&named-graph-uri=" + D2, QUERY,
                "ASK FROM <" + K + "data3.rdf> { GRAPH ?g1 { <" + K + "data1.rdf> a ?type } GRAPH ?g2 { <" + K + "data2.rdf> a ?type } }"));
    }

    @Test
    void query_get() {
        assertBoolean(true, query("GET", "?query=ASK%20%7B%7D&default-graph-uri=" + D0, null, null));
    }

    @Test
    void query_content_type_select() {
        assertFormat(TABULAR, query("POST", "?default-graph-uri=" + D0, QUERY, "SELECT (1 AS ?value) {}"));
    }

    @Test
    void query_content_type_ask() {
        assertFormat(BOOLEAN, query("POST", "?default-graph-uri=" + D0, QUERY, "ASK {}"));
    }

    @Test
    void query_content_type_describe() {
        assertFormat(RDF, query("POST", "?default-graph-uri=" + D0, QUERY, "DESCRIBE <http://example.org/>"));
    }

    @Test
    void query_content_type_construct() {
        assertFormat(RDF, query("POST", "?default-graph-uri=" + D0, QUERY, "CONSTRUCT { <s> <p> 1 } WHERE {}"));
    }

    @Test
    void query_post_direct() {
        assertBoolean(true, query("POST", "", QUERY, "ASK {}"));
    }

    // ---- Updates

    static final String PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n";
    static final String THREE_DOCUMENTS = "INSERT DATA {\n"
            + "    GRAPH <" + K + "data1.rdf> { <" + K + "data1.rdf> a foaf:Document }\n"
            + "    GRAPH <" + K + "data2.rdf> { <" + K + "data2.rdf> a foaf:Document }\n"
            + "    GRAPH <" + K + "data3.rdf> { <" + K + "data3.rdf> a foaf:Document }\n} ;\n";

    @Test
    void update_dataset_default_graph() {
        assert2xx(update("?using-graph-uri=" + D1, UPDATE, PREFIXES + "CLEAR ALL ;\nINSERT DATA {\n    GRAPH <" + K
                + "data1.rdf> {\n        <" + K + "data1.rdf> a foaf:Document\n    }\n} ;\nINSERT {\n    GRAPH "
                + "<http://example.org/protocol-update-dataset-test/> {\n        ?s a dc:BibliographicResource\n    }\n}\n"
                + "WHERE {\n    ?s a foaf:Document\n}"));
        assertBoolean(true, query("POST", "", QUERY, "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
                + "        <" + K + "data1.rdf> a <http://purl.org/dc/terms/BibliographicResource>\n    }\n}"));
    }

    @Test
    void update_dataset_default_graphs() {
        assert2xx(update("?using-graph-uri=" + D1 + "&using-graph-uri=" + D2, UPDATE, PREFIXES + "DROP ALL ;\n" + THREE_DOCUMENTS
                + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n        ?s a dc:BibliographicResource\n"
                + "    }\n}\nWHERE {\n    ?s a foaf:Document\n}"));
        assertBoolean(true, query("POST", "", QUERY, twoOfThree("http://example.org/protocol-update-dataset-graphs-test/")));
    }

    @Test
    void update_dataset_named_graphs() {
        assert2xx(update("?using-named-graph-uri=" + D1 + "&using-named-graph-uri=" + D2, UPDATE, PREFIXES + "DROP ALL ;\n"
                + THREE_DOCUMENTS + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n"
                + "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    GRAPH ?g {\n        ?s a foaf:Document\n    }\n}"));
        assertBoolean(true, query("POST", "", QUERY, twoOfThree("http://example.org/protocol-update-dataset-named-graphs-test/")));
    }

    @Test
    void update_dataset_full() {
        assert2xx(update("?using-graph-uri=" + D1 + "&using-named-graph-uri=" + D2, UPDATE, PREFIXES + "DROP ALL ;\n"
                + THREE_DOCUMENTS + "INSERT {\n    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
                + "        ?s <http://example.org/in> ?in\n    }\n}\nWHERE {\n    {\n        GRAPH ?g { ?s a foaf:Document }\n"
                + "        BIND(?g AS ?in)\n    }\n    UNION\n    {\n        ?s a foaf:Document .\n        BIND(\"default\" AS ?in)\n"
                + "    }\n}"));
        assertBoolean(true, query("POST", "", QUERY, "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
                + "        <" + K + "data1.rdf> <http://example.org/in> \"default\" .\n"
                + "        <" + K + "data2.rdf> <http://example.org/in> <" + K + "data2.rdf> .\n    }\n"
                + "    FILTER NOT EXISTS {\n        GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
                + "            <" + K + "data3.rdf> ?p ?o\n        }\n    }\n}"));
    }

    @Test
    void update_post_form() {
        assert2xx(update("", FORM, "update=CLEAR+ALL"));
        assertEquals(Map.of(), suite.store.graphSizes());
    }

    @Test
    void update_post_direct() {
        assert2xx(update("", UPDATE, "CLEAR ALL"));
        assertEquals(Map.of(), suite.store.graphSizes());
    }

    @Test
    void update_base_uri() {
        assert2xx(update("", UPDATE, "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ;\n"
                + "INSERT DATA { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }"));
        assertBoolean(true, query("POST", "", QUERY, "ASK {\n    GRAPH <http://example.org/protocol-base-test/> {\n"
                + "        <http://example.org/s> <http://example.org/p> ?o\n        FILTER (isIRI(?o) && STR(?o) != \"test\")\n    }\n}"));
    }

    // ---- Bad requests: 4xx, and nothing changes

    @Test
    void bad_query_method() {
        assert4xx(query("PUT", "?query=ASK%20%7B%7D&default-graph-uri=" + D0, FORM, null));
    }

    @Test
    void bad_multiple_queries() {
        assert4xx(query("GET", "?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", null, null));
    }

    @Test
    void bad_query_wrong_media_type() {
        assert4xx(query("POST", "", "text/plain", "ASK {}"));
    }

    @Test
    void bad_query_missing_form_type() {
        assert4xx(query("POST", "", null, "query=ASK%20%7B%7D"));
    }

    @Test
    void bad_query_missing_direct_type() {
        assert4xx(query("POST", "", null, "ASK {}"));
    }

    @Test
    void bad_query_non_utf8() {
        assert4xx(suite.send("POST", "/sparql", QUERY + "; charset=UTF-16", "ASK {}", StandardCharsets.UTF_16, null, false));
    }

    @Test
    void bad_query_syntax() {
        assert4xx(query("GET", "?query=ASK%20%7B", null, null));
    }

    @Test
    void bad_update_get() {
        assertUnchangedAfter4xx(() -> suite.send("GET", "/update?update=CLEAR%20ALL", null, null, null, null, true));
    }

    @Test
    void bad_multiple_updates() {
        assertUnchangedAfter4xx(() -> update("", FORM, "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT"));
    }

    @Test
    void bad_update_wrong_media_type() {
        assertUnchangedAfter4xx(() -> update("", "text/plain", "CLEAR NAMED"));
    }

    @Test
    void bad_update_missing_form_type() {
        assertUnchangedAfter4xx(() -> update("", null, "update=CLEAR%20NAMED"));
    }

    @Test
    void bad_update_non_utf8() {
        assertUnchangedAfter4xx(() -> suite.send("POST", "/update", UPDATE + "; charset=UTF-16", "CLEAR NAMED",
                StandardCharsets.UTF_16, null, true));
    }

    @Test
    void bad_update_syntax() {
        assertUnchangedAfter4xx(() -> update("", FORM, "update=CLEAR%20XYZ"));
    }

    @Test
    void bad_update_dataset_conflict() {
        HttpResponse<String> r = assertUnchangedAfter4xx(() -> update("?using-named-graph-uri=" + enc("http://example/people"), UPDATE,
                "PREFIX foaf:  <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
                        + "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
                        + "WHERE {\n    ?person foaf:givenName 'Bill'\n}"));
        assertEquals(400, r.statusCode(), "a conflict in the request is the client's: " + r.body());
    }

    // ---- Helpers

    private static String twoOfThree(String graph) {
        return "ASK {\n    GRAPH <" + graph + "> {\n"
                + "        <" + K + "data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
                + "        <" + K + "data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n    }\n"
                + "    FILTER NOT EXISTS {\n        GRAPH <" + graph + "> {\n"
                + "            <" + K + "data3.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n        }\n    }\n}";
    }

    private static HttpResponse<String> query(String method, String queryString, String contentType, String body) {
        return suite.send(method, "/sparql" + queryString, contentType, body, null, null, false);
    }

    private static HttpResponse<String> update(String queryString, String contentType, String body) {
        return suite.send("POST", "/update" + queryString, contentType, body, null, null, true);
    }

    private static HttpResponse<String> assertUnchangedAfter4xx(java.util.function.Supplier<HttpResponse<String>> request) {
        Map<String, Long> before = suite.store.graphSizes();
        HttpResponse<String> r = request.get();
        assert4xx(r);
        assertEquals(before, suite.store.graphSizes(), "the store is exactly as before");
        return r;
    }

    private static void assert2xx(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, r.statusCode() + " " + r.body());
    }

    private static void assert4xx(HttpResponse<String> r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue(r.statusCode() != 401, "refused for its content, not for credentials: " + r.body());
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    private static void assertBoolean(boolean expected, HttpResponse<String> r) {
        assert2xx(r);
        String type = contentType(r);
        assertTrue(BOOLEAN.contains(type), "boolean results as XML or JSON, not " + type);
        Lang lang = type.endsWith("json") ? ResultSetLang.RS_JSON : ResultSetLang.RS_XML;
        assertEquals(expected, ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang));
    }

    private static void assertFormat(List<String> allowed, HttpResponse<String> r) {
        assert2xx(r);
        String type = contentType(r);
        assertTrue(allowed.contains(type), type + " is not one of " + allowed);
        Lang lang = RDFLanguages.contentTypeToLang(type);
        if (allowed == BOOLEAN) {
            ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang);
        } else if (RDF.contains(type)) {
            RDFParser.fromString(r.body(), lang).parse(GraphFactory.createDefaultGraph());
        } else {
            ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang).forEachRemaining(row -> {});
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
