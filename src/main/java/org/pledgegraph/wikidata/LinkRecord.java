package org.pledgegraph.wikidata;

import java.time.LocalDate;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.Vocab;

/** The triples of one reconciled link: the owl:sameAs itself and the link record that says how it was made. */
public final class LinkRecord {
    public static final String WD = Vocab.WD;
    static final String METHOD = Vocab.ID + "concept/link-method/";
    static final String STATUS = Vocab.ID + "concept/link-status/";

    private LinkRecord() {}

    public static Node linkIri(LinkableEntity entity) {
        return Vocab.iri(Vocab.ID + "link/wikidata-" + entity.kind() + "-" + entity.iri().substring(entity.iri().lastIndexOf('/') + 1));
    }

    public static Graph reconciled(Reconciliation.Linked linked, LocalDate date) {
        Graph g = GraphFactory.createDefaultGraph();
        Node subject = Vocab.iri(linked.entity().iri());
        Node item = Vocab.iri(WD + linked.hit().id());
        Node link = linkIri(linked.entity());
        g.add(subject, OWL.sameAs.asNode(), item);
        g.add(link, RDF.type.asNode(), pg("EntityLink"));
        g.add(link, pg("linkSubject"), subject);
        g.add(link, pg("linkTarget"), item);
        g.add(link, pg("linkStatus"), Vocab.iri(STATUS + "accepted"));
        g.add(link, pg("linkMethod"), Vocab.iri(METHOD + "reconciled"));
        if (linked.hit().label() != null) {
            g.add(link, pg("matchedLabel"), NodeFactory.createLiteralLang(linked.hit().label(), "en"));
        }
        if (linked.hit().description() != null) {
            g.add(link, pg("matchedDescription"), NodeFactory.createLiteralLang(linked.hit().description(), "en"));
        }
        g.add(link, pg("matchScore"), NodeFactory.createLiteralDT(String.format(Locale.ROOT, "%.2f", linked.score()),
                XSDDatatype.XSDdecimal));
        g.add(link, pg("linkDate"), NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate));
        g.add(link, pg("linkEvidence"), NodeFactory.createLiteralString("Wikidata API answers to: "
                + String.join(" ; ", linked.evidence())));
        return g;
    }

    private static Node pg(String local) {
        return Vocab.iri(Vocab.PG + local);
    }
}
