package org.pledgegraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.pledgegraph.bench.SyntheticData;
import org.pledgegraph.query.CatalogPage;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.CatalogSetup;
import org.pledgegraph.support.TestStores;

/**
 * Every query of the catalog ({@code queries/*.rq}) against a store loaded from the repository, compared with the
 * rows spelled out in {@code src/test/resources/catalog/{name}.tsv}. A query without expected rows fails. A query
 * over a graph the repository does not ship (the Wikidata cache) runs on the repository plus its {@link CatalogSetup}.
 * A query that lists without bound gives a page ({@link CatalogPage}): its expected rows are every row, which the
 * repository's data fit in one page, asked both as the first page and without the page lines; and paging through a
 * store with synthetic data as well gives every row of the whole list once.
 */
class CatalogTest {
    static final Path QUERIES = Path.of("queries");
    static final Path EXPECTED = Path.of("src/test/resources/catalog");

    @RegisterExtension
    static final TestStores.Repository repository = new TestStores.Repository();

    static List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    @Test
    void catalogHasQueries() throws IOException {
        assertTrue(queryFiles().size() >= 5, "the catalog needs at least 5 queries, found " + queryFiles().size());
    }

    @Test
    void everyExpectedFileHasItsQuery() throws IOException {
        try (Stream<Path> files = Files.list(EXPECTED)) {
            List<String> orphans = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tsv"))
                    .filter(n -> !Files.exists(QUERIES.resolve(n.replaceAll("\\.tsv$", ".rq"))))
                    .toList();
            assertEquals(List.of(), orphans, "expected rows without a query in queries/");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyQueryGivesItsExpectedRows() throws IOException {
        return queryFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    @TestFactory
    Stream<DynamicTest> aPagedQueryWithoutItsPageLinesGivesTheSameRows() throws IOException {
        return queryFiles().stream().filter(CatalogTest::paged)
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    assertTrue(text.contains("# Parameter:"), file + " documents its page in a '# Parameter:' header line");
                    assertEquals(tsv(repository.store(), text, file), tsv(repository.store(), CatalogPage.all(text), file),
                            file + ": the first page holds every row of the repository's data");
                }));
    }

    /** Pages of 7 rows over the repository plus 40 synthetic summits: together, every row of the whole list once. */
    @Test
    void pagingThroughGivesEveryRowOnce() throws IOException {
        try (Store store = TestStores.loadedFromRepository()) {
            Graph synthetic = GraphFactory.createDefaultGraph();
            new SyntheticData(1).write(40, StreamRDFLib.graph(synthetic));
            org.apache.jena.graph.Node graph = Vocab.iri(Vocab.sourceGraph("synthetic"));
            store.write(d -> synthetic.find().forEachRemaining(t -> d.add(graph, t.getSubject(), t.getPredicate(), t.getObject())));
            int pagedQueries = 0;
            for (Path file : queryFiles().stream().filter(CatalogTest::paged).toList()) {
                pagedQueries++;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<String> whole = rows(tsv(store, CatalogPage.all(text), file));
                assertTrue(whole.size() > 100, file + ": the synthetic data give more than a page of 100 rows (" + whole.size() + ")");
                assertEquals(100, rows(tsv(store, text, file)).size(), file + ": the first page as written");
                List<String> paged = new ArrayList<>();
                int size = 7;
                for (long offset = 0; ; offset += size) {
                    List<String> page = rows(tsv(store, CatalogPage.page(text, offset, size), file));
                    paged.addAll(page);
                    assertTrue(page.size() <= size, file + ": a page of at most " + size);
                    if (page.size() < size) {
                        break;
                    }
                }
                Collections.sort(whole);
                Collections.sort(paged);
                assertEquals(whole, paged, file + ": the pages together are the whole list");
            }
            assertTrue(pagedQueries >= 6, "the catalog's long lists are paged: " + pagedQueries);
        }
    }

    static boolean paged(Path file) {
        try {
            return CatalogPage.size(Files.readString(file, StandardCharsets.UTF_8)).isPresent();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tsv(Store store, String text, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.runLocal(store, QueryRunner.parse(text, file.toString()), QueryRunner.Format.tsv, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> rows(String tsv) {
        List<String> all = lines(tsv);
        return new ArrayList<>(all.subList(1, all.size()));
    }

    private void check(Path file) throws IOException {
        String name = file.getFileName().toString().replaceAll("\\.rq$", "");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertHeader(file, text);
        Path expectedFile = EXPECTED.resolve(name + ".tsv");
        if (!Files.exists(expectedFile)) {
            fail(file + " has no expected rows: add " + expectedFile);
        }
        Query query = QueryRunner.parse(text, file.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (CatalogSetup.fileFor(name).isPresent()) {
            try (Store withSetup = TestStores.loadedFromRepository()) {
                CatalogSetup.apply(withSetup, name);
                QueryRunner.runLocal(withSetup, query, QueryRunner.Format.tsv, out);
            }
        } else {
            QueryRunner.runLocal(repository.store(), query, QueryRunner.Format.tsv, out);
        }
        List<String> actual = lines(out.toString(StandardCharsets.UTF_8));
        List<String> expected = lines(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertTrue(!expected.isEmpty(), expectedFile + " must at least hold the header line");
        assertEquals(expected.get(0), actual.get(0), file + ": result variables");
        List<String> expectedRows = new ArrayList<>(expected.subList(1, expected.size()));
        List<String> actualRows = new ArrayList<>(actual.subList(1, actual.size()));
        if (!query.hasOrderBy()) {
            Collections.sort(expectedRows);
            Collections.sort(actualRows);
        }
        assertEquals(String.join("\n", expectedRows), String.join("\n", actualRows), file + ": rows");
    }

    private static void assertHeader(Path file, String text) {
        for (String field : List.of("# Title:", "# Question:", "# Expected:")) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith(field)), file + " lacks a '" + field + "' header line");
        }
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
