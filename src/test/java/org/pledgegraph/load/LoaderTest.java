package org.pledgegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

/** Loading builds one graph per file group, is idempotent, and a bad file changes nothing. */
class LoaderTest {
    @TempDir
    Path project;

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void validProject() throws IOException {
        write("ontology/o.ttl", "<https://w3id.org/pledgegraph/ontology> a <http://www.w3.org/2002/07/owl#Ontology> .\n");
        write("data/sources/article.ttl", "<https://w3id.org/pledgegraph/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n");
        write("data/sources/article.txt", "not RDF: the source text itself");
        write("data/background/places.ttl", "<https://w3id.org/pledgegraph/id/city/paris> <http://www.w3.org/2000/01/rdf-schema#label> \"Paris\" .\n");
    }

    @Test
    void eachFileGroupFillsItsGraph() throws IOException {
        validProject();
        try (Store store = Store.inMemory()) {
            Map<String, Long> counts = new Loader(project).load(store, false);
            assertEquals(Map.of(Vocab.GRAPH_ONTOLOGY, 1L, Vocab.sourceGraph("article"), 1L, Vocab.GRAPH_BACKGROUND, 1L), counts);
            assertEquals(counts, store.graphSizes());
        }
    }

    @Test
    void loadingTwiceGivesTheSameStore() throws IOException {
        validProject();
        try (Store store = Store.inMemory()) {
            new Loader(project).load(store, false);
            DatasetGraph first = snapshot(store);
            new Loader(project).load(store, false);
            assertTrue(IsoMatcher.isomorphic(first, snapshot(store)));
        }
    }

    @Test
    void commandWrittenGraphsSurviveAReloadButNotAReset() throws IOException {
        validProject();
        try (Store store = Store.inMemory()) {
            new Loader(project).load(store, false);
            String events = Vocab.sourceGraph("event-x");
            store.write(d -> d.add(Vocab.iri(events), Vocab.iri("urn:x:s"), Vocab.iri("urn:x:p"), Vocab.iri("urn:x:o")));
            new Loader(project).load(store, false);
            assertEquals(1L, store.graphSizes().get(events));
            new Loader(project).load(store, true);
            assertTrue(!store.graphSizes().containsKey(events));
        }
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumnAndLeavesTheStoreUnchanged(@TempDir Path dir) throws IOException {
        validProject();
        try (Store store = Store.open(dir.resolve("store"))) {
            new Loader(project).load(store, false);
            DatasetGraph before = snapshot(store);
            write("data/sources/article.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e .\n");
            UserException e = assertThrows(UserException.class, () -> new Loader(project).load(store, false));
            assertTrue(e.getMessage().startsWith("data/sources/article.ttl:3:"), e.getMessage());
            assertTrue(IsoMatcher.isomorphic(before, snapshot(store)), "the store is exactly as it was");
        }
    }

    @Test
    void anInvalidLiteralIsAnErrorNotAWarning() throws IOException {
        validProject();
        write("data/background/places.ttl", "<https://w3id.org/pledgegraph/id/x> <https://w3id.org/pledgegraph/ontology#on> "
                + "\"2026-13-45\"^^<http://www.w3.org/2001/XMLSchema#date> .\n");
        try (Store store = Store.inMemory()) {
            UserException e = assertThrows(UserException.class, () -> new Loader(project).load(store, false));
            assertTrue(e.getMessage().startsWith("data/background/places.ttl:1:"), e.getMessage());
            assertTrue(store.isEmpty());
        }
    }

    @Test
    void aProjectWithoutOntologyIsAUserError() {
        try (Store store = Store.inMemory()) {
            UserException e = assertThrows(UserException.class, () -> new Loader(project).load(store, false));
            assertTrue(e.getMessage().contains("no ontology found"), e.getMessage());
        }
    }

    @Test
    void theRepositoryLoads() {
        try (Store store = Store.inMemory()) {
            Map<String, Long> counts = new Loader(Path.of("")).load(store, false);
            assertTrue(counts.get(Vocab.GRAPH_ONTOLOGY) > 0);
            assertTrue(counts.get(Vocab.sourceGraph("coalition-summit-2026-01-07")) > 0);
        }
    }

    private static DatasetGraph snapshot(Store store) {
        return store.read(d -> {
            DatasetGraph copy = DatasetGraphFactory.create();
            d.find().forEachRemaining(copy::add);
            return copy;
        });
    }
}
