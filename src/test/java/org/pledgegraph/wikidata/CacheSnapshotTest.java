package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.Vocab;

/**
 * {@code data/cache/wikidata.ttl} is what {@code link fetch} writes for the repository's links when the replay server
 * serves the hand-made answers of {@code src/test/resources/wikidata/snapshot/}, the retrieval stamp aside; so the
 * snapshot is the command's output, not typed by hand. {@code -Dpledgegraph.snapshot.write=true} rewrites it.
 */
class CacheSnapshotTest {
    static final Path SNAPSHOT = Path.of("").toAbsolutePath().resolve(CacheFile.RELATIVE);

    @TempDir
    Path tmp;

    @Test
    void theCheckedInSnapshotIsLinkFetchOutput() throws Exception {
        ReplayProject project = new ReplayProject(tmp, Path.of("data"));
        try (ReplayServer wikidata = new ReplayServer(ReplayServer.FILES.resolve("snapshot/entities"))) {
            assertEquals(0, project.run("load").exit());
            ReplayProject.Run run = project.link(wikidata, "fetch");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("20 linked items, 20 fetched"), run.out());
        }
        Path written = project.dir.resolve(CacheFile.RELATIVE);
        if (Boolean.getBoolean("pledgegraph.snapshot.write")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.copy(written, SNAPSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.exists(SNAPSHOT), "no snapshot: run this test with -Dpledgegraph.snapshot.write=true");
        Graph expected = withoutStamp(written);
        Graph actual = withoutStamp(SNAPSHOT);
        assertTrue(expected.isIsomorphicWith(actual), "data/cache/wikidata.ttl is not link fetch's output");
        assertTrue(actual.size() > 20);
    }

    private static Graph withoutStamp(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(g);
        Node graph = Vocab.iri(Vocab.GRAPH_WIKIDATA);
        g.find(graph, Node.ANY, Node.ANY).toList().forEach(g::delete);
        return g;
    }
}
