package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.CatalogSetup;
import org.pledgegraph.support.Cli;

/**
 * The cache graph of the catalog's fixture ({@code src/test/resources/catalog/setup/wikidata-enrichment-cache.trig}) is
 * what {@code link fetch} writes for the repository's links when the replay server serves the hand-made answers of
 * {@code src/test/resources/wikidata/snapshot/}, the retrieval stamp aside; so the fixture is the command's output, not
 * typed by hand. It is a test fixture, not shipped in {@code data/}: replayed answers are not Wikidata's word.
 */
class CacheSnapshotTest {
    static final Path SNAPSHOT = CatalogSetup.fileFor("wikidata-enrichment-cache").orElseThrow();

    @TempDir
    Path tmp;

    @Test
    void theCheckedInSnapshotIsLinkFetchOutput() throws Exception {
        ReplayProject project = new ReplayProject(tmp, Path.of("data"));
        try (ReplayServer wikidata = new ReplayServer(ReplayServer.FILES.resolve("snapshot/entities"))) {
            assertEquals(0, project.run("load").exit());
            Cli.Run run = project.link(wikidata, "fetch");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("21 linked items, 21 fetched"), run.out());
        }
        Path written = project.dir.resolve(CacheFile.RELATIVE);
        assertTrue(Files.exists(SNAPSHOT), "no fixture " + SNAPSHOT);
        Graph expected = withoutStamp(written);
        Graph actual = CatalogSetup.read(SNAPSHOT).getGraph(Vocab.iri(Vocab.GRAPH_WIKIDATA));
        actual.find(Vocab.iri(Vocab.GRAPH_WIKIDATA), Node.ANY, Node.ANY).toList().forEach(actual::delete);
        assertTrue(expected.isIsomorphicWith(actual), "the catalog fixture is not link fetch's output");
        assertTrue(actual.size() > 20);
    }

    @Test
    void theCacheFolderIsGitIgnoredLikeTheStore() throws Exception {
        // A `link fetch` in the repository's folder (e.g. against the replay server) must not end up in git.
        var lines = Files.readAllLines(Path.of(".gitignore")).stream().map(String::strip).toList();
        assertTrue(lines.contains("/data/cache/") && lines.contains("/store/"), lines.toString());
    }

    private static Graph withoutStamp(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(g);
        Node graph = Vocab.iri(Vocab.GRAPH_WIKIDATA);
        g.find(graph, Node.ANY, Node.ANY).toList().forEach(g::delete);
        return g;
    }
}
