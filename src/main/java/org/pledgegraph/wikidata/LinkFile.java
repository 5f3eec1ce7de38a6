package org.pledgegraph.wikidata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.apache.jena.graph.Graph;
import org.pledgegraph.UserException;
import org.pledgegraph.export.Exporter;

/**
 * {@code data/links/wikidata.ttl}, the file that {@code load} rebuilds the links graph from. Reconciled links are
 * appended to it (as N-Triples lines, which are valid Turtle after any prefixes) so that a reload keeps them and a
 * reviewer sees them as a plain diff in git; curated links and their comments above are left as they are.
 */
public final class LinkFile {
    public static final Path RELATIVE = Path.of("data", "links", "wikidata.ttl");

    private LinkFile() {}

    public static void append(Path project, Graph links, Instant when) {
        Path file = project.resolve(RELATIVE);
        ByteArrayOutputStream triples = new ByteArrayOutputStream();
        Exporter.writeGraph(links, Exporter.Format.nt, triples);
        String block = "\n# Reconciled by `pledgegraph link wikidata` at " + when + "\n"
                + triples.toString(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, block, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UserException("links written to the store but not to " + file + ": " + e.getMessage()
                    + " (a reload would lose them; rerun `pledgegraph link wikidata`)", e);
        }
    }
}
