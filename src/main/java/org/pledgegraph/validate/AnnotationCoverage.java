package org.pledgegraph.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.Vocab;

/**
 * Every fact of a source graph has at least one annotation (shape {@code pgsh:FactAnnotated}): every resource
 * described in the graph of a source that has a text is the body of an annotation in that graph, or (a hash IRI such
 * as {@code ...eu-loan-90bn#period}) its base is. Not a SHACL shape, because it is a property of one named graph, and
 * SHACL sees one data graph. Exempt: the source document itself and the annotations, targets and selectors.
 */
final class AnnotationCoverage {
    static final String SHAPE = Report.SHAPES + "FactAnnotated";
    private static final String EVENT_GRAPHS = Vocab.GRAPH_SOURCE_PREFIX + "event-";

    private AnnotationCoverage() {}

    /** Whether {@code graph} is the graph of a source (not the graph of a recorded occurrence). */
    static boolean isSourceGraph(Node graph) {
        return graph.isURI() && graph.getURI().startsWith(Vocab.GRAPH_SOURCE_PREFIX) && !graph.getURI().startsWith(EVENT_GRAPHS);
    }

    static List<Violation> check(Node graphName, Graph graph) {
        List<Violation> out = new ArrayList<>();
        if (!isSourceGraph(graphName)) {
            return out;
        }
        Node source = Vocab.iri(Vocab.ID + "source/" + graphName.getURI().substring(Vocab.GRAPH_SOURCE_PREFIX.length()));
        if (!graph.contains(source, Vocab.iri(Vocab.PG + "textFile"), Node.ANY)) {
            // A source without a text has no passages to point at (test fixtures in the shape of docs/design.md).
            return out;
        }
        Set<Node> bodies = new HashSet<>();
        graph.find(Node.ANY, SelectorCheck.oa("hasBody"), Node.ANY).forEachRemaining(t -> bodies.add(t.getObject()));
        Set<Node> provenance = new HashSet<>();
        for (String type : List.of("Annotation", "SpecificResource", "TextQuoteSelector", "TextPositionSelector")) {
            graph.find(Node.ANY, RDF.type.asNode(), SelectorCheck.oa(type)).forEachRemaining(t -> provenance.add(t.getSubject()));
        }
        Set<Node> seen = new HashSet<>();
        graph.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (!seen.add(s) || s.equals(source) || provenance.contains(s) || bodies.contains(s)) {
                return;
            }
            if (s.isURI() && s.getURI().contains("#") && bodies.contains(Vocab.iri(s.getURI().substring(0, s.getURI().indexOf('#'))))) {
                return;
            }
            out.add(new Violation(s, null, "described in " + Report.label(graphName) + " but the body of no annotation: "
                    + "quote the passage that states it (an oa:Annotation with oa:hasBody and oa:hasTarget [ oa:exact \"...\" ])",
                    SHAPE, null));
        });
        return out;
    }
}
