package org.pledgegraph.store;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Brings derived graphs up to date after a change. It runs inside the writer's transaction, so a store is never
 * seen with facts whose consequences are missing.
 */
@FunctionalInterface
public interface Derivation {
    Derivation NONE = dsg -> {};

    void apply(DatasetGraph dsg);
}
