package org.pledgegraph.cli;

import java.nio.file.Path;

import org.pledgegraph.load.Loader;
import org.pledgegraph.server.ServiceAllowList;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Option;

/** Where the store lives and where the project's files are: shared by every command that opens the store. */
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
        Store opened = mem ? Store.inMemory() : Store.open(store);
        new ServiceAllowList(ServiceAllowList.DEFAULT).installIn(opened.dataset().getContext());
        Wiring.wire(opened, project);
        return opened;
    }

    public Loader loader() {
        return new Loader(project);
    }
}
