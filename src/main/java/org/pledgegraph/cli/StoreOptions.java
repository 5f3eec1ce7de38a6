package org.pledgegraph.cli;

import java.nio.file.Path;

import org.pledgegraph.UserException;
import org.pledgegraph.load.Loader;
import org.pledgegraph.server.ServiceAllowList;
import org.pledgegraph.store.EmbeddedStore;
import org.pledgegraph.store.RemoteEndpoints;
import org.pledgegraph.store.RemoteStore;
import org.pledgegraph.store.ServedStore;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Option;

/**
 * Where the store lives and where the project's files are: shared by every command that opens the store. The store is
 * the TDB2 directory (default), a store in memory, or a SPARQL 1.1 store behind a URL. When the directory is held by a
 * running {@code pledgegraph serve}, commands work through that server (the URL it wrote in the directory).
 */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "TDB2 store directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}/store")
    Path store;

    @Option(names = "--mem", description = "Use an in-memory store, loaded from the project's files.")
    boolean mem;

    @Option(names = "--project", paramLabel = "DIR",
            description = "Folder with ontology/ and data/ (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Option(names = "--store-url", paramLabel = "URL",
            description = "Use the SPARQL 1.1 store at URL (its query endpoint; also its update and Graph Store endpoint unless given below) instead of --store.")
    String storeUrl;

    @Option(names = "--store-update-url", paramLabel = "URL", description = "The remote store's SPARQL Update endpoint (default: --store-url).")
    String storeUpdateUrl;

    @Option(names = "--store-data-url", paramLabel = "URL", description = "The remote store's Graph Store endpoint (default: --store-url).")
    String storeDataUrl;

    @Option(names = "--store-credentials", paramLabel = "FILE",
            description = "A 'user: password' line for the remote store's (or the running server's) writes.")
    Path storeCredentials;

    /** Opens the store; an in-memory store starts empty, so it is loaded from the project's files first. */
    public Store open() {
        Store opened = openWithoutLoading();
        if (mem) {
            new Loader(project).load(opened, false);
        }
        return opened;
    }

    /** Opens the store and loads it from the project's files when it is empty: what the link commands work on. */
    public Store openLoaded() {
        Store opened = openWithoutLoading();
        if (opened.isEmpty()) {
            new Loader(project).load(opened, false);
        }
        return opened;
    }

    /**
     * Opens the store without loading it (for {@code load} itself). Local queries get the same federation allow-list
     * as the server; {@code serve} replaces it with its own options.
     */
    public Store openWithoutLoading() {
        Store opened = openBackend();
        if (opened instanceof EmbeddedStore embedded) {
            new ServiceAllowList(ServiceAllowList.DEFAULT).installIn(embedded.dataset().getContext());
        }
        Wiring.wire(opened);
        return opened;
    }

    /** Whether the store is the embedded one in {@link #store} (not in memory, not remote). */
    boolean isDirectory() {
        return storeUrl == null && !mem;
    }

    private Store openBackend() {
        if (storeUrl != null) {
            if (mem) {
                throw new UserException("--mem and --store-url name two different stores: give one");
            }
            return RemoteStore.connect(RemoteEndpoints.of(storeUrl, storeUpdateUrl, storeDataUrl, storeCredentials));
        }
        if (storeUpdateUrl != null || storeDataUrl != null) {
            throw new UserException("--store-update-url and --store-data-url need --store-url");
        }
        if (mem) {
            return EmbeddedStore.inMemory();
        }
        try {
            return EmbeddedStore.open(store);
        } catch (UserException locked) {
            // Held by `pledgegraph serve`: work through it, as any client would (it derives every write itself).
            return ServedStore.url(store)
                    .map(url -> (Store) RemoteStore.connectToServer(ServedStore.endpoints(url).withCredentials(storeCredentials)))
                    .orElseThrow(() -> locked);
        }
    }

    public Loader loader() {
        return new Loader(project);
    }
}
