package org.pledgegraph.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.sparql.core.DatasetGraph;
import org.pledgegraph.cli.Wiring;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Cli;
import org.pledgegraph.support.Cli.Run;
import org.pledgegraph.support.TestFiles;

/**
 * A project folder for tests: the repository's ontology/ plus the activation fixture (a small schema and a source in
 * the shape of docs/design.md), and a TDB2 store on disk beside it. Commands run through the real command line.
 */
final class FixtureProject {
    final Path project;
    final Path store;

    FixtureProject(Path dir) {
        this(dir, true);
    }

    /** With {@code fixture} false: the repository's ontology/ and data/ only (the article). */
    FixtureProject(Path dir, boolean fixture) {
        try {
            project = dir.resolve("project");
            store = dir.resolve("store");
            Path ontology = Files.createDirectories(project.resolve("ontology"));
            Path sources = Files.createDirectories(project.resolve("data/sources"));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("ontology"), "*.ttl")) {
                for (Path f : files) {
                    Files.copy(f, ontology.resolve(f.getFileName()));
                }
            }
            if (fixture) {
                Files.copy(Path.of("src/test/resources/activation/fixture-schema.ttl"), ontology.resolve("zz-fixture-schema.ttl"));
                Files.copy(Path.of("src/test/resources/activation/fixture-source.ttl"), sources.resolve("fixture.ttl"));
            } else {
                TestFiles.copyTree(Path.of("data"), project.resolve("data"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command on this project and its store. */
    Run run(String... args) {
        return Cli.inProject(project, store, args);
    }

    Run ok(String... args) {
        Run r = run(args);
        if (r.exit() != 0) {
            throw new AssertionError("exit " + r.exit() + " for " + String.join(" ", args) + ": " + r.err());
        }
        return r;
    }

    /** Commitment slug to {status, activeFrom, unmet}, from {@code status --format csv}. */
    Map<String, List<String>> status(String asOf) {
        Run r = ok("status", "--as-of", asOf, "--format", "csv");
        return parseStatus(r.out());
    }

    /** Commitment slug to the date it came into force, from {@code status --active --format csv}. */
    Map<String, String> active(String asOf) {
        Map<String, String> rows = new java.util.TreeMap<>();
        List<String> lines = ok("status", "--active", "--as-of", asOf, "--format", "csv").out().lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csvCells(line);
            rows.put(cells.get(0).substring(cells.get(0).lastIndexOf('/') + 1), cells.get(1));
        }
        return rows;
    }

    static Map<String, List<String>> parseStatus(String csv) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> lines = csv.lines().toList();
        // By column name, so that a column added or moved does not shift what the tests compare.
        List<String> header = csvCells(lines.get(0));
        int statusAt = header.indexOf("status");
        int fromAt = header.indexOf("activeFrom");
        int unmetAt = header.indexOf("unmet");
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csvCells(line);
            String slug = cells.get(0).substring(cells.get(0).lastIndexOf('/') + 1);
            String status = cells.get(statusAt).substring(cells.get(statusAt).lastIndexOf('/') + 1);
            rows.put(slug, List.of(status, cells.get(fromAt), cells.get(unmetAt)));
        }
        return rows;
    }

    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Opens the store as the command line does (rules wired); close it before running another command. */
    Store open() {
        Store s = Store.open(store);
        Wiring.wire(s, project);
        return s;
    }

    /** Every quad of the store, as sorted text: equal snapshots mean an unchanged store. */
    TreeSet<String> snapshot() {
        try (Store s = open()) {
            return s.read(FixtureProject::quads);
        }
    }

    /** Asserts that the inferred graph, as the focused refreshes left it, is exactly what a full recomputation gives. */
    void assertInferredAsFullRecomputation(String when) {
        try (Store s = open()) {
            TreeSet<String> focused = s.read(FixtureProject::inferred);
            s.write(Materializer.fromRules()::recomputeAll);
            org.junit.jupiter.api.Assertions.assertEquals(s.read(FixtureProject::inferred), focused, when);
        }
    }

    static TreeSet<String> quads(DatasetGraph dsg) {
        TreeSet<String> all = new TreeSet<>();
        dsg.find().forEachRemaining(q -> all.add(q.toString()));
        return all;
    }

    static TreeSet<String> inferred(DatasetGraph dsg) {
        TreeSet<String> all = new TreeSet<>();
        dsg.find(Graphs.INFERRED, null, null, null).forEachRemaining(q -> all.add(q.asTriple().toString()));
        return all;
    }
}
