package org.pledgegraph.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathParser;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.Vocab;

/**
 * What validation found: every violation, with the file:line where its node was written when known. Printed as text
 * (one line per violation) or as a SHACL validation report graph.
 */
public final class Report {
    /** The namespace of the shapes (ontology/shapes/*.ttl). */
    public static final String SHAPES = "https://w3id.org/pledgegraph/shapes#";

    private final List<Violation> violations;

    public Report(List<Violation> violations) {
        this.violations = List.copyOf(violations);
    }

    public static Report conforming() {
        return new Report(List.of());
    }

    public boolean conforms() {
        return violations.isEmpty();
    }

    public List<Violation> violations() {
        return violations;
    }

    public Report and(Report other) {
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new Report(all);
    }

    /** The same report, each violation told where its focus node was written. */
    public Report locatedBy(Locations locations) {
        return new Report(violations.stream()
                .map(v -> v.where() != null ? v : v.withWhere(locations.of(v.focus()).orElse(null))).toList());
    }

    /** One line per violation: {@code file:line: focus path: message [shape]}. */
    public String text() {
        if (conforms()) {
            return "conforms: no violations";
        }
        StringBuilder out = new StringBuilder();
        out.append(violations.size()).append(violations.size() == 1 ? " violation" : " violations").append(':');
        for (Violation v : violations) {
            out.append('\n');
            if (v.where() != null) {
                out.append(v.where()).append(": ");
            }
            out.append(label(v.focus()));
            if (v.path() != null) {
                out.append(' ').append(v.path());
            }
            out.append(": ").append(v.message()).append(" [").append(shortShape(v.shape())).append(']');
        }
        return out.toString();
    }

    /** The report as SHACL says a report is written, plus {@code pgsh:writtenAt} with the file:line. */
    public Graph graph() {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Vocab.PREFIXES).setNsPrefix("sh", SHACL.getURI()).setNsPrefix("pgsh", SHAPES);
        Node report = NodeFactory.createBlankNode();
        g.add(report, RDF.type.asNode(), SHACL.ValidationReport);
        g.add(report, SHACL.conforms, NodeFactory.createLiteralByValue(conforms()));
        for (Violation v : violations) {
            Node r = NodeFactory.createBlankNode();
            g.add(report, SHACL.result, r);
            g.add(r, RDF.type.asNode(), SHACL.ValidationResult);
            g.add(r, SHACL.resultSeverity, SHACL.Violation);
            g.add(r, SHACL.focusNode, v.focus());
            if (v.path() != null) {
                Node path = pathNode(v.path());
                if (path != null) {
                    g.add(r, SHACL.resultPath, path);
                }
            }
            g.add(r, SHACL.resultMessage, NodeFactory.createLiteralString(v.message()));
            g.add(r, SHACL.sourceShape, v.shape().startsWith("_:") ? NodeFactory.createBlankNode() : Vocab.iri(v.shape()));
            if (v.where() != null) {
                g.add(r, Vocab.iri(SHAPES + "writtenAt"), NodeFactory.createLiteralString(v.where()));
            }
        }
        return g;
    }

    private static Node pathNode(String path) {
        // Simple paths (one IRI) only; a complex path is kept in the message.
        try {
            var p = PathParser.parse(path, Vocab.PREFIXES);
            return p instanceof org.apache.jena.sparql.path.P_Link link ? link.getNode() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String label(Node node) {
        if (node.isURI()) {
            String s = Vocab.PREFIXES.shortForm(node.getURI());
            return s.equals(node.getURI()) ? "<" + s + ">" : s;
        }
        return node.toString();
    }

    static String shortShape(String shape) {
        return shape.startsWith(SHAPES) ? "pgsh:" + shape.substring(SHAPES.length()) : shape;
    }

    @Override
    public String toString() {
        return text();
    }
}
