package org.pledgegraph.activation;

import java.time.LocalDate;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.UserException;

/**
 * The sense of an occurrence, as {@code event add} checks it, for occurrences written by any other door: a target the
 * store knows, not before the commitments concerned were made. Its form (one target, one well-formed date, one kind,
 * one occurrence of a kind per target) is the SHACL shapes' business (ontology/shapes/occurrence.ttl); validation
 * (org.pledgegraph.validate) runs those first and calls this for occurrences that pass them, under the name of the
 * shape {@code pgsh:OccurrenceMakesSense}.
 */
public final class OccurrenceCheck {
    private OccurrenceCheck() {}

    /** Whether {@code node} is typed as an occurrence (or one of its kinds) in {@code data}. */
    public static boolean isOccurrence(Graph data, Node node) {
        return data.find(node, RDF.type.asNode(), Node.ANY).toList().stream().map(t -> t.getObject())
                .anyMatch(occurrenceTypes()::contains);
    }

    /** The classes whose instances are occurrences: {@code pg:Occurrence} and the class of each kind. */
    public static java.util.Set<Node> occurrenceTypes() {
        java.util.Set<Node> types = new java.util.LinkedHashSet<>();
        types.add(Graphs.pg("Occurrence"));
        for (OccurrenceKind k : OccurrenceKind.values()) {
            types.add(k.typeNode());
        }
        return types;
    }

    /**
     * What is wrong with a well-formed occurrence (as {@code data}, the asserted graphs, describes it), or empty.
     * The store's queries run on {@code dsg}.
     */
    public static Optional<String> problem(DatasetGraph dsg, Graph data, Node occurrence) {
        Node target = data.find(occurrence, Graphs.pg("occurrenceOf"), Node.ANY).next().getObject();
        LocalDate date = LocalDate.parse(data.find(occurrence, Graphs.pg("occurredOn"), Node.ANY).next().getObject()
                .getLiteralLexicalForm());
        OccurrenceKind kind = data.find(occurrence, RDF.type.asNode(), Node.ANY).toList().stream()
                .flatMap(t -> OccurrenceKind.ofType(t.getObject()).stream()).findFirst().orElseThrow();
        try {
            EventLedger.checkKnown(dsg, kind, target);
            EventLedger.checkNotBeforeMade(dsg, kind, target, date);
            return Optional.empty();
        } catch (UserException e) {
            return Optional.of(e.getMessage());
        }
    }
}
