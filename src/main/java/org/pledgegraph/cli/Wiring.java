package org.pledgegraph.cli;

import org.pledgegraph.activation.Materializer;
import org.pledgegraph.store.Store;

/** Connects an opened store to the parts that keep its derived graphs up to date. */
public final class Wiring {
    private Wiring() {}

    public static void wire(Store store) {
        // The rules of ontology/rules/ materialize the inferred graph after every write, in the writer's transaction.
        store.setDerivation(Materializer.fromRules());
    }

    /**
     * As {@link #wire}, with the rules parsed at the first write: what the commands do, so that a read-only one (a
     * query, a status report) starts without them.
     */
    public static void wireOnFirstWrite(Store store) {
        store.setDerivation(new LazyDerivation(Materializer::fromRules));
    }
}
