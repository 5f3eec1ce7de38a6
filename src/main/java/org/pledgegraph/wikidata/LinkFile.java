package org.pledgegraph.wikidata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.jena.graph.Graph;
import org.pledgegraph.UserException;
import org.pledgegraph.export.Exporter;

/**
 * {@code data/links/wikidata.ttl}, the file that {@code load} rebuilds the links graph from. Reconciled links are
 * appended to it (as N-Triples lines, which are valid Turtle after any prefixes) so that a reload keeps them and a
 * reviewer sees them as a plain diff in git; curated links and their comments above are left as they are. The file is
 * the source of truth: it is rewritten with the store, through {@link FileBackedWrite}.
 */
public final class LinkFile {
    public static final Path RELATIVE = Path.of("data", "links", "wikidata.ttl");

    private LinkFile() {}

    /**
     * The file's content with {@code links} appended, for {@link FileBackedWrite}; a file that cannot be read stops the
     * command before anything is written.
     */
    public static String appended(Path project, Graph links, Instant when) {
        Path file = project.resolve(RELATIVE);
        String current;
        try {
            current = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UserException("cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the store and the files are unchanged", e);
        }
        ByteArrayOutputStream triples = new ByteArrayOutputStream();
        Exporter.writeGraph(links, Exporter.Format.nt, triples);
        return current + (current.isEmpty() || current.endsWith("\n") ? "" : "\n")
                + "\n# Reconciled by `pledgegraph link wikidata` at " + when + "\n"
                + triples.toString(StandardCharsets.UTF_8);
    }
}
