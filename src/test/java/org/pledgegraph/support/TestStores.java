package org.pledgegraph.support;

import java.nio.file.Path;

import org.pledgegraph.cli.Wiring;
import org.pledgegraph.load.Loader;
import org.pledgegraph.store.Store;

/** Stores for tests, opened and wired exactly as the command line opens them. */
public final class TestStores {
    private TestStores() {}

    /** The project folder: Maven runs tests from it. */
    public static Path project() {
        return Path.of("").toAbsolutePath();
    }

    /** An in-memory store loaded from the repository's ontology/ and data/. */
    public static Store loadedFromRepository() {
        Store store = Store.inMemory();
        Wiring.wire(store);
        new Loader(project()).load(store, false);
        return store;
    }

    /** A TDB2 store on disk in {@code dir}, loaded from the repository. */
    public static Store loadedOnDisk(Path dir) {
        Store store = Store.open(dir);
        Wiring.wire(store);
        new Loader(project()).load(store, false);
        return store;
    }
}
