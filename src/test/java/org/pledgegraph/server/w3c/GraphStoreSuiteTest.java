package org.pledgegraph.server.w3c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the W3C SPARQL 1.1 Graph Store Protocol test suite (w3c/rdf-tests,
 * {@code sparql/sparql11/graph-store-protocol}, manifest-direct.ttl and manifest-indirect.ttl: 13 entries, plus
 * {@code head_non_existing_direct}, which manifest-direct.ttl defines without listing it), one test each, named after
 * its manifest entry. The manifest's {@code /gsp} is {@code /pledgegraph/data}; writes carry credentials. Each
 * case is one of the manifest's connections: a sequence of requests on an empty store, each with the status the
 * manifest expects and, for GET, a Turtle body isomorphic to the manifest's.
 */
class GraphStoreSuiteTest {
    static final String TURTLE = "text/turtle; charset=utf-8";
    static final String PREFIXES = "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix v: <http://www.w3.org/2006/vcard/ns#> .\n";
    static final String JOHN = PREFIXES + "<http://www.example/gsp/person/1> a foaf:Person;\n foaf:businessCard [ a v:VCard; v:fn \"John Doe\" ].\n";
    static final String JANE = PREFIXES + "<http://www.example/gsp/person/1> a foaf:Person;\n foaf:businessCard [ a v:VCard; v:fn \"Jane Doe\" ].\n";
    static final String JANE_2 = PREFIXES + "<http://www.example/gsp/person/2> a foaf:Person;\n foaf:businessCard [ a v:VCard; v:fn \"Jane Doe\" ].\n";
    static final String ALICE = PREFIXES + "[] a foaf:Person;\n foaf:businessCard [ a v:VCard; v:given-name \"Alice\" ] .\n";
    static final String JANE_FULL = PREFIXES + "<http://www.example/gsp/person/1> a foaf:Person;\n foaf:givenName \"Jane\";\n"
            + " foaf:familyName \"Doe\";\n foaf:businessCard [ a v:VCard; v:fn \"Jane Doe\" ] .\n";
    static final String BOUNDARY = "a6fe4cd636164618814be9f8d3d1a0de";
    static final String MULTIPART = "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"lastName.ttl\"; filename=\"lastName.ttl\"\r\n"
            + "Content-Type: text/turtle; charset=utf-8\r\n\r\n"
            + "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n<http://www.example/gsp/person/1> foaf:familyName \"Doe\" .\r\n\r\n"
            + "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"firstName.ttl\"; filename=\"firstName.ttl\"\r\n"
            + "Content-Type: text/turtle; charset=utf-8\r\n\r\n"
            + "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n<http://www.example/gsp/person/1> foaf:givenName \"Jane\" .\r\n\r\n"
            + "--" + BOUNDARY + "--\r\n";

    static final String PERSON_1 = "?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl";
    static final String PERSON_2 = "?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F2.ttl";

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

    @BeforeEach
    void emptyStore() {
        suite.clear();
    }

    // ---- Direct graph identification: /gsp/person/1.ttl is /pledgegraph/data/person/1.ttl

    @Test
    void put_get_repeat_direct() {
        putGetRepeat("/person/1.ttl");
    }

    @Test
    void put_delete_get_delete_direct() {
        putDeleteGetDelete("/person/2.ttl");
    }

    @Test
    void post_get_post_get_direct() {
        postGetPostGet("/person/1.ttl");
    }

    @Test
    void head_existing_direct() {
        headExisting("/person/1.ttl");
    }

    @Test
    void head_non_existing_direct() {
        expect(List.of(404), head("/person/4.ttl"));
    }

    // ---- Indirect graph identification: /gsp?graph=... is /pledgegraph/data?graph=...

    @Test
    void put_get_repeat_indirect() {
        putGetRepeat(PERSON_1);
    }

    @Test
    void put_get_default() {
        expect(List.of(200, 201, 204), put("?default", ALICE));
        expectGraph(ALICE, get("?default"));
    }

    @Test
    void put_delete_get_delete_indirect() {
        putDeleteGetDelete(PERSON_2);
    }

    @Test
    void post_get_post_get_indirect() {
        postGetPostGet(PERSON_1);
    }

    @Test
    void post_get_new_graph() {
        HttpResponse<String> created = write("POST", "", TURTLE, ALICE);
        expect(List.of(201), created);
        String location = created.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
        expectGraph(ALICE, get("?graph=" + location));
        // The new graph's name is its URL: direct identification reaches it too.
        assertTrue(location.startsWith(suite.server.datasetUrl() + "/data/"), location);
        expectGraph(ALICE, get(location.substring((suite.server.datasetUrl() + "/data").length())));
    }

    @Test
    void head_existing_indirect() {
        headExisting(PERSON_1);
    }

    @Test
    void head_non_existing_indirect() {
        expect(List.of(404), head("?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F4.ttl"));
    }

    @Test
    void put_get_uri_pct_encoded_indirect() {
        expect(List.of(201), put(PERSON_1, JOHN));
        expectGraph(JOHN, get("?graph=http://www.example/gsp/person/1.ttl"));
    }

    @Test
    void put_get_uri_pct_encoded_twice() {
        expect(List.of(201), put("?graph=http://www.example/gsp/person/%31.ttl", JOHN));
        expect(List.of(201), put("?graph=http://www.example/gsp/person/%2531.ttl", JANE_2));
        expectGraph(JOHN, get("?graph=http://www.example/gsp/person/%31.ttl"));
        expectGraph(JANE_2, get("?graph=http://www.example/gsp/person/%2531.ttl"));
    }

    // ---- The connections the direct and indirect manifests share

    private static void putGetRepeat(String target) {
        expect(List.of(201), put(target, JOHN));
        expectGraph(JOHN, get(target));
        expect(List.of(200, 204), put(target, JANE));
        expectGraph(JANE, get(target));
    }

    private static void putDeleteGetDelete(String target) {
        expect(List.of(201, 200, 204), put(target, ALICE));
        expect(List.of(200, 204), write("DELETE", target, null, null));
        expect(List.of(404), get(target));
        expect(List.of(404, 200, 204), write("DELETE", target, null, null));
    }

    private static void postGetPostGet(String target) {
        expect(List.of(200, 201, 204), write("POST", target, TURTLE, JANE));
        expectGraph(JANE, get(target));
        expect(List.of(200, 204), write("POST", target, "multipart/form-data; boundary=" + BOUNDARY, MULTIPART));
        expectGraph(JANE_FULL, get(target));
    }

    private static void headExisting(String target) {
        expect(List.of(200, 201, 204), put(target, JOHN));
        HttpResponse<String> head = head(target);
        expect(List.of(200), head);
        assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), head.headers().toString());
    }

    // ---- Requests

    private static HttpResponse<String> put(String target, String turtle) {
        return write("PUT", target, TURTLE, turtle);
    }

    private static HttpResponse<String> write(String method, String target, String contentType, String body) {
        return suite.send(method, "/data" + target, contentType, body, null, null, true);
    }

    private static HttpResponse<String> get(String target) {
        return suite.send("GET", "/data" + target, null, null, null, "text/turtle", false);
    }

    private static HttpResponse<String> head(String target) {
        return suite.send("HEAD", "/data" + target, null, null, null, "text/turtle; charset=utf-8", false);
    }

    private static void expect(List<Integer> statuses, HttpResponse<String> r) {
        assertTrue(statuses.contains(r.statusCode()), r.request().method() + " " + r.uri() + ": " + r.statusCode()
                + " is not one of " + statuses + ": " + r.body());
    }

    private static void expectGraph(String turtle, HttpResponse<String> r) {
        expect(List.of(200), r);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), r.headers().toString());
        Graph expected = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(expected);
        Graph actual = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(actual);
        assertTrue(IsoMatcher.isomorphic(expected, actual), "expected\n" + turtle + "\ngot\n" + r.body());
        assertEquals(expected.size(), actual.size());
    }
}
