package org.pledgegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;
import org.pledgegraph.support.TestStores;

/** {@code serve --cors}: web pages of other origins may query, never write; without it, no CORS header at all. */
class ReadCorsTest {
    static final String ORIGIN = "https://yasgui.example";
    static Store store;
    static PledgeServer open;
    static PledgeServer closed;

    @BeforeAll
    static void start() {
        store = TestStores.loadedFromRepository();
        open = PledgeServer.start(store, ServerSettings.defaults().withPort(0).withReadCors(true));
        closed = PledgeServer.start(store, ServerSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        open.close();
        closed.close();
        store.close();
    }

    static HttpResponse<String> send(String url, String method, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Origin", ORIGIN)
                .header("Accept", "text/csv")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", method.equals("POST") && url.endsWith("/update") ? "application/sparql-update" : "application/sparql-query");
        }
        return Http.send(b);
    }

    static Optional<String> allowOrigin(HttpResponse<?> r) {
        return r.headers().firstValue("Access-Control-Allow-Origin");
    }

    @Test
    void queriesAnswerAnyOriginWithoutCredentials() {
        HttpResponse<String> get = send(open.datasetUrl() + "/sparql?query=" + Http.encode("ASK {}"), "GET", null);
        assertEquals(200, get.statusCode());
        assertEquals(Optional.of("*"), allowOrigin(get));
        assertTrue(get.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        HttpResponse<String> post = send(open.datasetUrl() + "/sparql", "POST", "ASK {}");
        assertEquals(200, post.statusCode());
        assertEquals(Optional.of("*"), allowOrigin(post));
    }

    @Test
    void aPreflightAllowsOnlyReads() {
        HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(open.datasetUrl() + "/sparql"))
                .header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals(Optional.of("GET, POST, OPTIONS"), preflight.headers().firstValue("Access-Control-Allow-Methods"));
    }

    @Test
    void writesGetNoCorsHeader() {
        HttpResponse<String> update = send(open.datasetUrl() + "/update", "POST", "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }");
        assertEquals(401, update.statusCode());
        assertEquals(Optional.empty(), allowOrigin(update));
    }

    @Test
    void withoutTheOptionThereIsNoCorsHeader() {
        HttpResponse<String> get = send(closed.datasetUrl() + "/sparql?query=" + Http.encode("ASK {}"), "GET", null);
        assertEquals(200, get.statusCode());
        assertEquals(Optional.empty(), allowOrigin(get));
    }
}
