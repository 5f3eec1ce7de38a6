package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.UpdateExec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.store.Store;

/** The rules of ontology/rules/ over the fixture on a TDB2 store: what they derive, and what they must not keep. */
class RulesTest {
    static final String PREFIXES = Sparql.PREFIXES + """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX id: <https://w3id.org/pledgegraph/id/>
            """;

    @TempDir
    Path dir;
    FixtureProject p;

    @BeforeEach
    void load() {
        p = new FixtureProject(dir);
        p.ok("load");
    }

    @Test
    void ruleFilesAreTheRuleSetAndEachSaysWhatItDerives() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("ontology/rules"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(RuleSet.NAMES, names);
        }
        for (String name : RuleSet.NAMES) {
            String text = Files.readString(Path.of("ontology/rules", name), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("# Rule: "), name + " starts with its header");
            assertTrue(text.contains("# Derives: "), name + " says what it derives");
        }
        assertEquals(RuleSet.NAMES.size(), RuleSet.load().size());
    }

    @Test
    void subclassClosureFindsEveryActor() {
        try (Store s = p.open()) {
            TreeSet<String> actors = s.read(d -> select(d, "SELECT ?x WHERE { ?x a pg:Actor }"));
            assertEquals(new TreeSet<>(List.of(id("organization/european-union"), id("person/emmanuel-macron"),
                    id("state/france"), id("state/united-kingdom"))), actors);
        }
    }

    @Test
    void inversesTransitivityChainsAndSuperproperties() {
        try (Store s = p.open()) {
            s.read(d -> {
                assertTrue(ask(d, "ASK { <https://w3id.org/pledgegraph/id/state/france> pg:hasCommitted <https://w3id.org/pledgegraph/id/commitment/reassurance-force> }"), "inverse");
                assertTrue(ask(d, "ASK { <https://w3id.org/pledgegraph/id/city/paris> pg:locatedIn <https://w3id.org/pledgegraph/id/region/europe> }"), "transitive");
                assertTrue(ask(d, "ASK { <https://w3id.org/pledgegraph/id/commitment/binding-guarantees> pg:guarantorState <https://w3id.org/pledgegraph/id/state/france> }"), "chain");
                assertTrue(ask(d, "ASK { <https://w3id.org/pledgegraph/id/commitment/eu-loan> pg:involves <https://w3id.org/pledgegraph/id/organization/european-union> }"), "subproperty");
                assertTrue(ask(d, "ASK { pg:hasCommitted owl:inverseOf pg:committedBy }"), "inverseOf is symmetric");
                return null;
            });
        }
    }

    @Test
    void sameAsIsNotSmushed() {
        try (Store s = p.open()) {
            s.read(d -> {
                assertFalse(ask(d, "ASK { <http://www.wikidata.org/entity/Q3052772> ?p ?o FILTER (?p != owl:sameAs) }"),
                        "the Wikidata item gets nothing of the local individual");
                assertFalse(ask(d, "ASK { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s owl:sameAs ?o } }"));
                assertTrue(ask(d, "ASK { <https://w3id.org/pledgegraph/id/person/emmanuel-macron> owl:sameAs <http://www.wikidata.org/entity/Q3052772> }"));
                return null;
            });
        }
    }

    @Test
    void inferredGraphRepeatsNothingStatedElsewhere() {
        try (Store s = p.open()) {
            s.read(d -> {
                assertFalse(ask(d, """
                        ASK { GRAPH <https://w3id.org/pledgegraph/graph/inferred> { ?s ?p ?o }
                              GRAPH ?g { ?s ?p ?o } FILTER (?g != <https://w3id.org/pledgegraph/graph/inferred>) }"""));
                return null;
            });
        }
    }

    @Test
    void rerunningTheRulesChangesNothing() {
        try (Store s = p.open()) {
            TreeSet<String> first = s.read(FixtureProject::inferred);
            assertTrue(first.size() > 20, "the fixture derives something: " + first.size());
            s.write(d -> {});
            assertEquals(first, s.read(FixtureProject::inferred));
            Materializer m = s.derivation().find(Materializer.class).orElseThrow();
            s.write(m::recomputeAll);
            assertEquals(first, s.read(FixtureProject::inferred));
        }
    }

    @Test
    void removingATriggerRemovesWhatItDerived() {
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        try (Store s = p.open()) {
            boolean activeBefore = s.read(d -> ask(d, "ASK { <https://w3id.org/pledgegraph/id/commitment/reassurance-force> pg:activeFrom ?d }"));
            assertTrue(activeBefore, "active once the ceasefire is recorded");
            s.write(d -> update(d, """
                    DELETE DATA { GRAPH <https://w3id.org/pledgegraph/graph/ontology> { pg:SecurityGuarantee rdfs:subClassOf pg:Commitment }
                                  GRAPH <https://w3id.org/pledgegraph/graph/source/fixture> {
                                      <https://w3id.org/pledgegraph/id/person/emmanuel-macron> pg:representsState <https://w3id.org/pledgegraph/id/state/france> } }"""));
            s.read(d -> {
                assertFalse(ask(d, "ASK { <https://w3id.org/pledgegraph/id/commitment/reassurance-force> a pg:Commitment }"), "no stale type");
                assertFalse(ask(d, "ASK { <https://w3id.org/pledgegraph/id/commitment/reassurance-force> pg:activeFrom ?d }"),
                        "nothing derived from the stale type either");
                assertTrue(ask(d, "ASK { <https://w3id.org/pledgegraph/id/commitment/eu-loan> a pg:Commitment }"), "the rest stays");
                assertFalse(ask(d, "ASK { <https://w3id.org/pledgegraph/id/commitment/binding-guarantees> pg:guarantorState ?x }"), "no stale chain");
                return null;
            });
        }
    }

    @Test
    void focusedRefreshAgreesWithFullRecomputation() {
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        assertFocusedEqualsFull("after an entry into force");
        p.ok("event", "add", "--kind", "withdrawal", "--of", "reassurance-force", "--date", "2026-07-01");
        assertFocusedEqualsFull("after a withdrawal");
        p.ok("event", "remove", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire");
        assertFocusedEqualsFull("after removing the entry into force");
    }

    private void assertFocusedEqualsFull(String when) {
        try (Store s = p.open()) {
            TreeSet<String> focused = s.read(FixtureProject::inferred);
            s.write(d -> {});
            assertEquals(s.read(FixtureProject::inferred), focused, when);
        }
    }

    static String id(String path) {
        return "https://w3id.org/pledgegraph/id/" + path;
    }

    static TreeSet<String> select(DatasetGraph d, String query) {
        TreeSet<String> values = new TreeSet<>();
        try (QueryExec exec = QueryExec.dataset(d).query(QueryFactory.create(PREFIXES + query)).build()) {
            exec.select().forEachRemaining(b -> values.add(b.get(b.vars().next()).getURI()));
        }
        return values;
    }

    static boolean ask(DatasetGraph d, String query) {
        try (QueryExec exec = QueryExec.dataset(d).query(QueryFactory.create(PREFIXES + query)).build()) {
            return exec.ask();
        }
    }

    static void update(DatasetGraph d, String update) {
        UpdateExec.dataset(d).update(PREFIXES + update).execute();
    }
}
