package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.pledgegraph.Vocab;

/** The cache writes wdt: as Wikidata's RDF does: only the best-ranked values, and p:/ps:/pq: for every P39. */
class CacheGraphTest {
    static final String WD = Vocab.WD;

    static WikidataItem item(List<WikidataStatement> p463, List<WikidataStatement> p39) {
        return new WikidataItem("Q900000999", Map.of("en", "Example"), Map.of(),
                Map.of("P463", p463, "P39", p39));
    }

    static boolean has(Graph g, String s, String p, String o) {
        return g.contains(Vocab.iri(s), Vocab.iri(p), Vocab.iri(o));
    }

    @Test
    void aPreferredStatementHidesTheNormalOnesFromWdt() {
        WikidataItem item = item(List.of(
                new WikidataStatement("Q900000999$1", "Q900000001", "preferred", null, null),
                new WikidataStatement("Q900000999$2", "Q900000002", "normal", null, null)), List.of());
        assertEquals(List.of("Q900000001"), item.truthyValues("P463"));
        Graph g = CacheGraph.of(List.of(item), Instant.parse("2026-01-01T00:00:00Z"), "http://127.0.0.1/w/api.php");
        assertTrue(has(g, WD + "Q900000999", CacheGraph.WDT + "P463", WD + "Q900000001"));
        assertFalse(has(g, WD + "Q900000999", CacheGraph.WDT + "P463", WD + "Q900000002"));
    }

    @Test
    void withoutAPreferredStatementEveryNormalOneIsTruthy() {
        WikidataItem item = item(List.of(
                new WikidataStatement("Q900000999$1", "Q900000001", "normal", null, null),
                new WikidataStatement("Q900000999$2", "Q900000002", "normal", null, null)), List.of());
        assertEquals(List.of("Q900000001", "Q900000002"), item.truthyValues("P463"));
    }

    @Test
    void everyPositionHeldKeepsItsFullStatementWhateverItsRank() {
        WikidataItem item = item(List.of(), List.of(
                new WikidataStatement("Q900000999$A", "Q900000010", "preferred", "+2017-05-14T00:00:00Z", null),
                new WikidataStatement("Q900000999$B", "Q900000011", "normal", "+2014-00-00T00:00:00Z", "+2016-08-30T00:00:00Z")));
        Graph g = CacheGraph.of(List.of(item), Instant.parse("2026-01-01T00:00:00Z"), "http://127.0.0.1/w/api.php");
        assertTrue(has(g, WD + "Q900000999", CacheGraph.P + "P39", CacheGraph.WDS + "Q900000999-B"));
        assertTrue(has(g, CacheGraph.WDS + "Q900000999-B", CacheGraph.PS + "P39", WD + "Q900000011"));
        assertTrue(g.contains(Vocab.iri(CacheGraph.WDS + "Q900000999-B"), Vocab.iri(CacheGraph.PQ + "P580"),
                org.apache.jena.graph.NodeFactory.createLiteralDT("2014-01-01T00:00:00Z",
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime)));
    }
}
