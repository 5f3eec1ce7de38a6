package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/** With writes protected by credentials (serve --auth), every page still answers without asking for them. */
class ReadsWithoutCredentialsTest {
    @RegisterExtension
    static final WebServer web = new WebServer(Store::inMemory, s -> s.withAuthFile(credentials()));

    static Path credentials() {
        try {
            Path file = Files.createTempFile("pledgegraph-auth", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, "editor: change-me\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pagesAndDataAnswerWithoutCredentials() {
        for (String path : new String[] {"/", "/sources", "/ontology", "/graph/", "/pledgegraph/sparql", "/assets/pledgegraph.css"}) {
            HttpResponse<String> r = Http.get(web.url(path), "text/html");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("WWW-Authenticate").isEmpty(), path + " asks for credentials");
        }
        HttpResponse<String> unknown = Http.get(web.url("/id/person/nobody"), "text/turtle");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("WWW-Authenticate").isEmpty());
        // Writes still need them.
        assertEquals(401, Http.post(web.url("/pledgegraph/update"), "application/sparql-update", "INSERT DATA {}", "*/*", null)
                .statusCode());
    }

    @Test
    void pagesRefuseEveryMethodButGetAndHead() {
        for (String path : new String[] {"/", "/id/person/nobody", "/ontology", "/graph/x", "/.well-known/void"}) {
            HttpResponse<String> r = Http.post(web.url(path), "text/plain", "x", "*/*", null);
            assertEquals(405, r.statusCode(), path);
            assertTrue(r.headers().firstValue("WWW-Authenticate").isEmpty(), path);
        }
    }
}
