package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The facts table of docs/facts.md: one row per fact of the article, with its passage and an ASK query in
 * src/test/resources/facts/. Every query must answer true, every passage must be the article's words, and the table
 * and the query files must list the same facts.
 */
class FactsTableTest {
    static final Path TABLE = Project.ROOT.resolve("docs/facts.md");
    static final Path QUERIES = Project.ROOT.resolve("src/test/resources/facts");
    static final Pattern ROW = Pattern.compile(
            "^\\| (F\\d{2}) \\| (.+?) \\| (.+?) \\| \\[`((F\\d{2})-[a-z0-9-]+\\.rq)`\\]\\(\\.\\./src/test/resources/facts/\\4\\) \\|$");

    record Row(String id, String fact, String passage, String file) {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : Project.read(TABLE).split("\n")) {
            if (!line.startsWith("| F")) {
                continue;
            }
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), "malformed row in docs/facts.md: " + line);
            assertEquals(m.group(1), m.group(5), "row id and query file disagree: " + line);
            rows.add(new Row(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return rows;
    }

    static String article() {
        return Project.read(Project.ROOT.resolve("data/sources/coalition-summit-2026-01-07.txt"));
    }

    @Test
    void theTableAndTheQueryFilesListTheSameFacts() {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 50, "only " + rows.size() + " facts in docs/facts.md");
        TreeSet<String> inTable = new TreeSet<>();
        TreeSet<String> ids = new TreeSet<>();
        for (Row r : rows) {
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            inTable.add(r.file());
        }
        TreeSet<String> onDisk = new TreeSet<>();
        Project.files("src/test/resources/facts", ".rq").forEach(p -> onDisk.add(p.getFileName().toString()));
        assertEquals(inTable, onDisk, "docs/facts.md and src/test/resources/facts/ disagree");
    }

    @Test
    void everyPassageIsTheArticlesWordsAndEveryQueryCitesIt() {
        String text = article();
        for (Row r : rows()) {
            assertTrue(text.contains(r.passage()), r.id() + ": passage not in the article: " + r.passage());
            String q = Project.read(QUERIES.resolve(r.file()));
            assertTrue(q.contains("# Source: " + r.passage()), r.id() + ": the query file cites another passage");
            assertTrue(q.contains("# " + r.id() + ": " + r.fact()), r.id() + ": the query file states another fact");
        }
    }

    /**
     * The passage in the table is the one the data cites for the fact: an annotation whose selector overlaps the
     * passage has as body a resource that the fact's query mentions.
     */
    @Test
    void everyFactsPassageIsCitedForAResourceItsQueryMentions() {
        String text = article();
        String sparql = """
                PREFIX oa: <http://www.w3.org/ns/oa#>
                SELECT ?body ?start ?end WHERE {
                  ?a a oa:Annotation ; oa:hasBody ?body ; oa:hasTarget/oa:hasSelector ?p .
                  ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }
                """;
        var rs = Project.select(sparql);
        List<String[]> cited = new ArrayList<>();
        while (rs.hasNext()) {
            var b = rs.next();
            cited.add(new String[] {b.getResource("body").getURI(), String.valueOf(b.getLiteral("start").getInt()),
                    String.valueOf(b.getLiteral("end").getInt())});
        }
        List<String> failures = new ArrayList<>();
        for (Row r : rows()) {
            int from = text.codePointCount(0, text.indexOf(r.passage()));
            int to = from + r.passage().codePointCount(0, r.passage().length());
            String q = Project.read(QUERIES.resolve(r.file()));
            boolean ok = cited.stream().anyMatch(c -> Integer.parseInt(c[1]) < to && from < Integer.parseInt(c[2])
                    && mentions(q, c[0]));
            if (!ok) failures.add(r.id() + ": no annotation over [" + r.passage() + "] cites a resource its query names");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Whether a query names a resource, by full IRI or as kind:slug under the kind prefixes of docs/design.md. */
    static boolean mentions(String query, String iri) {
        if (query.contains("<" + iri + ">")) return true;
        if (!iri.startsWith(Project.ID)) return false;
        String path = iri.substring(Project.ID.length());
        int slash = path.indexOf('/');
        return slash > 0 && java.util.regex.Pattern.compile(
                "(?<![\\w-])" + java.util.regex.Pattern.quote(path.substring(0, slash) + ":" + path.substring(slash + 1))
                + "(?![\\w-])").matcher(query).find();
    }

    @TestFactory
    Stream<DynamicTest> everyFactHoldsInTheStore() {
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.id() + " " + r.fact(), () -> {
            String q = Project.read(QUERIES.resolve(r.file()));
            assertTrue(q.contains("ASK"), r.file() + " is not an ASK query");
            assertTrue(Project.ask(q), r.id() + " does not hold: " + r.fact());
        }));
    }

    @Test
    void anAskAboutAFactTheArticleDoesNotStateIsFalse() {
        // Guards the harness: a made-up fact (the summit in Brussels) must not hold.
        assertFalse(Project.ask("""
                ASK { <https://w3id.org/pledgegraph/id/summit/coalition-of-the-willing-paris-2026-01-06>
                      <https://w3id.org/pledgegraph/ontology#inCity> <https://w3id.org/pledgegraph/id/city/brussels> }
                """));
    }
}
