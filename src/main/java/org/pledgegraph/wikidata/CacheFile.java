package org.pledgegraph.wikidata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.jena.graph.Graph;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.export.Exporter;

/**
 * {@code data/cache/wikidata.ttl}: the snapshot of the Wikidata cache graph. {@code link fetch} rewrites it from the
 * graph it has just stored, so that {@code load} (which rebuilds file-backed graphs) brings back the same cache, a
 * committed snapshot lets a clone answer the cache queries offline, and a refresh shows as a git diff. None is shipped:
 * only Wikidata's own answers belong in it.
 */
public final class CacheFile {
    public static final Path RELATIVE = Path.of("data", "cache", "wikidata.ttl");

    private CacheFile() {}

    public static void write(Path project, Graph cache, Instant retrieved, String source) {
        Path file = project.resolve(RELATIVE);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Exporter.writeGraph(cache, Exporter.Format.ttl, body);
        String header = "# Cache of Wikidata's statements about the items our entities are owl:sameAs: graph "
                + Vocab.GRAPH_WIKIDATA + ".\n"
                + "# Written by `pledgegraph link fetch` from " + source + " at " + retrieved + ".\n"
                + "# Do not edit: run `pledgegraph link fetch` again to refresh it.\n\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, header + body.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cache stored but not written to " + file + ": " + e.getMessage(), e);
        }
    }
}
