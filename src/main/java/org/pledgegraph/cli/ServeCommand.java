package org.pledgegraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.server.ServiceAllowList;
import org.pledgegraph.store.ServedStore;
import org.pledgegraph.store.Store;
import org.pledgegraph.web.Links;
import org.pledgegraph.web.Web;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the store over SPARQL with embedded Fuseki (loads it first if it is empty).",
                "Dataset /pledgegraph: /sparql (query), /data (Graph Store Protocol), /update (needs --auth).",
                "Pages at /, every IRI's description at /id/..., the ontology at /ontology."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).",
            defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).",
            defaultValue = "3030")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Query timeout (default: ${DEFAULT-VALUE} s).",
            defaultValue = "30")
    long timeoutSeconds;

    @Option(names = "--auth", paramLabel = "FILE",
            description = "Credentials for updates, one 'user: password' line each. Without it, writes are refused.")
    Path authFile;

    @Option(names = "--allow-service", paramLabel = "URL",
            description = "SPARQL endpoint that SERVICE may call; repeat for more (default: " + ServiceAllowList.WIKIDATA_QUERY_SERVICE + ").")
    List<String> allowedServices;

    @Option(names = "--no-federation", description = "Empty the SERVICE allow-list: no federated queries at all.")
    boolean noFederation;

    @Option(names = "--cors", description = "Let web pages of any origin query the store (reads only, no credentials).")
    boolean cors;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body (default: ${DEFAULT-VALUE}).",
            defaultValue = "10485760")
    long maxBody;

    @Option(names = "--public-base", paramLabel = "URL",
            description = "Base URL the pages print for citing (default: ${DEFAULT-VALUE}); links stay local paths.",
            defaultValue = org.pledgegraph.Vocab.BASE)
    String publicBase;

    @Override
    public Integer call() throws InterruptedException {
        if (timeoutSeconds <= 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--timeout must be positive");
        }
        List<String> services = noFederation ? List.of()
                : allowedServices == null ? ServiceAllowList.DEFAULT : allowedServices;
        // Not a static field: picocli creates every command to print --help, which must not start the logging.
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        ServerSettings settings = ServerSettings.defaults().withHost(host).withPort(port)
                .withQueryTimeout(Duration.ofSeconds(timeoutSeconds)).withAuthFile(authFile)
                .withAllowedServices(services).withMaxBodyBytes(maxBody).withReadCors(cors);
        Links links = new Links(publicBase);
        Store store = storeOptions.openWithoutLoading();
        if (store.isEmpty()) {
            log.info("store {} is empty: loading {}", store.description(), storeOptions.project.toAbsolutePath().normalize());
            storeOptions.loader().load(store, false);
        }
        PledgeServer server = PledgeServer.start(store, settings, List.of(new Web(store, links, storeOptions.project)));
        // Commands run while this server holds the directory find its URL here and work through it.
        Path announced = storeOptions.isDirectory() ? storeOptions.store : null;
        if (announced != null) {
            ServedStore.announce(announced, server.datasetUrl());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            if (announced != null) {
                ServedStore.withdraw(announced, server.datasetUrl());
            }
            server.close();
            store.close();
            stopped.countDown();
        }, "pledgegraph-shutdown"));
        stopped.await();
        return 0;
    }
}
