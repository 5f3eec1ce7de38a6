package org.pledgegraph.activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.UserException;

/**
 * The checks {@code event add} makes, applied to occurrences written by other means (INSERT DATA over the endpoint):
 * first their form, by the SHACL shapes of {@code ontology/shapes/occurrence.ttl}; then their sense: a target the
 * store knows, not before the commitments concerned were made, no second occurrence of the same kind of the same thing.
 */
final class OccurrenceCheck {
    private static final Shapes SHAPES = Shapes.parse(shapesGraph());

    private OccurrenceCheck() {}

    /**
     * Checks every occurrence the added quads describe (type it, or give it a target or a date), in the store as the
     * change left it.
     */
    static void checkAdded(DatasetGraph dsg, List<Quad> added) {
        Set<Node> described = new LinkedHashSet<>();
        for (Quad q : added) {
            Node p = q.getPredicate();
            if (p.equals(RDF.type.asNode()) || p.equals(Graphs.pg("occurrenceOf")) || p.equals(Graphs.pg("occurredOn"))) {
                described.add(q.getSubject());
            }
        }
        Graph union = dsg.getUnionGraph();
        for (Node s : described) {
            boolean occurrence = union.find(s, RDF.type.asNode(), Node.ANY).toList().stream().map(t -> t.getObject())
                    .anyMatch(type -> type.equals(Graphs.pg("Occurrence")) || OccurrenceKind.ofType(type).isPresent());
            if (occurrence) {
                check(dsg, s);
            }
        }
    }

    static void check(DatasetGraph dsg, Node occurrence) {
        Graph union = dsg.getUnionGraph();
        ValidationReport report = ShaclValidator.get().validate(SHAPES, union, occurrence);
        if (!report.conforms()) {
            ReportEntry first = report.getEntries().iterator().next();
            throw new UserException("occurrence " + label(occurrence) + " violates shape " + label(first.source()) + ": "
                    + first.message());
        }
        Node target = union.find(occurrence, Graphs.pg("occurrenceOf"), Node.ANY).next().getObject();
        LocalDate date = LocalDate.parse(union.find(occurrence, Graphs.pg("occurredOn"), Node.ANY).next().getObject()
                .getLiteralLexicalForm());
        OccurrenceKind kind = union.find(occurrence, RDF.type.asNode(), Node.ANY).toList().stream()
                .flatMap(t -> OccurrenceKind.ofType(t.getObject()).stream()).findFirst().orElseThrow();
        EventLedger.checkKnown(dsg, kind, target);
        EventLedger.checkNotBeforeMade(dsg, kind, target, date);
        EventLedger.checkOnlyOne(dsg, kind, target, occurrence);
    }

    private static String label(Node node) {
        return node.isURI() ? "<" + node.getURI() + ">" : node.toString();
    }

    private static Graph shapesGraph() {
        try (InputStream in = OccurrenceCheck.class.getResourceAsStream("/shapes/occurrence.ttl")) {
            if (in == null) {
                throw new IllegalStateException("/shapes/occurrence.ttl is not on the classpath (is ontology/shapes/ in the build?)");
            }
            return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
