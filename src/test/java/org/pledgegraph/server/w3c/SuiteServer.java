package org.pledgegraph.server.w3c;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.core.DatasetGraph;
import org.pledgegraph.cli.Wiring;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/**
 * A real pledgegraph server, on a free port, over an empty TDB2 store wired as the command line wires it, with
 * credentials for writes: what the W3C suites run against. Requests are written as the manifests spell them.
 */
final class SuiteServer implements AutoCloseable {
    static final String USER = "suite";
    static final String PASSWORD = "suite-password";

    final Store store;
    final PledgeServer server;

    SuiteServer(Path dir) {
        try {
            Path auth = dir.resolve("auth.txt");
            Files.writeString(auth, USER + ": " + PASSWORD + "\n");
            store = Store.open(dir.resolve("store"));
            Wiring.wire(store);
            server = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withAuthFile(auth));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        store.write(DatasetGraph::clear);
    }

    /** One request: method, path below the dataset ("sparql?query=..."), optional content type and body. */
    HttpResponse<String> send(String method, String path, String contentType, String body, Charset charset,
            String accept, boolean credentials) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.datasetUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(charset == null ? StandardCharsets.UTF_8 : charset)));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (credentials) {
            b.header("Authorization", Http.basic(USER, PASSWORD));
        }
        return Http.send(b);
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
