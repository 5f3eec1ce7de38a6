package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.TestStores;

/**
 * Every query of {@code src/main/resources/web/queries} run against the repository's store, with what it must answer.
 * A query the pages run but this test does not know fails {@link #everyQueryIsTested}.
 */
class WebQueriesTest {
    @RegisterExtension
    static final TestStores.Repository repository = new TestStores.Repository();

    static final String ID = Vocab.ID;
    static final Node SECURITY_GUARANTEES = iri(ID + "commitment/security-guarantees");
    static final Node MACRON = iri(ID + "person/emmanuel-macron");
    static final Node SUMMIT = iri(ID + "summit/coalition-of-the-willing-paris-2026-01-06");
    static final Node SOURCE = iri(ID + "source/coalition-summit-2026-01-07");

    /** Query name to its check. */
    static final Map<String, Consumer<WebQueriesTest>> CHECKS = Map.ofEntries(
            Map.entry("home", t -> {
                List<Binding> rows = t.rows("home", null, null);
                assertEquals(13, count(rows, "section", "commitment"), "the article's 13 commitments (Türkiye's praised role is a stance: docs/facts.md)");
                assertEquals(12, count(rows, "section", "person"), "12 people");
                assertEquals(1, count(rows, "section", "summit"));
                assertEquals(List.of(ID + "event/russia-ukraine-ceasefire"), rows.stream()
                        .filter(r -> r.get("section").getLiteralLexicalForm().equals("awaited")).map(r -> r.get("thing").getURI()).toList(),
                        "the one event conditions wait for");
                assertEquals(1, count(rows, "section", "source"), "the article (background knowledge is no SourceDocument)");
                assertTrue(rows.stream().anyMatch(r -> r.get("thing").equals(MACRON)
                        && r.get("label").getLiteralLexicalForm().equals("Emmanuel Macron")));
            }),
            Map.entry("triple-count", t -> assertEquals("3552",
                    t.rows("triple-count", null, null).get(0).get("triples").getLiteralLexicalForm(), "the README's count")),
            // The dashboard's (web-app): /commitments.
            Map.entry("commitment-sources", t -> {
                List<Binding> rows = t.rows("commitment-sources", null, null);
                assertEquals(13, rows.size(), "each of the article's 13 commitments, from the article");
                assertTrue(rows.stream().allMatch(r -> r.get("source").equals(SOURCE)));
            }),
            Map.entry("dashboard-guarantors", t -> assertEquals(
                    java.util.Set.of(ID + "organization/coalition-of-the-willing", ID + "organization/european-union",
                            ID + "state/france", ID + "state/germany", ID + "state/united-kingdom", ID + "state/united-states"),
                    t.rows("dashboard-guarantors", null, null).stream().map(r -> r.get("guarantor").getURI())
                            .collect(java.util.stream.Collectors.toSet()), "the guarantors of the status table (README)")),
            Map.entry("dashboard-kinds", t -> {
                java.util.Set<String> kinds = t.rows("dashboard-kinds", null, null).stream().map(r -> r.get("kind").getURI())
                        .collect(java.util.stream.Collectors.toSet());
                assertTrue(kinds.contains(Vocab.PG + "LoanCommitment") && kinds.contains(Vocab.PG + "SecurityGuaranteeCommitment")
                        && kinds.contains(Vocab.PG + "Commitment"), kinds.toString());
                assertEquals(13, kinds.size(), "the 12 specific kinds of the status table, and pg:Commitment (asserted of Germany's): " + kinds);
            }),
            Map.entry("dashboard-sources", t -> assertEquals(List.of(SOURCE),
                    t.rows("dashboard-sources", null, null).stream().map(r -> r.get("source")).toList(), "the article")),
            Map.entry("awaited-events", t -> {
                List<Binding> rows = t.rows("awaited-events", null, null);
                assertEquals(1, rows.size(), "one awaited event");
                assertEquals(ID + "event/russia-ukraine-ceasefire", rows.get(0).get("event").getURI());
                assertEquals("7", rows.get(0).get("conditions").getLiteralLexicalForm(), "seven conditions await it (three stated, four implied)");
            }),
            Map.entry("describe", t -> {
                Graph g = repository.store().query(v -> Describe.of(v, SECURITY_GUARANTEES.getURI()));
                Node condition = iri(ID + "condition/security-guarantees-ceasefire");
                assertTrue(g.contains(SECURITY_GUARANTEES, iri(Vocab.PG + "hasActivationCondition"), condition));
                assertTrue(g.contains(condition, iri(Vocab.PG + "conditionText"), Node.ANY), "the condition, a part, is described");
                assertTrue(g.contains(iri(ID + "selector/lead-security-guarantees-position"), iri(Passage.OA + "start"), Node.ANY),
                        "the selectors of its annotations");
                assertTrue(g.contains(SUMMIT, iri(Vocab.PG + "concerns"), SECURITY_GUARANTEES), "triples pointing to it");
                assertTrue(g.find().toList().stream().noneMatch(tr -> tr.getSubject().isBlank() || tr.getObject().isBlank()));
                assertTrue(g.find(iri(ID + "state/ukraine"), Node.ANY, Node.ANY).toList().stream()
                        .allMatch(tr -> tr.getObject().equals(SECURITY_GUARANTEES)), "not the description of what it links to");
                Graph loan = repository.store().query(v -> Describe.of(v, ID + "commitment/eu-loan-90bn"));
                assertTrue(loan.contains(iri(ID + "amount/eu-loan-90bn"), iri("https://schema.org/value"), Node.ANY), "its amount");
                assertTrue(loan.contains(iri(ID + "commitment/eu-loan-90bn#period"), iri(Vocab.PG + "startYear"), Node.ANY),
                        "its fragment IRI part");
                Graph macron = repository.store().query(v -> Describe.of(v, MACRON.getURI()));
                assertTrue(macron.contains(iri(ID + "tenure/emmanuel-macron-president-of-france"), iri(Vocab.PG + "heldOn"), Node.ANY),
                        "a person's tenures");
                assertTrue(macron.contains(iri(ID + "link/wikidata-person-emmanuel-macron"), iri(Vocab.PG + "linkEvidence"), Node.ANY),
                        "its Wikidata link record");
                assertTrue(repository.store().query(v -> Describe.of(v, ID + "person/nobody")).isEmpty());
            }),
            Map.entry("labels", t -> assertEquals("Emmanuel Macron",
                    repository.store().query(v -> Labels.of(v, List.of(MACRON.getURI()))).get(MACRON.getURI()))),
            Map.entry("commitment-conditions", t -> {
                List<Binding> rows = t.rows("commitment-conditions", "commitment", SECURITY_GUARANTEES);
                assertEquals(1, rows.size());
                assertEquals(ID + "condition/security-guarantees-ceasefire", rows.get(0).get("condition").getURI());
                assertEquals("will be activated once a ceasefire enters into force", rows.get(0).get("text").getLiteralLexicalForm());
                assertEquals(ID + "event/russia-ukraine-ceasefire", rows.get(0).get("event").getURI());
                assertTrue(!rows.get(0).contains("metOn"), "no ceasefire is recorded");
            }),
            Map.entry("commitment-timeline", t -> {
                List<Binding> rows = t.rows("commitment-timeline", "commitment", SECURITY_GUARANTEES);
                assertEquals(1, rows.size(), "made, nothing else yet");
                assertEquals("made", rows.get(0).get("what").getLiteralLexicalForm());
                assertEquals("2026-01-06", rows.get(0).get("date").getLiteralLexicalForm());
                List<Binding> loan = t.rows("commitment-timeline", "commitment", iri(ID + "commitment/eu-loan-90bn"));
                assertEquals(List.of("2025-12", "2025-12"), loan.stream().map(r -> r.get("date").getLiteralLexicalForm()).toList(),
                        "made in December 2025, active from that month: no day made up");
            }),
            Map.entry("person-offices", t -> {
                List<Binding> rows = t.rows("person-offices", "person", MACRON);
                assertEquals(1, rows.size());
                assertEquals(ID + "post/president-of-france", rows.get(0).get("post").getURI());
                assertEquals("2026-01-06", rows.get(0).get("heldOn").getLiteralLexicalForm());
            }),
            Map.entry("person-statements", t -> {
                List<Binding> rows = t.rows("person-statements", "person", iri(ID + "person/antonio-costa"));
                assertTrue(rows.stream().anyMatch(r -> r.contains("quote") && r.get("quote").getLiteralLexicalForm()
                        .startsWith("We stand ready to commit")), "Costa's quote");
            }),
            Map.entry("summit-participants", t -> {
                List<Binding> rows = t.rows("summit-participants", "summit", SUMMIT);
                assertEquals(10, rows.size(), "the ten people the article names at the summit");
                assertTrue(rows.stream().anyMatch(r -> r.get("participant").equals(MACRON)
                        && r.get("role").getURI().endsWith("/host")));
            }),
            Map.entry("summit-outcomes", t -> {
                List<Binding> rows = t.rows("summit-outcomes", "summit", SUMMIT);
                assertEquals(1, count(rows, "what", "document"), "the joint declaration");
                assertEquals(9, count(rows, "what", "commitment"), "the commitments made at the summit");
            }),
            Map.entry("suggest", t -> assertTrue(t.rows("suggest", "word", NodeFactory.createLiteralString("macr")).stream()
                    .anyMatch(r -> r.get("thing").equals(MACRON)))),
            Map.entry("source-passages", t -> {
                List<Binding> rows = t.rows("source-passages", "source", SOURCE);
                assertEquals(38, rows.stream().map(r -> r.get("annotation")).distinct().count(), "38 annotations");
                assertTrue(rows.stream().anyMatch(r -> r.get("body").equals(SECURITY_GUARANTEES)
                        && r.get("start").getLiteralLexicalForm().equals("28") && r.get("end").getLiteralLexicalForm().equals("241")));
            }),
            Map.entry("source-info", t -> assertEquals("data/sources/coalition-summit-2026-01-07.txt",
                    t.rows("source-info", "source", SOURCE).get(0).get("textFile").getLiteralLexicalForm())),
            Map.entry("sources", t -> {
                List<Binding> rows = t.rows("sources", null, null);
                assertEquals(1, rows.size(), "the article");
                Binding article = rows.stream().filter(r -> r.get("source").equals(SOURCE)).findFirst().orElseThrow();
                assertEquals("38", article.get("passages").getLiteralLexicalForm());
            }),
            Map.entry("ontology-terms", t -> {
                List<Binding> rows = t.rows("ontology-terms", null, null);
                assertTrue(rows.stream().anyMatch(r -> r.get("term").getURI().equals(Vocab.PG + "Commitment")
                        && r.get("kind").getLiteralLexicalForm().equals("class") && r.contains("comment")));
                assertTrue(rows.stream().anyMatch(r -> r.get("term").getURI().equals(Vocab.PG + "committedBy")
                        && r.get("kind").getLiteralLexicalForm().equals("object property")));
                assertTrue(rows.stream().allMatch(r -> r.get("term").getURI().startsWith(Vocab.PG)));
            }),
            Map.entry("ontology-relations", t -> assertTrue(t.rows("ontology-relations", null, null).stream().anyMatch(r ->
                    r.get("term").getURI().equals(Vocab.PG + "LoanCommitment") && r.get("relation").getURI().endsWith("#subClassOf")
                            && r.get("other").getURI().equals(Vocab.PG + "FinancialAssistanceCommitment")))),
            Map.entry("ontology-examples", t -> {
                List<Binding> rows = t.rows("ontology-examples", "term", iri(Vocab.PG + "Commitment"));
                assertEquals(3, rows.size());
                assertTrue(rows.stream().allMatch(r -> r.get("example").getURI().startsWith(ID + "commitment/")));
            }),
            Map.entry("ontology-header", t -> assertEquals("0.1.0",
                    t.rows("ontology-header", null, null).get(0).get("version").getLiteralLexicalForm())),
            Map.entry("graphs", t -> {
                List<Binding> rows = t.rows("graphs", null, null);
                assertEquals(6, rows.size(), "the six graphs of `load`");
                assertTrue(rows.stream().anyMatch(r -> r.get("graph").getURI().equals(Vocab.GRAPH_BACKGROUND)
                        && r.get("triples").getLiteralLexicalForm().equals("122")));
            }),
            Map.entry("graph-triples", t -> assertEquals(122, repository.store().query(v -> v.construct(
                    Describe.bound("graph-triples", "graph", iri(Vocab.GRAPH_BACKGROUND)))).size())),
            Map.entry("derived", t -> {
                List<Binding> rows = t.rows("derived", "thing", iri(ID + "commitment/eu-loan-90bn"));
                assertTrue(rows.stream().anyMatch(r -> r.get("p").getURI().equals(Vocab.PG + "activeFrom")
                        && r.get("o").getLiteralLexicalForm().equals("2025-12")), "activeFrom is derived, with the month's precision");
                assertTrue(rows.stream().noneMatch(r -> r.get("p").getURI().equals(Vocab.PG + "committedBy")), "committedBy is stated");
            }),
            Map.entry("awaited-by", t -> {
                List<Binding> rows = t.rows("awaited-by", "event", iri(ID + "event/russia-ukraine-ceasefire"));
                assertEquals(new TreeSet<>(List.of(ID + "commitment/ceasefire-monitoring-mechanism", SECURITY_GUARANTEES.getURI(),
                        ID + "commitment/uk-france-military-hubs", ID + "commitment/multinational-reassurance-force",
                        ID + "commitment/us-support-reassurance-force", ID + "commitment/response-to-future-aggression",
                        ID + "commitment/germany-possible-deployments")),
                        new TreeSet<>(rows.stream().map(r -> r.get("commitment").getURI()).toList()),
                        "the seven commitments waiting for the ceasefire, stated or implied (README, status-as-of, docs/facts.md)");
                assertTrue(rows.stream().anyMatch(r -> r.get("commitment").equals(SECURITY_GUARANTEES)
                        && r.get("guarantor").getURI().equals(ID + "organization/coalition-of-the-willing")
                        && r.contains("exact") && r.get("exact").getLiteralLexicalForm().contains("activated once a ceasefire enters into force")),
                        "who gives it, and Costa's sentence");
            }),
            Map.entry("graph-subjects", t -> assertTrue(t.rows("graph-subjects", "graph", iri(Vocab.GRAPH_BACKGROUND)).stream()
                    .anyMatch(r -> r.get("subject").getURI().equals(ID + "source/background-knowledge")))));

    @Test
    void everyQueryIsTested() throws IOException, URISyntaxException {
        Path dir = Path.of(WebQueries.class.getClassLoader().getResource(WebQueries.DIR).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            TreeSet<String> names = new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".rq")).map(n -> n.substring(0, n.length() - 3)).toList());
            assertEquals(new TreeSet<>(CHECKS.keySet()), names);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyQueryHasAHeaderAndAnswers() {
        return CHECKS.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> {
            String text = WebQueries.text(name);
            assertTrue(text.startsWith("# Title: ") && text.contains("\n# Question: "), name + " has no Title/Question header");
            WebQueries.get(name);
            CHECKS.get(name).accept(this);
        }));
    }

    List<Binding> rows(String name, String var, Node value) {
        return repository.store().query(v -> {
            List<Binding> out = new ArrayList<>();
            v.select(var == null ? WebQueries.get(name) : Describe.bound(name, var, value)).forEachRemaining(out::add);
            return out;
        });
    }

    static long count(List<Binding> rows, String var, String value) {
        return rows.stream().filter(r -> r.contains(var) && r.get(var).getLiteralLexicalForm().equals(value)).count();
    }

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
