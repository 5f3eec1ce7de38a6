package org.pledgegraph.support;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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
        Wiring.wire(store, project());
        new Loader(project()).load(store, false);
        return store;
    }

    /** A TDB2 store on disk in {@code dir}, loaded from the repository. */
    public static Store loadedOnDisk(Path dir) {
        Store store = Store.open(dir);
        Wiring.wire(store, project());
        new Loader(project()).load(store, false);
        return store;
    }

    /**
     * One store {@linkplain #loadedFromRepository() loaded from the repository} for all the tests of a class: opened
     * before the first, closed after the last. Register it on a static field:
     * <pre>{@code
     * @RegisterExtension
     * static final TestStores.Repository repository = new TestStores.Repository();
     * }</pre>
     * and read it with {@link #store()}. Tests must not change it: the others share it.
     */
    public static final class Repository implements BeforeAllCallback, AfterAllCallback {
        private Store store;

        /** The store of the running test class. */
        public Store store() {
            if (store == null) {
                throw new IllegalStateException("the repository's store is open only while a test class runs");
            }
            return store;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            store = loadedFromRepository();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (store != null) {
                store.close();
                store = null;
            }
        }
    }
}
