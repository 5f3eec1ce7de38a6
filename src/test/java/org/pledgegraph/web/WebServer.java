package org.pledgegraph.web;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.TestStores;

/**
 * A real server with the web front on a free loopback port, over a store loaded from the repository, for the tests
 * of a class. Register it on a static field with {@code @RegisterExtension}; {@link #url(String)} gives an address
 * on it. Tests must not change the store: the others share it.
 */
public final class WebServer implements BeforeAllCallback, AfterAllCallback {
    private final java.util.function.Supplier<Store> stores;
    private final java.util.function.UnaryOperator<ServerSettings> settings;
    private Store store;
    private PledgeServer server;

    public WebServer() {
        this(TestStores::loadedFromRepository);
    }

    /** A server over the store the supplier opens (a fixture); the server closes it. */
    public WebServer(java.util.function.Supplier<Store> stores) {
        this(stores, s -> s);
    }

    /** A server over the store the supplier opens, with settings changed from the defaults (port 0 always). */
    public WebServer(java.util.function.Supplier<Store> stores, java.util.function.UnaryOperator<ServerSettings> settings) {
        this.stores = stores;
        this.settings = settings;
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    public Store store() {
        return store;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        store = stores.get();
        server = PledgeServer.start(store, settings.apply(ServerSettings.defaults()).withPort(0),
                List.of(new Web(store, Links.w3id())));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
