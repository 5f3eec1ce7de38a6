package org.pledgegraph.wikidata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.export.Exporter;
import org.pledgegraph.store.Store;

/**
 * {@code data/cache/wikidata.ttl}: the snapshot of the Wikidata cache graph, for review in git and offline clones. {@code link fetch} rewrites
 * it from the graph it has just stored, so that {@code load} (which rebuilds file-backed graphs) brings back the
 * same cache, a fresh clone of the repository answers the cache queries offline, and a refresh shows as a git diff.
 */
public final class CacheFile {
    public static final Path RELATIVE = Path.of("data", "cache", "wikidata.ttl");

    private CacheFile() {}

    private static boolean isLocal(String source) {
        String host = java.net.URI.create(source).getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    public static void write(Path project, Store store, Instant retrieved, String source) {
        Path file = project.resolve(RELATIVE);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Exporter.export(store, Vocab.GRAPH_WIKIDATA, Exporter.Format.ttl, body);
        String header = "# Cache of Wikidata's statements about the items our entities are owl:sameAs: graph "
                + Vocab.GRAPH_WIKIDATA + ".\n"
                + "# Written by `pledgegraph link fetch` from " + source + " at " + retrieved + ".\n"
                + (isLocal(source) ? "# That is a local server, not Wikidata: this snapshot replays hand-made answers "
                        + "(see docs/wikidata.md).\n" : "")
                + "# Do not edit: run `pledgegraph link fetch` again to refresh it.\n\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, header + body.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cache stored but not written to " + file + ": " + e.getMessage(), e);
        }
    }
}
