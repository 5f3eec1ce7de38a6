package org.pledgegraph.wikidata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.jena.graph.Graph;
import org.pledgegraph.Vocab;
import org.pledgegraph.export.Exporter;

/**
 * {@code data/cache/wikidata.ttl}: the snapshot of the Wikidata cache graph. {@code link fetch} rewrites it from the
 * graph it stores, so that {@code load} (which rebuilds file-backed graphs) brings back the same cache, offline. The file and the graph change together, through {@link FileBackedWrite}.
 * It is a local, regenerable artifact, git-ignored like {@code store/}: none is shipped, since only Wikidata's own
 * answers belong in it and a replay server's hand-made ones must never reach {@code load} through it.
 */
public final class CacheFile {
    public static final Path RELATIVE = Path.of("data", "cache", "wikidata.ttl");

    private CacheFile() {}

    /** The snapshot's content for {@code cache}, for {@link FileBackedWrite}. */
    public static String content(Graph cache, Instant retrieved, String source) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Exporter.writeGraph(cache, Exporter.Format.ttl, body);
        return "# Cache of Wikidata's statements about the items our entities are owl:sameAs: graph "
                + Vocab.GRAPH_WIKIDATA + ".\n"
                + "# Written by `pledgegraph link fetch` from " + source + " at " + retrieved + ".\n"
                + "# Do not edit: run `pledgegraph link fetch` again to refresh it.\n\n"
                + body.toString(StandardCharsets.UTF_8);
    }
}
