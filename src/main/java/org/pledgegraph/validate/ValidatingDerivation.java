package org.pledgegraph.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Derivation;

/**
 * The one door for data, after parsing: validate, then derive, in the writer's transaction. Every write of the store
 * passes here ({@code load}, {@code event add}, {@code link}, SPARQL Update and the Graph Store through the server's
 * dataset), so a change the shapes refuse throws {@link Refused} and its transaction is aborted, the store unchanged.
 * <p>
 * The scope follows what is known of the change: an arbitrary change validates everything; a change of known quads
 * about occurrences only (their own graphs, {@code id/occurrence/} subjects) validates those occurrences; other known
 * quads, or known graphs, validate the graphs they touch.
 */
public final class ValidatingDerivation implements Derivation {
    private static final String EVENT_GRAPHS = Vocab.GRAPH_SOURCE_PREFIX + "event-";
    private static final String OCCURRENCES = Vocab.ID + "occurrence/";

    private final Validator validator;
    private final Derivation derivation;

    public ValidatingDerivation(Validator validator, Derivation derivation) {
        this.validator = validator;
        this.derivation = derivation;
    }

    /** The checks that run before the derivation. */
    public Validator validator() {
        return validator;
    }

    /** The derivation that runs once validation passed (the rules). */
    public Derivation derivation() {
        return derivation;
    }

    @Override
    public void apply(DatasetGraph dsg) {
        refuseUnless(validator.all(dsg));
        derivation.apply(dsg);
    }

    @Override
    public void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        List<Quad> all = new ArrayList<>(added);
        all.addAll(removed);
        if (!all.isEmpty()) {
            boolean occurrencesOnly = all.stream().allMatch(q -> q.getGraph().isURI()
                    && q.getGraph().getURI().startsWith(EVENT_GRAPHS)
                    && q.getSubject().isURI() && q.getSubject().getURI().startsWith(OCCURRENCES));
            if (occurrencesOnly) {
                Set<Node> subjects = new LinkedHashSet<>();
                added.forEach(q -> subjects.add(q.getSubject()));
                removed.forEach(q -> subjects.add(q.getSubject()));
                refuseUnless(validator.nodes(dsg, subjects));
            } else {
                Set<Node> graphs = new LinkedHashSet<>();
                all.forEach(q -> graphs.add(q.getGraph()));
                refuseUnless(validator.graphs(dsg, graphs));
            }
        }
        derivation.applyAfter(dsg, added, removed);
    }

    @Override
    public void applyTouching(DatasetGraph dsg, Collection<Node> graphs) {
        refuseUnless(validator.graphs(dsg, graphs));
        derivation.applyTouching(dsg, graphs);
    }

    /**
     * A remote store gets the rules as SPARQL Update, sent with the change; it is not validated here (the shapes need
     * the change applied, in one transaction with it), so {@code load} validates the files before it sends them.
     */
    @Override
    public org.apache.jena.update.UpdateRequest updateAll() {
        return derivation.updateAll();
    }

    @Override
    public org.apache.jena.update.UpdateRequest updateAfter(org.pledgegraph.store.StoreView view, List<Quad> added, List<Quad> removed) {
        return derivation.updateAfter(view, added, removed);
    }

    @Override
    public <T extends Derivation> java.util.Optional<T> find(Class<T> kind) {
        return kind.isInstance(this) ? java.util.Optional.of(kind.cast(this)) : derivation.find(kind);
    }

    private static void refuseUnless(Report report) {
        if (!report.conforms()) {
            throw new Refused(report);
        }
    }
}
