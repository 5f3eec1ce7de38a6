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

    /**
     * Refuses, with a {@link org.pledgegraph.UserException} that says why, a change of known quads whose input the
     * derivation cannot digest; called before the change commits by writers that do not check their input themselves
     * (the endpoint's INSERT DATA). By default every change is accepted.
     */
    default void check(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {}
}
