package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.Http;

/**
 * The linked-data answers over HTTP, on a real server: content negotiation of /id/..., /ontology, /graph/...,
 * /.well-known/void and the service description; every format parsed with Jena's parsers and compared.
 */
class LinkedDataTest {
    @RegisterExtension
    static final WebServer web = new WebServer();

    static final String COMMITMENT = "/id/commitment/security-guarantees";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    static final Map<String, Lang> FORMATS = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
            "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
    static final Map<String, String> SUFFIXES = Map.of("ttl", "text/turtle", "jsonld", "application/ld+json",
            "nt", "application/n-triples", "rdf", "application/rdf+xml");

    @Test
    void everyFormatParsesAndHoldsTheSameTriples() {
        Graph turtle = fetch(COMMITMENT, "text/turtle", Lang.TURTLE);
        assertTrue(turtle.size() > 30, "a description, not a stub: " + turtle.size());
        Node thing = NodeFactory.createURI(Vocab.ID + "commitment/security-guarantees");
        assertTrue(turtle.contains(thing, NodeFactory.createURI(Vocab.PG + "committedBy"),
                NodeFactory.createURI(Vocab.ID + "organization/coalition-of-the-willing")));
        FORMATS.forEach((type, lang) -> {
            Graph other = fetch(COMMITMENT, type, lang);
            assertTrue(IsoMatcher.isomorphic(turtle, other), type + " holds other triples than Turtle");
        });
        SUFFIXES.forEach((suffix, type) -> {
            HttpResponse<String> r = Http.get(web.url(COMMITMENT + "." + suffix), "text/html");
            assertEquals(200, r.statusCode(), suffix);
            assertTrue(contentType(r).startsWith(type), suffix + " gave " + contentType(r));
            assertTrue(IsoMatcher.isomorphic(turtle, parse(r.body(), FORMATS.get(type))), suffix);
        });
    }

    @Test
    void browsersGetThePageAndEveryAnswerVariesByAccept() {
        for (String accept : new String[] {BROWSER, "*/*", "text/turtle", "application/ld+json;q=0.5, text/turtle;q=0.9"}) {
            HttpResponse<String> r = Http.get(web.url(COMMITMENT), accept);
            assertEquals(200, r.statusCode(), accept);
            assertEquals("Accept", r.headers().firstValue("Vary").orElse(""), accept);
        }
        HttpResponse<String> page = Http.get(web.url(COMMITMENT), BROWSER);
        assertTrue(contentType(page).startsWith("text/html"));
        assertTrue(page.headers().firstValue("Link").orElse("").contains("<" + COMMITMENT + ".ttl>; rel=\"alternate\"; type=\"text/turtle\""),
                "the page points to its data");
        assertTrue(contentType(Http.get(web.url(COMMITMENT), "*/*")).startsWith("text/html"));
        assertTrue(contentType(Http.get(web.url(COMMITMENT), "application/ld+json;q=0.5, text/turtle;q=0.9"))
                .startsWith("text/turtle"), "the higher quality wins");
        assertTrue(contentType(Http.get(web.url(COMMITMENT), "text/html;q=0, */*")).startsWith("text/turtle"),
                "q=0 refuses HTML");
    }

    @Test
    void whatCannotBeServedIs406() {
        for (String accept : new String[] {"application/pdf", "image/png", "text/turtle;q=0"}) {
            HttpResponse<String> r = Http.get(web.url(COMMITMENT), accept);
            assertEquals(406, r.statusCode(), accept);
            assertTrue(r.body().contains("text/turtle"), "says what can be served: " + r.body());
        }
        assertEquals(406, Http.get(web.url("/ontology"), "application/pdf").statusCode());
    }

    @Test
    void unknownThingsGetA404PageWithCloseLabels() {
        HttpResponse<String> r = Http.get(web.url("/id/person/emanuel-macronn"), BROWSER);
        assertEquals(404, r.statusCode());
        assertTrue(contentType(r).startsWith("text/html"));
        int macron = r.body().indexOf("href=\"/id/person/emmanuel-macron\"");
        assertTrue(macron > 0, "suggests Emmanuel Macron: " + r.body());
        assertEquals(404, Http.get(web.url("/id/person/emanuel-macronn"), "text/turtle").statusCode());
        assertEquals(404, Http.get(web.url("/id/person/emanuel-macronn.ttl"), "*/*").statusCode());
    }

    @Test
    void theCommitmentPageAnswersWhoWaitsForACeasefireAndWhichSentenceSaysSo() {
        HttpResponse<String> r = Http.get(web.url(COMMITMENT + "?as-of=2026-02-01"), BROWSER);
        String html = r.body();
        assertEquals(200, r.statusCode());
        assertTrue(html.contains("<span class=\"badge pending\">pending</span>"), "its status as of the date");
        assertTrue(html.contains(">Coalition of the Willing</a>"), "who gives it");
        assertTrue(html.contains("will be activated once a ceasefire enters into force"), "what it waits for");
        assertTrue(html.contains(">Russia-Ukraine ceasefire</a>"), "the event it awaits");
        assertTrue(html.contains("href=\"/id/source/coalition-summit-2026-01-07#char=28,241\""), "the passage, linked");
        assertTrue(html.contains("have committed to providing \"politically and legally binding\" security guarantees for Ukraine"),
                "the sentence, quoted");
        HttpResponse<String> source = Http.get(web.url("/id/source/coalition-summit-2026-01-07"), BROWSER);
        assertEquals(200, source.statusCode());
        assertTrue(source.body().contains("id=\"char=28,241\""), "the citation link's anchor exists");
        assertTrue(source.body().contains("<mark>"), "passages are marked");
    }

    @Test
    void theEventPageListsWhatWaitsForIt() {
        HttpResponse<String> home = Http.get(web.url("/"), BROWSER);
        assertTrue(home.body().contains("href=\"/id/event/russia-ukraine-ceasefire\""), "the home page links the awaited event");
        String html = Http.get(web.url("/id/event/russia-ukraine-ceasefire"), BROWSER).body();
        int section = html.indexOf("Commitments that wait for it");
        assertTrue(section > 0, html);
        String waiting = html.substring(section, html.indexOf("</section>", section));
        for (String commitment : new String[] {"security-guarantees", "ceasefire-monitoring-mechanism", "uk-france-military-hubs"}) {
            assertTrue(waiting.contains("href=\"/id/commitment/" + commitment + "\""), commitment);
        }
        assertTrue(waiting.contains(">Coalition of the Willing</a>") && waiting.contains(">United Kingdom</a>"), "who gave them");
        assertTrue(waiting.contains("href=\"/id/source/coalition-summit-2026-01-07#char=487,643\""), "Costa's sentence, linked");
        assertTrue(waiting.contains("that will be activated once a ceasefire enters into force"), "and quoted");
    }

    @Test
    void theSourceViewMarksPassagesByCodePoints() {
        String html = Http.get(web.url("/id/source/coalition-summit-2026-01-07"), BROWSER).body();
        // characters 0-25 are "BRUSSELS, January 7, 2026" (the dateline annotation)
        assertTrue(html.contains("<span class=\"anchor\" id=\"char=0,25\"></span><mark><a href=\"#passage-char=0,25\">BRUSSELS, January 7, 2026</a></mark>"),
                html.substring(0, Math.min(html.length(), 3000)));
    }

    @Test
    void theOntologyIsDocumentedWithAnchorsAndADiagram() {
        HttpResponse<String> r = Http.get(web.url("/ontology"), BROWSER);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"Commitment\""));
        assertTrue(r.body().contains("id=\"committedBy\""));
        assertTrue(r.body().contains("<svg") && r.body().contains("<rect"), "the class diagram, drawn");
        Graph ontology = fetch("/ontology", "text/turtle", Lang.TURTLE);
        assertTrue(ontology.contains(NodeFactory.createURI(Vocab.PG + "Commitment"), Node.ANY, Node.ANY));
        assertTrue(IsoMatcher.isomorphic(ontology, parse(Http.get(web.url("/ontology.nt"), "*/*").body(), Lang.NTRIPLES)));
    }

    @Test
    void namedGraphsAreServed() {
        Graph background = fetch("/graph/background", "application/n-triples", Lang.NTRIPLES);
        assertEquals(122, background.size(), "the background graph as `load` prints it");
        assertEquals(200, Http.get(web.url("/graph/"), BROWSER).statusCode());
        assertEquals(404, Http.get(web.url("/graph/nothing"), "text/turtle").statusCode());
    }

    @Test
    void voidIsAtItsWellKnownAddress() {
        HttpResponse<String> r = Http.get(web.url("/.well-known/void"), "*/*");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/turtle"), "programs get data: " + contentType(r));
        Graph voidGraph = parse(r.body(), Lang.TURTLE);
        assertTrue(voidGraph.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI("http://rdfs.org/ns/void#Dataset")));
        assertTrue(contentType(Http.get(web.url("/.well-known/void"), BROWSER)).startsWith("text/html"));
    }

    @Test
    void theQueryEndpointDescribesItselfOnAGetWithoutAQuery() {
        HttpResponse<String> r = Http.get(web.url("/pledgegraph/sparql"), "text/turtle");
        assertEquals(200, r.statusCode());
        Graph sd = parse(r.body(), Lang.TURTLE);
        String SD = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(sd.contains(Node.ANY, NodeFactory.createURI(SD + "endpoint"), NodeFactory.createURI(web.url("/pledgegraph/sparql"))));
        assertTrue(sd.contains(Node.ANY, NodeFactory.createURI(SD + "name"), NodeFactory.createURI(Vocab.GRAPH_ONTOLOGY)));
        assertTrue(sd.contains(Node.ANY, NodeFactory.createURI(SD + "feature"), NodeFactory.createURI(SD + "UnionDefaultGraph")));
        parse(Http.get(web.url("/pledgegraph/sparql"), "application/ld+json").body(), Lang.JSONLD);
        assertTrue(contentType(Http.get(web.url("/pledgegraph/sparql"), "*/*")).startsWith("text/turtle"));
        assertTrue(contentType(Http.get(web.url("/pledgegraph/sparql"), BROWSER)).startsWith("text/html"));
        // A query still reaches Fuseki.
        HttpResponse<String> ask = Http.get(web.url("/pledgegraph/sparql?query=" + Http.encode("ASK {}")),
                "application/sparql-results+json");
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("\"boolean\""), ask.body());
    }

    @Test
    void everyKindOfThingHasAPageAndData() {
        // Up to three things of each kind under id/ (person, commitment, condition, annotation, selector, concept, ...).
        java.util.Map<String, java.util.List<String>> byKind = new java.util.TreeMap<>();
        web.store().query(v -> {
            v.select(org.apache.jena.query.QueryFactory.create("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER (isIRI(?s) && "
                    + "STRSTARTS(STR(?s), \"" + Vocab.ID + "\") && !CONTAINS(STR(?s), \"#\")) } ORDER BY ?s"))
                    .forEachRemaining(row -> {
                        String iri = row.get("s").getURI();
                        java.util.List<String> some = byKind.computeIfAbsent(Entity.kindOf(iri), k -> new java.util.ArrayList<>());
                        if (some.size() < 3) {
                            some.add(iri);
                        }
                    });
            return null;
        });
        assertTrue(byKind.keySet().containsAll(java.util.List.of("person", "commitment", "condition", "summit", "source",
                "annotation", "selector", "concept", "tenure", "link")), byKind.keySet().toString());
        byKind.values().forEach(iris -> iris.forEach(iri -> {
            String path = Links.localPath(iri);
            HttpResponse<String> page = Http.get(web.url(path), BROWSER);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("</html>"), path);
            assertTrue(fetch(path, "text/turtle", Lang.TURTLE).size() > 0, path);
        }));
    }

    Graph fetch(String path, String accept, Lang lang) {
        HttpResponse<String> r = Http.get(web.url(path), accept);
        assertEquals(200, r.statusCode(), path + " " + accept);
        assertTrue(contentType(r).startsWith(accept), accept + " answered " + contentType(r));
        return parse(r.body(), lang);
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).lang(lang).strict(true).parse(g);
        return g;
    }

    static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }
}
