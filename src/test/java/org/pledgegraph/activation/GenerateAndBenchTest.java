package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.cli.PledgeGraph;
import org.pledgegraph.support.Cli;

/** The generator is deterministic and of the promised shape; bench runs end to end at 10^4 (no time is asserted). */
class GenerateAndBenchTest {
    @TempDir
    Path dir;

    @Test
    void generateIsDeterministicForASeed() throws Exception {
        Path a = dir.resolve("a.nt");
        Path b = dir.resolve("b.nt");
        Path c = dir.resolve("c.nt");
        assertEquals(0, PledgeGraph.execute("generate", "--summits", "20", "--seed", "7", "-o", a.toString()));
        assertEquals(0, PledgeGraph.execute("generate", "--summits", "20", "--seed", "7", "-o", b.toString()));
        assertEquals(0, PledgeGraph.execute("generate", "--summits", "20", "--seed", "8", "-o", c.toString()));
        assertEquals(Files.readString(a), Files.readString(b));
        assertNotEquals(Files.readString(a), Files.readString(c));

        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(a).parse(g);
        for (String cls : new String[] {"Summit", "Statement", "Person", "State", "ActivationCondition", "AnyOfCondition", "Ceasefire"}) {
            assertTrue(g.contains(null, org.apache.jena.vocabulary.RDF.type.asNode(),
                    org.pledgegraph.Vocab.iri(org.pledgegraph.Vocab.PG + cls)), "has a pg:" + cls);
        }
        assertTrue(g.contains(null, org.pledgegraph.Vocab.iri("http://www.w3.org/ns/oa#hasBody"), null), "provenance");
        assertTrue(g.contains(null, org.pledgegraph.Vocab.iri(org.pledgegraph.Vocab.PG + "hasActivationCondition"), null));
    }

    @Test
    void generateRefusesToWriteUnderData() {
        for (String target : new String[] {"data/sources/synthetic.ttl", "data/x.nt"}) {
            Cli.Run r = Cli.run("generate", "--summits", "1", "--project", dir.toString(), "-o", dir.resolve(target).toString());
            assertEquals(1, r.exit(), target);
            assertTrue(r.err().contains("refusing to write synthetic data under data/"), r.err());
            assertTrue(!java.nio.file.Files.exists(dir.resolve(target)), target + " was not written");
        }
    }

    @Test
    void generateWritesToAFolderNamedDataOutsideTheProject() {
        Path elsewhere = dir.resolve("elsewhere/data/synthetic.nt");
        Cli.Run r = Cli.run("generate", "--summits", "1", "--project", dir.resolve("project").toString(), "-o", elsewhere.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(java.nio.file.Files.exists(elsewhere));
    }

    @Test
    void benchRunsAtTenThousandTriplesAndPrintsItsTable() {
        Cli.Run r = Cli.run("bench", "--sizes", "10000", "--repeat", "1", "--warmup", "1", "--work", dir.resolve("bench").toString(),
                "--baseline-bound", "120", "--baseline-heap", "1g", "--no-load-baselines");
        String text = r.out();
        assertEquals(0, r.exit(), text);
        assertTrue(text.contains("| target | triples | load ms |"), text);
        assertTrue(text.contains("| 10,000 |"), text);
        List<String> rows = text.lines().filter(l -> l.startsWith("| 10,000 |")).toList();
        assertTrue(rows.get(0).endsWith("| yes |"), "focused refresh equals a full recomputation: " + text);
        assertTrue(rows.get(2).endsWith("| yes |"), "OWLMicro (both ways) gives our answer: " + text);
        assertTrue(rows.get(1).contains("not run (--no-load-baselines)"), "the load row, without its baselines: " + text);
    }
}
