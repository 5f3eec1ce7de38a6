package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.load.Loader;

/** Every RDF file of ontology/ and data/ parses without error or warning, and the data has no blank nodes. */
class ParseTest {

    @Test
    void theLoaderParsesEveryFileIntoTheExpectedGraphs() {
        var graphs = Project.graphs();
        assertTrue(graphs.containsKey(Vocab.GRAPH_ONTOLOGY), "ontology graph");
        assertTrue(graphs.containsKey(Vocab.GRAPH_BACKGROUND), "background graph");
        assertTrue(graphs.containsKey(Vocab.sourceGraph("coalition-summit-2026-01-07")), "the article's graph");
        graphs.forEach((name, g) -> assertFalse(g.isEmpty(), name + " is empty"));
    }

    @Test
    void eachFileParsesOnItsOwn() {
        List<String> failures = new ArrayList<>();
        List<Path> files = new ArrayList<>(Project.files("ontology", ".ttl"));
        files.removeIf(p -> p.toString().contains("/rules/"));
        files.addAll(Project.files("data", ".ttl"));
        assertFalse(files.isEmpty());
        for (Path f : files) {
            try {
                RDFParser.source(f).lang(Lang.TURTLE).parse(GraphFactory.createDefaultGraph());
            } catch (RuntimeException e) {
                failures.add(Project.ROOT.relativize(f) + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theLoaderRejectsAFileWithAWarning(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // The check above is only as good as the loader's strictness: an invalid xsd:date must fail the load.
        java.nio.file.Files.createDirectories(dir.resolve("ontology"));
        java.nio.file.Files.writeString(dir.resolve("ontology/x.ttl"),
                "<urn:a> <urn:b> \"2026-13-45\"^^<http://www.w3.org/2001/XMLSchema#date> .\n");
        try {
            new Loader(dir).parse();
            fail("an invalid date parsed");
        } catch (UserException expected) {
            assertTrue(expected.getMessage().contains("x.ttl"), expected.getMessage());
        }
    }

    @Test
    void dataHasNoBlankNodes() {
        List<String> blanks = new ArrayList<>();
        Project.data().getGraph().find().forEach(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getObject()}) {
                if (n.isBlank()) {
                    blanks.add(t.toString());
                }
            }
        });
        assertTrue(blanks.isEmpty(), "blank nodes in data/: " + blanks);
    }
}
