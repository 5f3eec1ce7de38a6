package org.pledgegraph.cli;

import org.pledgegraph.activation.Materializer;
import org.pledgegraph.store.Store;

/** Connects an opened store to the parts that keep its derived graphs up to date. */
public final class Wiring {
    private Wiring() {}

    public static void wire(Store store) {
        // The rules of ontology/rules/ materialize the inferred graph after every write, in the writer's transaction;
        // they are parsed at the first write, so that read-only commands start without them.
        store.setDerivation(new LazyDerivation(Materializer::fromRules));
    }
}
