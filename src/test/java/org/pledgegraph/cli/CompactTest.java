package org.pledgegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.store.EmbeddedStore;
import org.pledgegraph.support.Cli;

/** Issue 11, P12: small writes leave old blocks behind in TDB2; {@code compact} keeps the data and drops them. */
class CompactTest {
    @TempDir
    Path dir;

    @Test
    void compactKeepsEveryTripleAndLeavesOneGeneration() throws IOException {
        Path store = dir.resolve("store");
        try (EmbeddedStore s = EmbeddedStore.open(store)) {
            for (int i = 0; i < 50; i++) {
                Quad q = Quad.create(NodeFactory.createURI("urn:x:g"), NodeFactory.createURI("urn:x:s" + i),
                        NodeFactory.createURI("urn:x:p"), NodeFactory.createLiteralString("note " + i));
                s.write(d -> d.add(q));
            }
        }
        assertEquals(java.util.List.of("Data-0001"), generations(store));

        Cli.Run run = Cli.run("compact", "--store", store.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("50 triples, Data-0001 -> Data-0002"), run.out());
        assertEquals(java.util.List.of("Data-0002"), generations(store), "the old generation is deleted");
        try (EmbeddedStore s = EmbeddedStore.open(store)) {
            assertEquals(50, s.tripleCount());
        }
    }

    @Test
    void compactRefusesAStoreInMemory() {
        Cli.Run run = Cli.run("compact", "--mem");
        assertEquals(1, run.exit());
        assertFalse(run.err().isBlank());
    }

    private static java.util.List<String> generations(Path store) throws IOException {
        try (Stream<Path> entries = Files.list(store)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).sorted().toList();
        }
    }
}
