package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/**
 * The XSS probe: a store whose labels, texts and IRIs hold markup and script, served by a real server. Every page
 * must show them as text: escaped, never a tag, never a {@code javascript:} link; and the CSP forbids inline script.
 */
class EscapingTest {
    static final String LABEL = "<script>alert('label')</script>";
    static final String TEXT = "\"><img src=x onerror=alert(1)>";
    static final String CONDITION = "</td><script>alert(3)</script>";
    static final Node PERSON = NodeFactory.createURI(Vocab.ID + "person/probe");
    static final Node COMMITMENT = NodeFactory.createURI(Vocab.ID + "commitment/probe");

    @RegisterExtension
    static final WebServer web = new WebServer(EscapingTest::probeStore);

    static Store probeStore() {
        Store store = Store.inMemory();
        Node g = NodeFactory.createURI(Vocab.sourceGraph("probe"));
        Node condition = NodeFactory.createURI(Vocab.ID + "condition/probe");
        store.write(dsg -> {
            dsg.add(new Quad(g, PERSON, RDF.type.asNode(), NodeFactory.createURI(Vocab.PG + "Person")));
            dsg.add(new Quad(g, PERSON, RDFS.label.asNode(), NodeFactory.createLiteralLang(LABEL, "en")));
            dsg.add(new Quad(g, PERSON, RDFS.comment.asNode(), NodeFactory.createLiteralString(TEXT)));
            dsg.add(new Quad(g, PERSON, RDFS.seeAlso.asNode(), NodeFactory.createURI("javascript:alert(1)")));
            dsg.add(new Quad(g, COMMITMENT, RDF.type.asNode(), NodeFactory.createURI(Vocab.PG + "Commitment")));
            dsg.add(new Quad(g, COMMITMENT, RDFS.label.asNode(), NodeFactory.createLiteralString(LABEL)));
            dsg.add(new Quad(g, COMMITMENT, NodeFactory.createURI(Vocab.PG + "committedBy"), PERSON));
            dsg.add(new Quad(g, COMMITMENT, NodeFactory.createURI(Vocab.PG + "hasActivationCondition"), condition));
            dsg.add(new Quad(g, condition, NodeFactory.createURI(Vocab.PG + "conditionText"), NodeFactory.createLiteralString(CONDITION)));
        });
        return store;
    }

    @Test
    void markupInTheDataIsShownAsText() {
        for (String path : new String[] {"/", "/id/person/probe", "/id/commitment/probe", "/id/person/scripts", "/graph/source/probe"}) {
            HttpResponse<String> r = Http.get(web.url(path), "text/html");
            String html = r.body();
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + " " + r.statusCode());
            assertFalse(html.contains("<script>alert"), path + " lets a script tag through");
            assertFalse(html.contains("<img src=x"), path + " lets an img tag through");
            assertFalse(html.contains("href=\"javascript:"), path + " links a javascript: IRI");
            assertFalse(html.contains("</td><script"), path);
            assertFalse(html.contains("<script"), path + " has a script element (none of our pages needs one)");
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
        }
        String person = Http.get(web.url("/id/person/probe"), "text/html").body();
        assertTrue(person.contains("&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;")
                || person.contains("&lt;script&gt;alert('label')&lt;/script&gt;"), "the label, escaped: " + person);
        assertTrue(person.contains("javascript:alert(1)"), "the IRI is shown, as text");
        String commitment = Http.get(web.url("/id/commitment/probe"), "text/html").body();
        assertTrue(commitment.contains("&lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;"), "the condition text, escaped");
        String notFound = Http.get(web.url("/id/person/scripts"), "text/html").body();
        assertTrue(notFound.contains("href=\"/id/person/probe\""), "the 404 suggests the thing whose label holds the word");
    }

    @Test
    void theDataAnswersCarryTheMarkupUnchanged() {
        HttpResponse<String> r = Http.get(web.url("/id/person/probe"), "application/n-triples");
        assertEquals(200, r.statusCode());
        var g = LinkedDataTest.parse(r.body(), org.apache.jena.riot.Lang.NTRIPLES);
        assertTrue(g.contains(PERSON, RDFS.label.asNode(), NodeFactory.createLiteralLang(LABEL, "en")));
    }
}
