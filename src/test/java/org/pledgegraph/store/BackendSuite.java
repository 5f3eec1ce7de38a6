package org.pledgegraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.Materializer;
import org.pledgegraph.cli.Wiring;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.support.CatalogSetup;
import org.pledgegraph.support.Cli;
import org.pledgegraph.support.TestStores;

/**
 * The same suite on every backend (embedded TDB2, a standalone Fuseki, Virtuoso): {@code load}, {@code event add},
 * {@code status} (as of, what if) and {@code export} give the answers the embedded store gives; every catalog query
 * gives its expected rows; the inferred graph after a recorded event equals a full recomputation. A subclass says how
 * the command line names its store ({@link #storeArgs}) and how to open it ({@link #open}).
 */
abstract class BackendSuite {
    static final Path PROJECT = TestStores.project();
    /** The walk-through of the command line, each step's output compared across backends. */
    static final List<List<String>> STEPS = List.of(
            List.of("status", "--as-of", "2026-05-31"),
            List.of("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01",
                    "--source", "https://example.org/ceasefire-report", "--note", "backend suite"),
            List.of("status", "--as-of", "2026-06-02"),
            List.of("event", "add", "--kind", "withdrawal", "--of", "uk-france-military-hubs", "--date", "2026-09-01"),
            List.of("status", "--active", "--as-of", "2026-09-02", "--format", "csv"),
            List.of("status", "--as-of", "2026-06-02", "--what-if", "entry-into-force russia-ukraine-peace-agreement 2026-06-01"),
            List.of("event", "add", "--kind", "entry-into-force", "--of", "no-such-event", "--date", "2026-06-01"),
            List.of("event", "remove", "--kind", "withdrawal", "--of", "uk-france-military-hubs"),
            List.of("status", "--as-of", "2026-09-02"));

    private static Map<String, String> reference;
    private static DatasetGraph referenceExport;

    @TempDir
    Path dir;

    /** The command line's options that name this backend's store (e.g. {@code --store-url URL}). */
    abstract List<String> storeArgs();

    /** The store, opened and wired as the command line opens it. */
    abstract Store open();

    /**
     * Catalog queries this engine cannot answer (each documented in docs/deploy.md): they must still fail on it, so
     * that a fixed engine shows up here; the steps of the command line that run them are skipped.
     */
    java.util.Set<String> knownFailures() {
        return java.util.Set.of();
    }

    /**
     * Catalog queries this engine may get no answer to at all (documented in docs/deploy.md): not sent, since a query
     * that hangs holds one of the engine's threads and, after a few, the engine answers nothing; the steps of the
     * command line that run them are skipped.
     */
    java.util.Set<String> knownHangs() {
        return java.util.Set.of();
    }

    /**
     * Catalog queries whose rows differ on this engine (each documented in docs/deploy.md, with why): they must still
     * differ, so that a fixed engine or query shows up here.
     */
    java.util.Set<String> knownDifferences() {
        return java.util.Set.of();
    }

    /** Whether the engine may give a number back with another numeric datatype (the same value): exports compare values. */
    boolean numbersAsValues() {
        return false;
    }

    /** Graphs the engine keeps for itself, which its export shows beside pledgegraph's (Virtuoso's configuration). */
    java.util.Set<String> engineGraphs() {
        return java.util.Set.of();
    }

    private boolean runsKnownFailure(List<String> step) {
        String query = step.contains("--active") ? "active-as-of" : "status-as-of";
        return step.get(0).equals("status") && (knownFailures().contains(query) || knownHangs().contains(query));
    }

    Cli.Run cli(List<String> args) {
        List<String> argv = new ArrayList<>(args);
        argv.addAll(List.of("--project", PROJECT.toString()));
        argv.addAll(storeArgs());
        return Cli.run(argv.toArray(String[]::new));
    }

    /** What the embedded store answers to every step, and its export after them: computed once. */
    static synchronized Map<String, String> reference(Path scratch) {
        if (reference == null) {
            Path store = scratch.resolve("reference-store");
            Map<String, String> answers = new LinkedHashMap<>();
            Cli.Run load = Cli.inProject(PROJECT, store, "load", "--reset");
            assertEquals(0, load.exit(), load.err());
            for (List<String> step : STEPS) {
                answers.put(String.join(" ", step), answer(Cli.inProject(PROJECT, store, step.toArray(String[]::new))));
            }
            Path exported = scratch.resolve("reference.nq");
            assertEquals(0, Cli.inProject(PROJECT, store, "export", "--format", "nq", "-o", exported.toString()).exit());
            referenceExport = parse(exported);
            reference = answers;
        }
        return reference;
    }

    static String answer(Cli.Run run) {
        return "exit " + run.exit() + "\n" + run.out() + run.err();
    }

    @Test
    void loadEventStatusAndExportGiveTheEmbeddedAnswers() throws IOException {
        Map<String, String> expected = reference(dir);
        Cli.Run load = cli(List.of("load", "--reset"));
        assertEquals(0, load.exit(), load.err());
        for (List<String> step : STEPS) {
            String name = String.join(" ", step);
            if (runsKnownFailure(step)) {
                if (knownHangs().stream().noneMatch(q -> step.contains("--active") == q.equals("active-as-of"))) {
                    assertEquals(1, cli(step).exit(), name + " fails on this engine, as documented");
                }
                continue;
            }
            assertEquals(expected.get(name), answer(cli(step)), name);
        }
        Path exported = dir.resolve("export.nq");
        Cli.Run export = cli(List.of("export", "--format", "nq", "-o", exported.toString()));
        assertEquals(0, export.exit(), export.err());
        DatasetGraph actual = parse(exported);
        java.util.Set<String> others = new java.util.TreeSet<>();
        actual.listGraphNodes().forEachRemaining(g -> {
            if (!g.getURI().startsWith(Vocab.GRAPH)) {
                others.add(g.getURI());
            }
        });
        assertTrue(engineGraphs().containsAll(others), "no graph but pledgegraph's and the engine's own: " + others);
        others.forEach(g -> actual.removeGraph(org.apache.jena.graph.NodeFactory.createURI(g)));
        DatasetGraph expectedExport = numbersAsValues() ? numbersAsDecimals(referenceExport) : referenceExport;
        assertTrue(IsoMatcher.isomorphic(expectedExport, numbersAsValues() ? numbersAsDecimals(actual) : actual),
                "the export is the embedded store's, up to blank nodes" + (numbersAsValues() ? " and numeric datatypes" : ""));

        // The export loads back into a fresh embedded store and exports the same again: the round trip.
        Path ttl = dir.resolve("export.ttl");
        assertEquals(0, cli(List.of("export", "--format", "ttl", "-o", ttl.toString())).exit());
        Graph union = RDFParser.source(ttl).toGraph();
        DatasetGraph all = parse(exported); // with the engine's own graphs, which the union export holds too
        long quads = Txn.calculateRead(all, () -> (long) all.getUnionGraph().size());
        assertEquals(union.size(), quads == union.size() ? union.size() : distinctTriples(all), "union export");
    }

    @Test
    void everyCatalogQueryGivesItsExpectedRows() throws IOException {
        try (Store store = open()) {
            new org.pledgegraph.load.Loader(PROJECT).load(store, true);
            List<String> failures = new ArrayList<>();
            List<Path> withSetup = new ArrayList<>();
            for (Path file : queryFiles()) {
                String name = file.getFileName().toString().replaceAll("\\.rq$", "");
                if (knownHangs().contains(name)) {
                    System.out.println(getClass().getSimpleName() + ": " + name + " not sent: this engine may not answer it (docs/deploy.md)");
                } else if (knownFailures().contains(name)) {
                    List<String> none = new ArrayList<>();
                    try {
                        check(store, file, none);
                        failures.add(name + ": listed as failing on this engine, but gave " + (none.isEmpty() ? "its expected rows" : "rows"));
                    } catch (RuntimeException expected) {
                        System.out.println(getClass().getSimpleName() + ": " + name + " fails as documented: " + expected.getMessage());
                    }
                } else if (CatalogSetup.fileFor(name).isPresent()) {
                    withSetup.add(file);
                } else {
                    check(store, file, failures);
                }
            }
            for (Path file : withSetup) {
                new org.pledgegraph.load.Loader(PROJECT).load(store, true);
                CatalogSetup.apply(store, file.getFileName().toString().replaceAll("\\.rq$", ""));
                check(store, file, failures);
            }
            for (String name : knownDifferences()) {
                if (failures.removeIf(f -> f.startsWith(name + ": expected"))) {
                    System.out.println(getClass().getSimpleName() + ": " + name + " gives other rows, as documented");
                } else {
                    failures.add(name + ": listed as giving other rows on this engine, but gave its expected rows");
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @Test
    void theInferredGraphAfterEventsEqualsAFullRecomputation() {
        Cli.Run load = cli(List.of("load", "--reset"));
        assertEquals(0, load.exit(), load.err());
        for (List<String> step : List.of(
                List.of("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01"),
                List.of("event", "add", "--kind", "withdrawal", "--of", "uk-france-military-hubs", "--date", "2026-09-01"),
                List.of("event", "remove", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire"))) {
            Cli.Run run = cli(step);
            assertEquals(0, run.exit(), step + ": " + run.err());
            try (Store store = open()) {
                Graph focused = store.getGraph(Vocab.GRAPH_INFERRED);
                Graph recomputed = store.read(dsg -> {
                    try (Store copy = Store.inMemory()) {
                        Txn.executeWrite(copy.dataset(), () -> dsg.find().forEachRemaining(copy.dataset()::add));
                        copy.setDerivation(Materializer.fromRules());
                        copy.write(d -> {});
                        return copy.getGraph(Vocab.GRAPH_INFERRED);
                    }
                });
                assertTrue(focused.size() > 0);
                assertTrue(focused.isIsomorphicWith(recomputed), step + ": the inferred graph (" + focused.size()
                        + " triples) equals a full recomputation (" + recomputed.size() + ")");
            }
        }
    }

    static Store wired(Store store) {
        Wiring.wire(store);
        return store;
    }

    /** A copy with every xsd:integer and xsd:decimal literal written as the xsd:decimal of its value. */
    static DatasetGraph numbersAsDecimals(DatasetGraph dsg) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        dsg.find().forEachRemaining(q -> {
            org.apache.jena.graph.Node o = q.getObject();
            if (o.isLiteral() && (o.getLiteralDatatypeURI().equals(org.apache.jena.vocabulary.XSD.integer.getURI())
                    || o.getLiteralDatatypeURI().equals(org.apache.jena.vocabulary.XSD.decimal.getURI()))) {
                String value = new java.math.BigDecimal(o.getLiteralLexicalForm()).stripTrailingZeros().toPlainString();
                o = org.apache.jena.graph.NodeFactory.createLiteralDT(value, org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
            }
            copy.add(org.apache.jena.sparql.core.Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), o));
        });
        return copy;
    }

    private static long distinctTriples(DatasetGraph dsg) {
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> g.add(q.asTriple()));
        return g.size();
    }

    private static DatasetGraph parse(Path file) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(file).parse(dsg);
        return dsg;
    }

    private static List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT.resolve("queries"))) {
            return files.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    private static void check(Store store, Path file, List<String> failures) throws IOException {
        String name = file.getFileName().toString().replaceAll("\\.rq$", "");
        Query query = QueryRunner.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.runLocal(store, query, QueryRunner.Format.tsv, out);
        List<String> actual = lines(out.toString(StandardCharsets.UTF_8)).stream().map(BackendSuite::sameNumbers).toList();
        List<String> expected = lines(Files.readString(PROJECT.resolve("src/test/resources/catalog/" + name + ".tsv")))
                .stream().map(BackendSuite::sameNumbers).toList();
        List<String> expectedRows = new ArrayList<>(expected.subList(1, expected.size()));
        List<String> actualRows = new ArrayList<>(actual.subList(1, actual.size()));
        if (!query.hasOrderBy()) {
            Collections.sort(expectedRows);
            Collections.sort(actualRows);
        }
        if (!expected.get(0).equals(actual.get(0)) || !expectedRows.equals(actualRows)) {
            failures.add(name + ": expected\n" + String.join("\n", expected) + "\nbut got\n" + String.join("\n", actual));
        }
    }

    /**
     * A row with each bare number written in one form (90000000000.0 and 90000000000 are one value; Virtuoso writes
     * an xsd:decimal without its ".0"): the value is compared, not its spelling.
     */
    static String sameNumbers(String row) {
        String[] cells = row.split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].matches("[+-]?\\d+(\\.\\d*)?")) {
                cells[i] = new java.math.BigDecimal(cells[i]).stripTrailingZeros().toPlainString();
            }
        }
        return String.join("\t", cells);
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
