package org.pledgegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.pledgegraph.UserException;

/** Strict parsing: what it refuses, with which message, and that it still reads good data. */
class StrictParseTest {
    static final String BASE = "http://127.0.0.1/base/";

    static Graph parse(String body, Lang lang) {
        return StrictParse.graph(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang, BASE, "body");
    }

    @Test
    void goodJsonLdWithAnInlineContextIsRead() {
        Graph g = parse("{\"@context\":{\"name\":\"http://xmlns.com/foaf/0.1/name\"},\"@id\":\"http://ex.org/a\",\"name\":\"A\"}",
                Lang.JSONLD);
        assertEquals(1, g.size());
    }

    @Test
    void aRemoteContextIsNeverFetched() throws IOException {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] ctx = "{\"@context\":{\"name\":\"http://xmlns.com/foaf/0.1/name\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(200, ctx.length);
            exchange.getResponseBody().write(ctx);
            exchange.close();
        });
        canary.start();
        try {
            String url = "http://127.0.0.1:" + canary.getAddress().getPort() + "/ctx.jsonld";
            UserException e = assertThrows(UserException.class,
                    () -> parse("{\"@context\":\"" + url + "\",\"@id\":\"http://ex.org/a\",\"name\":\"A\"}", Lang.JSONLD));
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
            assertThrows(UserException.class, () -> parse("{\"@context\":\"file:///etc/passwd\"}", Lang.JSONLD));
            assertEquals(0, fetches.get(), "the canary saw a fetch");
        } finally {
            canary.stop(0);
        }
    }

    @Test
    void anUndefinedTermIsRefused() {
        UserException e = assertThrows(UserException.class, () -> parse(
                "{\"@context\":{\"name\":\"http://xmlns.com/foaf/0.1/name\"},\"@id\":\"http://ex.org/a\",\"name\":\"A\",\"nmae\":\"typo\"}",
                Lang.JSONLD));
        assertTrue(e.getMessage().startsWith("body: "), e.getMessage());
    }

    @Test
    void anInvalidNodeIriIsRefusedNotDropped() {
        UserException e = assertThrows(UserException.class, () -> parse(
                "[{\"@id\":\"http://ex ample.org/a\",\"http://ex.org/p\":\"x\"},{\"@id\":\"http://ex.org/b\",\"http://ex.org/p\":\"y\"}]",
                Lang.JSONLD));
        assertTrue(e.getMessage().contains("ex ample"), e.getMessage());
    }

    @Test
    void aTurtleWarningIsAnErrorWithItsPosition() {
        UserException e = assertThrows(UserException.class,
                () -> parse("<http://ex.org/a> <http://ex.org/p> \"x\"^^<http://www.w3.org/2001/XMLSchema#date> .", Lang.TURTLE));
        assertTrue(e.getMessage().startsWith("body:1:"), e.getMessage());
    }
}
