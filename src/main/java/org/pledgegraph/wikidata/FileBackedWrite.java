package org.pledgegraph.wikidata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.pledgegraph.UserException;
import org.pledgegraph.store.Store;

/**
 * A change to the store together with the project files it comes from ({@code data/links/wikidata.ttl},
 * {@code data/void.ttl}, {@code data/cache/wikidata.ttl}), so that the files stay the source of truth that
 * {@code load} rebuilds the store from. Inside the store's write transaction, after the change: each file's new content
 * is written to a temporary file in the same folder, then every temporary file is moved into place (ATOMIC_MOVE, else
 * REPLACE_EXISTING). A failure anywhere, before, during or after the moves (the rules that follow the change, the
 * commit), aborts the transaction, deletes the temporary files and puts back the previous content of any file already
 * moved: the user sees either the whole update or none of it.
 */
public final class FileBackedWrite {
    private record Staged(Path target, Path temp, byte[] previous) {}

    private final List<Staged> staged = new ArrayList<>();
    private final List<Staged> moved = new ArrayList<>();

    private FileBackedWrite() {}

    /**
     * Runs {@code change} in one write transaction of {@code store}; it changes the dataset and returns the new content
     * of each file that backs what it changed (none for an in-memory store).
     */
    public static void apply(Store store, Function<DatasetGraph, Map<Path, String>> change) {
        FileBackedWrite files = new FileBackedWrite();
        try {
            store.write(dsg -> {
                change.apply(dsg).forEach(files::stage);
                files.moveIntoPlace();
            });
        } catch (RuntimeException e) {
            files.undo(e);
            throw e;
        }
    }

    private void stage(Path target, String content) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            byte[] previous = Files.isRegularFile(target) ? Files.readAllBytes(target) : null;
            Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            staged.add(new Staged(target, temp, previous));
            Files.writeString(temp, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    private void moveIntoPlace() {
        for (Staged s : staged) {
            try {
                move(s.temp(), s.target());
            } catch (IOException e) {
                throw failure(s.target(), e);
            }
            moved.add(s);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static UserException failure(Path target, IOException e) {
        return new UserException("cannot write " + target + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); the store and the files are unchanged", e);
    }

    /** Deletes what is left of the temporary files and restores, last first, the files already moved. */
    private void undo(RuntimeException cause) {
        for (Staged s : staged) {
            try {
                Files.deleteIfExists(s.temp());
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
        for (int i = moved.size() - 1; i >= 0; i--) {
            Staged s = moved.get(i);
            try {
                if (s.previous() == null) {
                    Files.deleteIfExists(s.target());
                } else {
                    Path temp = Files.createTempFile(s.target().toAbsolutePath().getParent(),
                            "." + s.target().getFileName() + ".", ".tmp");
                    Files.write(temp, s.previous());
                    move(temp, s.target());
                }
            } catch (IOException e) {
                throw new UserException(cause.getMessage() + "; and " + s.target() + " could not be restored ("
                        + e.getMessage() + "): restore it from git, then run `pledgegraph load`", cause);
            }
        }
    }
}
