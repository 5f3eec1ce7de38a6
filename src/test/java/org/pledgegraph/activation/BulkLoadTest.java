package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.Vocab;
import org.pledgegraph.bench.SyntheticData;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Cli.Run;

/** {@code load FILE... --graph IRI}: generated data and other syntaxes load, derive once, and bad files change nothing. */
class BulkLoadTest {
    @TempDir
    Path dir;

    @Test
    void generatedDataLoadsGzippedAndDerives() throws IOException {
        FixtureProject p = new FixtureProject(dir);
        p.ok("load");
        Path nt = dir.resolve("synthetic.nt");
        long triples = new SyntheticData(1).write(8, nt);
        Path gz = dir.resolve("synthetic.nt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(nt, out);
        }
        Run r = p.ok("load", gz.toString(), "--graph", "https://w3id.org/pledgegraph/graph/source/synthetic");
        assertTrue(r.out().contains(String.format("%,d triples into https://w3id.org/pledgegraph/graph/source/synthetic", triples)), r.out());
        assertTrue(r.err().contains("loading: " + String.format("%,d", triples) + " triples"), "progress: " + r.err());
        try (Store s = p.open()) {
            Node graph = Vocab.iri(Vocab.sourceGraph("synthetic"));
            assertEquals(triples, (long) s.<Long>read(d -> (long) d.getGraph(graph).size()));
            // derived at the end: the synthetic states are actors, and what a full run derives is there
            assertTrue((boolean) s.<Boolean>read(d -> d.contains(Graphs.INFERRED,
                    NodeFactory.createURI("https://w3id.org/pledgegraph/id/state/synthetic-state-0"), RDF.type.asNode(),
                    NodeFactory.createURI(Vocab.PG + "Actor"))));
        }
        p.assertInferredAsFullRecomputation("after a bulk load");
    }

    @Test
    void turtleIntoAnExistingGraphAndItsDefaultName() throws IOException {
        FixtureProject p = new FixtureProject(dir);
        p.ok("load");
        Path ttl = dir.resolve("extra-notes.ttl");
        Files.writeString(ttl, "@prefix pg: <https://w3id.org/pledgegraph/ontology#> .\n"
                + "<https://w3id.org/pledgegraph/id/state/x> a pg:State ; <http://www.w3.org/2000/01/rdf-schema#label> \"X\"@en .\n");
        p.ok("load", ttl.toString());
        Path more = dir.resolve("more.ttl");
        Files.writeString(more, "<https://w3id.org/pledgegraph/id/state/y> a <https://w3id.org/pledgegraph/ontology#State> ; "
                + "<http://www.w3.org/2000/01/rdf-schema#label> \"Y\"@en .\n");
        p.ok("load", more.toString(), "--graph", Vocab.sourceGraph("extra-notes"));
        try (Store s = p.open()) {
            assertEquals(4L, (long) s.<Long>read(d -> (long) d.getGraph(Vocab.iri(Vocab.sourceGraph("extra-notes"))).size()));
            assertTrue((boolean) s.<Boolean>read(d -> d.contains(Graphs.INFERRED, NodeFactory.createURI("https://w3id.org/pledgegraph/id/state/y"),
                    RDF.type.asNode(), NodeFactory.createURI(Vocab.PG + "Actor"))));
        }
    }

    @Test
    void aBadFileNamesItsLineAndChangesNothing() throws IOException {
        FixtureProject p = new FixtureProject(dir);
        p.ok("load");
        TreeSet<String> before = p.snapshot();
        Path bad = dir.resolve("bad.nt");
        Files.writeString(bad, "<urn:x:a> <urn:x:p> <urn:x:b> .\n<urn:x:a> <urn:x:p> \"unterminated .\n");
        for (String graph : new String[] {"https://w3id.org/pledgegraph/graph/source/new-one", Vocab.sourceGraph("fixture")}) {
            Run r = p.run("load", bad.toString(), "--graph", graph);
            assertNotEquals(0, r.exit());
            assertTrue(r.err().matches("(?s).*bad\\.nt:\\d+:\\d+: .*"), r.err());
            assertEquals(before, p.snapshot(), "into " + graph + ": the store is as it was");
        }
        Run r = p.run("load", dir.resolve("missing.nt").toString());
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    /**
     * The bulk path validates on a second thread while it derives (BulkLoad.deriveOnce): data the shapes refuse is
     * refused all the same, with the report, and the new graph goes again, the store as it was.
     */
    @Test
    void dataTheShapesRefuseIsRefusedAndChangesNothing() throws IOException {
        FixtureProject p = new FixtureProject(dir);
        p.ok("load");
        TreeSet<String> before = p.snapshot();
        Path twoLabels = dir.resolve("two-labels.nt");
        Files.writeString(twoLabels, "<https://w3id.org/pledgegraph/id/state/z> <" + RDF.type.getURI()
                + "> <https://w3id.org/pledgegraph/ontology#State> .\n"
                + "<https://w3id.org/pledgegraph/id/state/z> <http://www.w3.org/2000/01/rdf-schema#label> \"Z\"@en .\n"
                + "<https://w3id.org/pledgegraph/id/state/z> <http://www.w3.org/2000/01/rdf-schema#label> \"Zed\"@en .\n");
        Run r = p.run("load", twoLabels.toString(), "--graph", "https://w3id.org/pledgegraph/graph/source/new-one");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("needs one rdfs:label per language") && r.err().contains("state:z"), r.err());
        assertEquals(before, p.snapshot(), "the store is as it was");
    }
}
