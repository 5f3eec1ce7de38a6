package org.pledgegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.validate.Locations;

/** A warning is an error naming name:line:column; .gz files parse; subjects are located by the line they were written on. */
class StrictParseFilesTest {
    @TempDir
    Path dir;

    @Test
    void anIllFormedDateIsAnErrorWithItsPosition() throws IOException {
        Path file = dir.resolve("bad.ttl");
        Files.writeString(file, "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n<http://example.org/s> <http://example.org/p> \"notadate\"^^xsd:date .\n");
        UserException e = assertThrows(UserException.class, () -> StrictParse.file(file, "data/bad.ttl", new Locations()));
        assertTrue(e.getMessage().startsWith("data/bad.ttl:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("notadate"), e.getMessage());
    }

    @Test
    void jsonLdWithFragmentIrisIsRead() {
        // In RFC 3986 an "absolute IRI" has no fragment: the ontology's own terms (pg:Occurrence) must still pass.
        String body = "{ \"@id\": \"https://w3id.org/pledgegraph/id/occurrence/x\", "
                + "\"@type\": \"https://w3id.org/pledgegraph/ontology#Occurrence\", "
                + "\"https://w3id.org/pledgegraph/ontology#occurredOn\": { \"@value\": \"2026-06-01\", \"@type\": \"http://www.w3.org/2001/XMLSchema#date\" } }";
        Graph g = StrictParse.graph(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                org.apache.jena.riot.Lang.JSONLD, "http://example.org/", "body");
        assertEquals(2, g.size());
    }

    @Test
    void gzippedNTriplesParseAndSubjectsAreLocated() throws IOException {
        Path file = dir.resolve("data.nt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("<http://example.org/a> <http://example.org/p> \"1\" .\n<http://example.org/b> <http://example.org/p> \"2\" .\n<http://example.org/a> <http://example.org/q> \"3\" .\n".getBytes(StandardCharsets.UTF_8));
        }
        Locations where = new Locations();
        Graph g = StrictParse.file(file, "data.nt.gz", where);
        assertEquals(3, g.size());
        assertEquals("data.nt.gz:1", where.of(Vocab.iri("http://example.org/a")).orElseThrow());
        assertEquals("data.nt.gz:2", where.of(Vocab.iri("http://example.org/b")).orElseThrow());
    }
}
