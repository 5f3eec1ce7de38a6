package org.pledgegraph.server;

import java.nio.file.Files;
import java.util.List;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.pledgegraph.UserException;
import org.pledgegraph.load.StrictParse;
import org.pledgegraph.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Fuseki server over a store: dataset {@code /pledgegraph} with {@code sparql} (query), {@code data}
 * (Graph Store Protocol, read for all, write with credentials) and {@code update} (credentials only), plus
 * {@code /$/ping}. Endpoints are listed explicitly: Fuseki's standard set would also run updates posted to the
 * dataset URL itself. Fuseki serves the store through {@link DerivingDataset}, so every write, Graph Store or SPARQL
 * Update, derives inside its own transaction before it commits.
 */
public final class PledgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PledgeServer.class);

    private final FusekiServer fuseki;
    private final GuardedUpdates updates;
    private final ServerSettings settings;

    private PledgeServer(FusekiServer fuseki, GuardedUpdates updates, ServerSettings settings) {
        this.fuseki = fuseki;
        this.updates = updates;
        this.settings = settings;
    }

    public static PledgeServer start(Store store, ServerSettings settings) {
        return start(store, settings, List.of());
    }

    /** Starts the server with the add-ons' servlets and filters on the same port (the web pages, see web/). */
    public static PledgeServer start(Store store, ServerSettings settings, List<ServerAddOn> addOns) {
        if (store instanceof org.pledgegraph.store.RemoteStore remote) {
            // A stateless front: the same endpoints, over a remote store (serve --store-url).
            try {
                return new PledgeServer(PledgeFront.start(remote, settings, addOns), null, settings);
            } catch (UserException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new UserException("cannot serve on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e), e);
            }
        }
        boolean writes = settings.authFile() != null;
        if (writes && !Files.isReadable(settings.authFile())) {
            throw new UserException("credentials file " + settings.authFile() + " is not readable");
        }
        Context context = store.dataset().getContext();
        context.set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        ServiceAllowList allowList = new ServiceAllowList(settings.allowedServices());
        allowList.installIn(context);
        QueryGuard.installIn(context, allowList, settings.queryTimeout());
        StrictParse.refuseRemoteDocuments();
        // Fuseki serves the store's dataset through a wrapper whose write transactions derive before they commit.
        DerivingDataset served = new DerivingDataset(store);
        GuardedUpdates updates = GuardedUpdates.install(served, new AllowedOrigins(allowList.allowed()), settings.maxBodyBytes());

        AuthPolicy writers = writes ? Auth.ANY_USER : Auth.DENY_ALL;
        // Graph Store writes carry no Fuseki policy when credentials are given: Fuseki would then demand a login for
        // every method on /data, reads included. WriteAuthentication demands it for the write methods instead.
        AuthPolicy graphStoreWriters = writes ? null : Auth.DENY_ALL;
        DataService.Builder service = DataService.newBuilder(served)
                .addEndpoint(Operation.Query, "")
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.GSP_R, "data")
                .addEndpoint(Endpoint.create().operation(Operation.GSP_RW).endpointName("data")
                        .authPolicy(graphStoreWriters).processor(new GraphStoreWrites()).build())
                .addEndpoint(Endpoint.create().operation(Operation.Update).endpointName("update")
                        .authPolicy(writers).processor(new UpdateRequests(settings.queryTimeout())).build());

        String base = "/" + ServerSettings.DATASET;
        FusekiServer.Builder builder = FusekiServer.create()
                .port(settings.port())
                .enablePing(true)
                .enableCors(false)
                .realm(ServerSettings.REALM)
                .addFilter("/*", new BodyLimit(settings.maxBodyBytes()))
                .addFilter("/*", new NoTrace())
                .addFilter(base + "/data/*", new DirectGraphs(base + "/data"))
                .addFilter(base + "/*", new WriteGate(writes, ServerSettings.REALM))
                .addFilter(base + "/*", new CrossSiteWrites())
                .add(base, service);
        if (settings.readCors()) {
            builder.addFilter(base + "/*", new ReadCors());
        }
        for (ServerAddOn addOn : addOns) {
            addOn.addTo(routesOf(builder));
        }
        if (writes) {
            builder.securityHandler(WriteAuthentication.handler(settings.authFile(), ServerSettings.REALM, base));
        }
        FusekiServer fuseki = builder.build();
        ResponseBuffers.fit(fuseki.getJettyServer());
        if (writes) {
            fuseki.getJettyServer().setHandler(new PasswordThrottle(fuseki.getJettyServer().getHandler()));
        }
        for (Connector connector : fuseki.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(settings.host());
            }
        }
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            updates.uninstall();
            throw new UserException("cannot serve on " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        }
        PledgeServer server = new PledgeServer(fuseki, updates, settings);
        LOG.info("pledgegraph serving {} ({} triples) at {}", store.description(), store.tripleCount(), server.datasetUrl());
        LOG.info("query: {}/sparql  graph store: {}/data  update: {}/update ({})", server.datasetUrl(),
                server.datasetUrl(), server.datasetUrl(), writes ? "credentials from " + settings.authFile() : "disabled");
        LOG.info("federation allow-list: {}; query timeout {} s", allowList.allowed().isEmpty() ? "empty" : allowList.allowed(),
                settings.queryTimeout().toSeconds());
        return server;
    }

    public int port() {
        return fuseki.getHttpPort();
    }

    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    public String datasetUrl() {
        return baseUrl() + "/" + ServerSettings.DATASET;
    }

    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        fuseki.stop();
        if (updates != null) {
            updates.uninstall();
        }
    }

    static ServerAddOn.Routes routesOf(FusekiServer.Builder builder) {
        return new ServerAddOn.Routes() {
            @Override
            public ServerAddOn.Routes servlet(String pathSpec, jakarta.servlet.http.HttpServlet servlet) {
                builder.addServlet(pathSpec, servlet);
                return this;
            }

            @Override
            public ServerAddOn.Routes filter(String pathSpec, jakarta.servlet.Filter filter) {
                builder.addFilter(pathSpec, filter);
                return this;
            }
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
