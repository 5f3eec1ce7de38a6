package org.pledgegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Cli;
import org.pledgegraph.support.Cli.Run;

/**
 * From a new text and a Turtle file of facts whose evidence is quotes only (the fixture under
 * src/test/resources/sources/, a made-up text labelled as a test fixture), {@code source add} then {@code load} give
 * a validated source graph whose selectors stand at the right code points; bad input is refused with its reason and
 * the store is left as it was.
 */
class QuoteFirstTest {
    static final Path FIXTURE = Path.of("src/test/resources/sources");
    static final String SLUG = "fixture-quotes";

    @TempDir
    Path dir;
    Path project;
    Path store;
    Path turtle;

    @BeforeEach
    void project() throws IOException {
        project = dir.resolve("project");
        store = dir.resolve("store");
        Path ontology = Files.createDirectories(project.resolve("ontology"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("ontology"), "*.ttl")) {
            for (Path f : files) {
                Files.copy(f, ontology.resolve(f.getFileName()));
            }
        }
        turtle = project.resolve("data/sources/" + SLUG + ".ttl");
    }

    private Run sourceAdd(Path text, String slug) {
        return Cli.run("source", "add", text.toString(), "--slug", slug, "--title", "Test fixture (not a real source)",
                "--published", "2026-02-03", "--url", "https://example.org/fixture", "--publisher", "Nobody",
                "--project", project.toString());
    }

    private Run load() {
        return Cli.inProject(project, store, "load");
    }

    private void addQuotes(String quotes) throws IOException {
        Files.writeString(turtle, "\n" + quotes, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void sourceAddThenLoadGiveAValidatedGraphWithCodePointOffsets() throws IOException {
        Run added = sourceAdd(FIXTURE.resolve("fixture-quotes.txt"), SLUG);
        assertEquals(0, added.exit(), added.err());
        assertTrue(added.out().contains("added data/sources/fixture-quotes.txt (235 code points, 4 lines)"), added.out());
        addQuotes(Files.readString(FIXTURE.resolve("fixture-quotes.ttl")));

        Run loaded = load();
        assertEquals(0, loaded.exit(), loaded.err());
        assertEquals(0, Cli.run("validate", "--project", project.toString()).exit());

        // Offsets worked out independently (Python str indexes are code points): the emoji before "to the Élysée
        // fund" is one code point, two UTF-16 units; "€" and "É" are one each.
        Map<String, List<String>> selectors = selectors();
        String id = "https://w3id.org/pledgegraph/id/annotation/";
        assertEquals(List.of("pledged €5 million 😀 to the Élysée fund", "83", "122", "he pledgegraph tests.\nRuritania ",
                " on 2 February 2026.\nThe pledge "), selectors.get(id + SLUG + "-83-122"));
        assertEquals(List.of("once the treaty enters into force", "167", "200", "y 2026.\nThe pledge will be paid ",
                ".\nRuritania pledged support agai"), selectors.get(id + SLUG + "-167-200"));
        assertEquals(List.of("Ruritania pledged", "202", "219", "e the treaty enters into force.\n", " support again.\n"),
                selectors.get(id + "ruritania-again"), "the suffix picked the second of two occurrences");
        assertEquals(3, selectors.size());

        // The same files give the same IRIs and offsets at the next load.
        assertEquals(0, load().exit());
        assertEquals(selectors, selectors());
    }

    @Test
    void aQuoteNotInTheTextIsRefusedWithItsLineAndTheNearestMatch() throws IOException {
        assertEquals(0, sourceAdd(FIXTURE.resolve("fixture-quotes.txt"), SLUG).exit());
        addQuotes(Files.readString(FIXTURE.resolve("fixture-quotes.ttl")));
        assertEquals(0, load().exit());
        TreeSet<String> before = snapshot();
        String good = Files.readString(turtle);
        Files.writeString(turtle, good.replace("to the Élysée fund\"", "to the Elysee fund\""));
        int line = lineOf(Files.readString(turtle), "to the Elysee fund");

        Run refused = load();
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("data/sources/fixture-quotes.ttl:" + line + ": the quote \"pledged €5 million 😀 to the Elysee fund\" "
                + "is not in data/sources/fixture-quotes.txt; nearest match at line 2: \"pledged €5 million 😀 to the Élysée fund\""),
                refused.err());
        assertEquals(before, snapshot(), "the store is as it was");
    }

    @Test
    void aQuoteFoundTwiceNeedsAPrefixOrSuffix() throws IOException {
        assertEquals(0, sourceAdd(FIXTURE.resolve("fixture-quotes.txt"), SLUG).exit());
        addQuotes(Files.readString(FIXTURE.resolve("fixture-quotes.ttl")).replace(" ; oa:suffix \" support\"", ""));
        Run refused = load();
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("the quote \"Ruritania pledged\" occurs 2 times in data/sources/fixture-quotes.txt "
                + "(lines 2, 4): add oa:prefix"), refused.err());
        assertTrue(snapshot().isEmpty(), "nothing was loaded");
    }

    @Test
    void aFactWithoutAQuoteIsRefusedByTheShapes() throws IOException {
        assertEquals(0, sourceAdd(FIXTURE.resolve("fixture-quotes.txt"), SLUG).exit());
        addQuotes(Files.readString(FIXTURE.resolve("fixture-quotes.ttl")) + "\nstate:nowhere a pg:State ; rdfs:label \"Nowhere\"@en .\n");
        int line = lineOf(Files.readString(turtle), "state:nowhere");
        Run refused = load();
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("data/sources/fixture-quotes.ttl:" + line + ": state:nowhere: described in "
                + "<https://w3id.org/pledgegraph/graph/source/fixture-quotes> but the body of no annotation"), refused.err());
        assertTrue(refused.err().contains("[pgsh:FactAnnotated]"), refused.err());
        assertTrue(snapshot().isEmpty(), "nothing was loaded");
    }

    @Test
    void sourceAddStoresTheTextInNfcWithLfLineEndsAndDescribesIt() throws IOException {
        // A byte order mark, CRLF and CR line ends, and "é" decomposed (e + U+0301).
        Path text = dir.resolve("raw.txt");
        Files.write(text, "\uFEFFline one\r\nCaf\u0065\u0301\rend".getBytes(StandardCharsets.UTF_8));
        Run added = sourceAdd(text, "raw");
        assertEquals(0, added.exit(), added.err());
        assertEquals("line one\nCaf\u00e9\nend", Files.readString(project.resolve("data/sources/raw.txt")));
        String description = Files.readString(project.resolve("data/sources/raw.ttl"));
        assertTrue(description.contains("source:raw a pg:SourceDocument ;\n    rdfs:label \"Test fixture (not a real source)\"@en ;\n"
                + "    dcterms:title \"Test fixture (not a real source)\"@en ;\n    pg:publicationDate \"2026-02-03\"^^xsd:date ;\n"
                + "    dcterms:publisher \"Nobody\" ;\n    dcterms:language \"en\" ;\n    schema:url <https://example.org/fixture> ;\n"
                + "    pg:textFile \"data/sources/raw.txt\" .\n"), description);
        assertEquals(0, load().exit(), "a source with a description and no facts yet loads");
    }

    @Test
    void sourceAddRefusesInvalidUtf8WithItsByteOffsetAndAnExistingSlug() throws IOException {
        Path text = dir.resolve("latin1.txt");
        Files.write(text, new byte[] {'C', 'a', 'f', (byte) 0xE9, ' ', 'x'});
        Run refused = sourceAdd(text, "latin1");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("not UTF-8: invalid byte 0xE9 at byte offset 3"), refused.err());
        assertTrue(!Files.exists(project.resolve("data/sources/latin1.txt")), "nothing written");

        assertEquals(0, sourceAdd(FIXTURE.resolve("fixture-quotes.txt"), SLUG).exit());
        Run again = sourceAdd(FIXTURE.resolve("fixture-quotes.txt"), SLUG);
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("data/sources/fixture-quotes.txt already exists"), again.err());
        Run badSlug = sourceAdd(FIXTURE.resolve("fixture-quotes.txt"), "Bad Slug");
        assertEquals(1, badSlug.exit());
        assertTrue(badSlug.err().contains("--slug 'Bad Slug'"), badSlug.err());
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Annotation IRI to {exact, start, end, prefix, suffix}. */
    private Map<String, List<String>> selectors() {
        try (Store s = Store.open(store)) {
            return s.query(view -> {
                Map<String, List<String>> out = new TreeMap<>();
                view.select(QueryFactory.create("""
                        PREFIX oa: <http://www.w3.org/ns/oa#>
                        SELECT ?a ?exact ?start ?end ?prefix ?suffix WHERE {
                          GRAPH <https://w3id.org/pledgegraph/graph/source/fixture-quotes> {
                            ?a a oa:Annotation ; oa:hasTarget ?t . ?t a oa:SpecificResource ;
                               oa:hasSource <https://w3id.org/pledgegraph/id/source/fixture-quotes> ; oa:hasSelector ?q , ?p .
                            ?q a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
                            ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end } }""")).forEachRemaining(b ->
                        out.put(b.get("a").getURI(), List.of(b.get("exact"), b.get("start"), b.get("end"), b.get("prefix"),
                                b.get("suffix")).stream().map(Node::getLiteralLexicalForm).toList()));
                return out;
            });
        }
    }

    private TreeSet<String> snapshot() {
        try (Store s = Store.open(store)) {
            return s.read(d -> {
                TreeSet<String> quads = new TreeSet<>();
                d.find().forEachRemaining(q -> quads.add(q.toString()));
                return quads;
            });
        }
    }
}
