package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

/** The store and the files that back it change together or not at all, on a real store and real files. */
class FileBackedWriteTest {
    static final Node G = Vocab.iri(Vocab.linksGraph("wikidata"));
    static final Node S = Vocab.iri(Vocab.ID + "person/ada-example");
    static final Node P = Vocab.iri(Vocab.PG + "note");
    static final Node O = Vocab.iri(Vocab.WD + "Q900000101");

    @TempDir
    Path tmp;

    final Store store = Store.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    private boolean stored() {
        return store.read(dsg -> dsg.contains(G, S, P, O));
    }

    private List<String> tempFiles() throws Exception {
        try (var files = Files.list(tmp)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void bothChange() throws Exception {
        Path a = tmp.resolve("a.ttl");
        Files.writeString(a, "old a");
        Path b = tmp.resolve("sub/b.ttl");
        FileBackedWrite.apply(store, dsg -> {
            dsg.add(G, S, P, O);
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(a, "new a");
            files.put(b, "new b");
            return files;
        });
        assertTrue(stored());
        assertEquals("new a", Files.readString(a));
        assertEquals("new b", Files.readString(b));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void aFileThatCannotBeMovedIntoPlaceUndoesTheFilesAlreadyMovedAndTheStore() throws Exception {
        Path a = tmp.resolve("a.ttl");
        Files.writeString(a, "old a");
        Path created = tmp.resolve("c.ttl");
        Path blocked = tmp.resolve("b.ttl");
        Files.createDirectories(blocked.resolve("kept"));
        UserException e = assertThrows(UserException.class, () -> FileBackedWrite.apply(store, dsg -> {
            dsg.add(G, S, P, O);
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(a, "new a");
            files.put(created, "new c");
            files.put(blocked, "new b");
            return files;
        }));
        assertTrue(e.getMessage().startsWith("cannot write " + blocked), e.getMessage());
        assertFalse(stored(), "the transaction was aborted");
        assertEquals("old a", Files.readString(a), "a moved file gets its previous content back");
        assertFalse(Files.exists(created), "a file that did not exist is removed again");
        assertTrue(Files.isDirectory(blocked.resolve("kept")));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void aFailingChangeWritesNoFile() throws Exception {
        Path a = tmp.resolve("a.ttl");
        Files.writeString(a, "old a");
        assertThrows(IllegalStateException.class, () -> FileBackedWrite.apply(store, dsg -> {
            dsg.add(G, S, P, O);
            throw new IllegalStateException("boom");
        }));
        assertFalse(stored());
        assertEquals("old a", Files.readString(a));
        assertEquals(List.of(), tempFiles());
    }
}
