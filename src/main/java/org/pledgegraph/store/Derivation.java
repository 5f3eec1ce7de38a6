package org.pledgegraph.store;

import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What a write must pass through before it commits, inside the writer's transaction: checks that may refuse it (an
 * unchecked exception aborts the transaction), then the derived graphs brought up to date, so that a store is never
 * seen with facts whose consequences are missing.
 */
@FunctionalInterface
public interface Derivation {
    Derivation NONE = dsg -> {};

    /** After an arbitrary change. */
    void apply(DatasetGraph dsg);

    /**
     * After a change known to consist only of these quads added and removed (recording an occurrence, a SPARQL Update
     * of INSERT DATA and DELETE DATA only). A derivation may use them to do less; by default it does what
     * {@link #apply(DatasetGraph)} does.
     */
    default void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        apply(dsg);
    }

    /**
     * After a change whose quads are not known but whose graphs are (a Graph Store write, an INSERT ... WHERE): checks
     * may look at these graphs only. By default what {@link #apply(DatasetGraph)} does.
     */
    default void applyTouching(DatasetGraph dsg, Collection<Node> graphs) {
        apply(dsg);
    }
}
