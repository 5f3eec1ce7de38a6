package org.pledgegraph.store;

import java.util.List;

/** The backend suite on the embedded TDB2 store: the reference the remote backends are held to. */
class EmbeddedBackendTest extends BackendSuite {
    @Override
    List<String> storeArgs() {
        return List.of("--store", dir.resolve("store").toString());
    }

    @Override
    Store open() {
        return wired(Store.open(dir.resolve("store")));
    }
}
