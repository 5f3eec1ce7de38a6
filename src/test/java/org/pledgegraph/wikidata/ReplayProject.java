package org.pledgegraph.wikidata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pledgegraph.store.Store;
import org.pledgegraph.support.Cli;
import org.pledgegraph.support.Cli.Run;
import org.pledgegraph.support.TestFiles;

/**
 * A throw-away project folder for the link tests: the repository's ontology, the fictional entities of
 * {@code src/test/resources/wikidata/project/data}, and a TDB2 store, driven through the real command line.
 */
final class ReplayProject {
    static final Path VOID = Path.of("data", "void.ttl");

    final Path dir;
    final Path store;

    ReplayProject(Path tmp) {
        this(tmp, ReplayServer.FILES.resolve("project/data"));
    }

    /** A project with the repository's ontology and the data of {@code data} (the repository's own, or the test's). */
    ReplayProject(Path tmp, Path data) {
        this.dir = tmp.resolve("project");
        this.store = tmp.resolve("store");
        // The link commands write data/links/, data/void.ttl and data/cache/ of their project: never the repository's.
        Path repository = Path.of("").toAbsolutePath();
        if (dir.toAbsolutePath().normalize().startsWith(repository)) {
            throw new IllegalArgumentException("a replay project must be a copy outside the repository: " + dir);
        }
        try {
            TestFiles.copyTree(Path.of("ontology"), dir.resolve("ontology"));
            TestFiles.copyTree(data, dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command on this project and its store. */
    Run run(String... args) {
        return Cli.inProject(dir, store, args);
    }

    /** Runs a link subcommand against the replay server, fast: 2 s timeout, 10 ms between requests. */
    Run link(ReplayServer wikidata, String sub, String... more) {
        List<String> args = new ArrayList<>(List.of("link", sub, "--api-url", wikidata.apiUrl(), "--timeout", "2", "--interval", "10"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    Map<String, Long> graphSizes() {
        try (Store s = Store.open(store)) {
            return s.graphSizes();
        }
    }

    <T> T read(java.util.function.Function<org.apache.jena.sparql.core.DatasetGraph, T> reader) {
        try (Store s = Store.open(store)) {
            return s.read(reader);
        }
    }

    /** Adds the repository's data/void.ttl (its Wikidata linksets), before the first load. */
    ReplayProject withRepositoryVoid() {
        try {
            Files.copy(VOID, dir.resolve(VOID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Files left behind in a folder of the project by an interrupted write (FileBackedWrite's temporary files). */
    List<String> tempFiles(String folder) {
        try (var files = Files.list(dir.resolve(folder))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String file(Path relative) {
        try {
            return Files.readString(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String linkFile() {
        try {
            return Files.readString(dir.resolve(LinkFile.RELATIVE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
