package org.pledgegraph.cli;

import org.pledgegraph.store.Store;

/** Connects an opened store to the parts that keep its derived graphs up to date. */
public final class Runtime {
    private Runtime() {}

    public static void wire(Store store) {
        // The rules of ontology/rules/ plug in here (issue: conditional activation).
    }
}
