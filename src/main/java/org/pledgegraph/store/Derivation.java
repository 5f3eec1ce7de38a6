package org.pledgegraph.store;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Brings derived graphs up to date after a change. It runs inside the writer's transaction, so a store is never
 * seen with facts whose consequences are missing.
 */
@FunctionalInterface
public interface Derivation {
    Derivation NONE = dsg -> {};

    void apply(DatasetGraph dsg);

    /**
     * Brings derived graphs up to date after a change known to consist only of these quads added and removed (a
     * SPARQL Update of INSERT DATA and DELETE DATA only). A derivation may use them to do less; by default it does
     * what {@link #apply(DatasetGraph)} does.
     */
    default void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        apply(dsg);
    }
}
