package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.TestStores;

/** data/void.ttl describes the Wikidata link sets as they are in data/links/wikidata.ttl, and every link has its record. */
class VoidTest {
    static final Node LINKS = Vocab.iri(Vocab.linksGraph("wikidata"));

    @RegisterExtension
    static final TestStores.Repository repository = new TestStores.Repository();

    static long count(DatasetGraph dsg, Node predicate) {
        return dsg.stream(LINKS, Node.ANY, predicate, Node.ANY)
                .filter(q -> q.getObject().isURI() && q.getObject().getURI().startsWith(LinkRecord.WD)).count();
    }

    static long declared(DatasetGraph dsg, Node predicate) {
        Node voidGraph = Vocab.iri(Vocab.GRAPH + "void");
        Node linkset = dsg.stream(voidGraph, Node.ANY, VOID.linkPredicate.asNode(), predicate).findFirst()
                .orElseThrow(() -> new AssertionError("no void:Linkset with void:linkPredicate " + predicate)).getSubject();
        assertTrue(dsg.contains(voidGraph, linkset, RDF.type.asNode(), VOID.Linkset.asNode()));
        return Long.parseLong(dsg.stream(voidGraph, linkset, VOID.triples.asNode(), Node.ANY).findFirst()
                .orElseThrow().getObject().getLiteralLexicalForm());
    }

    @Test
    void theLinksetCountsAreTheLinks() {
        repository.store().read(dsg -> {
            assertEquals(count(dsg, OWL.sameAs.asNode()), declared(dsg, OWL.sameAs.asNode()));
            Node candidate = Vocab.iri(Vocab.PG + "candidateMatch");
            assertEquals(count(dsg, candidate), declared(dsg, candidate));
            return null;
        });
    }

    @Test
    void everyLinkHasARecordWithItsProvenance() {
        repository.store().read(dsg -> {
            Node subjectP = Vocab.iri(Vocab.PG + "linkSubject");
            for (Node p : new Node[] {OWL.sameAs.asNode(), Vocab.iri(Vocab.PG + "candidateMatch")}) {
                dsg.stream(LINKS, Node.ANY, p, Node.ANY).forEach(link -> {
                    Node record = dsg.stream(LINKS, Node.ANY, subjectP, link.getSubject())
                            .filter(r -> dsg.contains(LINKS, r.getSubject(), Vocab.iri(Vocab.PG + "linkTarget"), link.getObject()))
                            .findFirst().orElseThrow(() -> new AssertionError("no link record for " + Triple.create(
                                    link.getSubject(), link.getPredicate(), link.getObject()))).getSubject();
                    for (String required : new String[] {"linkMethod", "linkStatus", "matchedLabel", "linkDate", "linkEvidence"}) {
                        assertTrue(dsg.stream(LINKS, record, Vocab.iri(Vocab.PG + required), Node.ANY).findAny().isPresent(),
                                record + " lacks pg:" + required);
                    }
                    String status = p.equals(OWL.sameAs.asNode()) ? "accepted" : "candidate";
                    assertTrue(dsg.contains(LINKS, record, Vocab.iri(Vocab.PG + "linkStatus"),
                            Vocab.iri(Vocab.ID + "concept/link-status/" + status)), record + " should be " + status);
                });
            }
            return null;
        });
    }

    /**
     * X, the platform of the article's posts, is Q918 (the social network, formerly Twitter): decided on the article's
     * words and seven independent files, so an identity, no longer a candidate; its record says so and names the
     * dissenting files.
     */
    @Test
    void xThePlatformIsLinkedAsTheSocialNetwork() {
        repository.store().read(dsg -> {
            Node x = Vocab.iri(Vocab.ID + "platform/x");
            Node q918 = Vocab.iri(LinkRecord.WD + "Q918");
            assertTrue(dsg.contains(LINKS, x, OWL.sameAs.asNode(), q918), "platform:x owl:sameAs wd:Q918");
            assertTrue(!dsg.contains(LINKS, x, Vocab.iri(Vocab.PG + "candidateMatch"), Node.ANY), "no longer a candidate");
            Node record = Vocab.iri(Vocab.ID + "link/wikidata-platform-x");
            String evidence = dsg.stream(LINKS, record, Vocab.iri(Vocab.PG + "linkEvidence"), Node.ANY).findFirst()
                    .orElseThrow().getObject().getLiteralLexicalForm();
            assertTrue(evidence.contains("the social media platform X"), "the article's own words: " + evidence);
            assertTrue(evidence.contains("Dissenting"), "the dissenting files are named: " + evidence);
            return null;
        });
    }

    @Test
    void theTrapsAreAvoided() {
        repository.store().read(dsg -> {
            // Türkiye is "Turkey" on Wikidata; the European Council is not the Council of the European Union (Q8896).
            assertTrue(dsg.contains(LINKS, Vocab.iri(Vocab.ID + "state/turkiye"), OWL.sameAs.asNode(), Vocab.iri(LinkRecord.WD + "Q43")));
            assertTrue(!dsg.contains(Node.ANY, Node.ANY, OWL.sameAs.asNode(), Vocab.iri(LinkRecord.WD + "Q8896")));
            assertTrue(dsg.contains(LINKS, Vocab.iri(Vocab.ID + "organization/european-council"), OWL.sameAs.asNode(),
                    Vocab.iri(LinkRecord.WD + "Q8886")));
            return null;
        });
    }
}
