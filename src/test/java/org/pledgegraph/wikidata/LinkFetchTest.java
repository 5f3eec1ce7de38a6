package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.Cli;

/** `pledgegraph link fetch`: Wikidata's statements about our linked items, cached in Wikidata's own terms. */
class LinkFetchTest {
    static final Node CACHE = Vocab.iri(Vocab.GRAPH_WIKIDATA);

    @TempDir
    Path tmp;

    ReplayServer wikidata;
    ReplayProject project;

    @BeforeEach
    void start() throws Exception {
        wikidata = new ReplayServer();
        project = new ReplayProject(tmp);
        assertEquals(0, project.run("load").exit());
        assertEquals(0, project.link(wikidata, "wikidata").exit());
    }

    @AfterEach
    void stop() {
        wikidata.close();
    }

    static Node wd(String id) {
        return Vocab.iri(LinkRecord.WD + id);
    }

    static Node dateTime(String lexical) {
        return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdateTime);
    }

    @Test
    void cachesLabelsTypesMembershipsAndPositionsWithQualifiers() {
        Cli.Run run = project.link(wikidata, "fetch");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("3 linked items, 3 fetched"), run.out());
        assertTrue(wikidata.requests().stream().anyMatch(r -> r.contains("languages=en%7Cfr%7Cde%7Cuk%7Cit%7Cpl")),
                wikidata.requests().toString());
        project.read(dsg -> {
            assertTrue(dsg.contains(CACHE, wd("Q900000101"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Ада Приклад", "uk")));
            assertTrue(dsg.contains(CACHE, wd("Q900000131"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Examplie", "fr")));
            assertTrue(dsg.contains(CACHE, wd("Q900000101"), Vocab.iri(CacheGraph.SCHEMA_DESCRIPTION),
                    NodeFactory.createLiteralLang("femme politique examplienne", "fr")));
            assertTrue(dsg.contains(CACHE, wd("Q900000101"), Vocab.iri(CacheGraph.WDT + "P31"), wd("Q5")));
            assertTrue(dsg.contains(CACHE, wd("Q900000101"), Vocab.iri(CacheGraph.WDT + "P27"), wd("Q900000131")));
            assertTrue(dsg.contains(CACHE, wd("Q900000131"), Vocab.iri(CacheGraph.WDT + "P463"), wd("Q900000141")));
            assertPosition(dsg, "Q900000201", dateTime("2024-07-05T00:00:00Z"), null);
            // Year precision ("+2019-00-00T00:00:00Z") becomes the first day of the year, as in Wikidata's RDF.
            assertPosition(dsg, "Q900000202", dateTime("2019-01-01T00:00:00Z"), dateTime("2024-01-01T00:00:00Z"));
            assertTrue(dsg.stream(CACHE, CACHE, Vocab.iri(Vocab.PROV + "generatedAtTime"), Node.ANY)
                    .findAny().isPresent(), "the retrieval time is stamped on the graph");
            assertTrue(!dsg.stream(CACHE, wd("Q900000102"), Node.ANY, Node.ANY).findAny().isPresent(),
                    "only linked items are cached");
            return null;
        });
    }

    private static void assertPosition(DatasetGraph dsg, String position, Node start, Node end) {
        Node statement = dsg.stream(CACHE, Node.ANY, Vocab.iri(CacheGraph.PS + "P39"), wd(position))
                .findFirst().orElseThrow(() -> new AssertionError("no ps:P39 " + position)).getSubject();
        assertTrue(statement.getURI().startsWith(CacheGraph.WDS + "Q900000101-"), statement.getURI());
        assertTrue(dsg.contains(CACHE, wd("Q900000101"), Vocab.iri(CacheGraph.P + "P39"), statement));
        assertTrue(dsg.contains(CACHE, statement, Vocab.iri(CacheGraph.PQ + "P580"), start));
        if (end != null) assertTrue(dsg.contains(CACHE, statement, Vocab.iri(CacheGraph.PQ + "P582"), end));
    }

    @Test
    void theCacheSurvivesAReloadAndExportsOffline() throws Exception {
        assertEquals(0, project.link(wikidata, "fetch").exit());
        long cached = project.graphSizes().get(Vocab.GRAPH_WIKIDATA);
        wikidata.close(); // offline from here on
        assertEquals(0, project.run("load").exit());
        assertEquals(cached, project.graphSizes().get(Vocab.GRAPH_WIKIDATA));
        Path out = tmp.resolve("cache.ttl");
        assertEquals(0, project.run("export", "--graph", Vocab.GRAPH_WIKIDATA, "-o", out.toString()).exit());
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("Ада Приклад"));
    }

    private Node stamp() {
        return project.read(dsg -> dsg.stream(CACHE, CACHE, Vocab.iri(Vocab.PROV + "generatedAtTime"), Node.ANY)
                .findFirst().orElseThrow().getObject());
    }

    @Test
    void aSnapshotThatCannotBeWrittenLeavesTheCacheGraphAndTheFileAsTheyWere() throws Exception {
        assertEquals(0, project.link(wikidata, "fetch").exit());
        Node stamp = stamp();
        Map<String, Long> before = project.graphSizes();
        // A folder (not empty) where data/cache/wikidata.ttl should be: the new snapshot is written beside it, then
        // cannot be moved into place, inside the store's transaction.
        Path snapshot = project.dir.resolve(CacheFile.RELATIVE);
        Files.delete(snapshot);
        Files.createDirectories(snapshot.resolve("kept"));
        Cli.Run run = project.link(wikidata, "fetch");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("cannot write " + snapshot) && run.err().contains("the store and the files are unchanged"),
                run.err());
        assertEquals(before, project.graphSizes());
        assertEquals(stamp, stamp(), "the cache graph of the first fetch is kept");
        assertTrue(Files.isDirectory(snapshot.resolve("kept")));
        assertEquals(List.of(), project.tempFiles("data/cache"));
    }

    @Test
    void anHttpErrorKeepsThePreviousCache() {
        assertEquals(0, project.link(wikidata, "fetch").exit());
        Map<String, Long> before = project.graphSizes();
        wikidata.alwaysAnswer(new ReplayServer.Scripted(404, "", Map.of(), 0));
        Cli.Run run = project.link(wikidata, "fetch");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("HTTP 404"), run.err());
        assertEquals(before, project.graphSizes());
    }
}
