package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.support.Cli;

/**
 * The scenario of the issue, end to end through the command line on a TDB2 store on disk: the source alone gives
 * the ceasefire-conditional guarantees as pending; the ceasefire entering into force on 2026-06-01 makes them active
 * from that day; removing it again restores everything.
 */
class ActivationScenarioTest {
    @TempDir
    Path dir;
    FixtureProject p;

    @BeforeEach
    void load() {
        p = new FixtureProject(dir);
        p.ok("load");
    }

    @Test
    void sourceAloneGivesConditionalGuaranteesAsPending() {
        Map<String, List<String>> s = p.status("2026-06-02");
        for (String conditional : List.of("reassurance-force", "binding-guarantees", "post-war-hubs", "sanctions-relief")) {
            assertEquals("pending", s.get(conditional).get(0), conditional);
            assertEquals("", s.get(conditional).get(1), conditional + " has no active-from date");
        }
        assertEquals("once a ceasefire enters into force", s.get("reassurance-force").get(2));
        assertEquals(List.of("active", "2026-01-06", ""), s.get("military-assistance"));
        assertEquals(List.of("active", "2025-12", ""), s.get("eu-loan"), "a month-only date stays a month (MonthPrecisionTest)");
        assertEquals(List.of("active", "2026-01-06", ""), s.get("accession-support"), "no date made: the statement's date");
        assertEquals("pending", p.status("2026-01-05").get("accession-support").get(0), "not active before it was stated");
    }

    @Test
    void ceasefireActivatesFromItsDateAndRemovalRestoresEverything() {
        Map<String, List<String>> before0602 = p.status("2026-06-02");
        Map<String, List<String>> before0531 = p.status("2026-05-31");
        TreeSet<String> before = p.snapshot();

        Cli.Run added = p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire",
                "--date", "2026-06-01", "--source", "https://example.org/ceasefire", "--note", "test");
        assertTrue(added.out().startsWith("recorded entry-into-force of <https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> on 2026-06-01"),
                added.out());

        Map<String, List<String>> after = p.status("2026-06-02");
        assertEquals(List.of("active", "2026-06-01", ""), after.get("reassurance-force"));
        assertEquals(List.of("active", "2026-06-01", ""), after.get("binding-guarantees"));
        assertEquals(List.of("active", "2026-06-01", ""), after.get("sanctions-relief"), "any-of: one alternative met is enough");
        assertEquals(before0602.get("military-assistance"), after.get("military-assistance"), "unconditional unchanged");
        assertEquals(before0602.get("eu-loan"), after.get("eu-loan"), "unconditional unchanged");
        assertEquals("active", p.status("2026-06-01").get("reassurance-force").get(0), "met from the day it occurred");
        assertEquals(before0531, p.status("2026-05-31"), "as of the day before, nothing changed");

        p.ok("event", "remove", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire");
        assertEquals(before0602, p.status("2026-06-02"));
        assertEquals(before, p.snapshot(), "the store is exactly as before the event, inferred graph included");
    }

    @Test
    void twoConditionsOnlyOneMetStaysPendingOnTheOther() {
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        assertEquals(List.of("pending", "", "once a peace agreement is in force"), p.status("2026-06-02").get("post-war-hubs"));

        p.ok("event", "add", "--kind", "entry-into-force", "--of", "https://w3id.org/pledgegraph/id/event/russia-ukraine-peace-agreement",
                "--date", "2026-09-15");
        assertEquals("pending", p.status("2026-09-14").get("post-war-hubs").get(0));
        assertEquals(List.of("active", "2026-09-15", ""), p.status("2026-09-15").get("post-war-hubs"), "active from the later of the two");
        assertEquals(List.of("active", "2026-06-01", ""), p.status("2026-09-15").get("sanctions-relief"), "any-of: the earliest alternative");
    }

    @Test
    void withdrawalAfterActivation() {
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        p.ok("event", "add", "--kind", "withdrawal", "--of", "reassurance-force", "--date", "2026-08-01");
        assertEquals("active", p.status("2026-07-31").get("reassurance-force").get(0));
        assertEquals(List.of("withdrawn", "2026-06-01", ""), p.status("2026-08-01").get("reassurance-force"));
        assertEquals("active", p.status("2026-08-01").get("binding-guarantees").get(0), "others are not affected");
        p.assertInferredAsFullRecomputation("after a ceasefire, then a withdrawal, each refreshed");

        p.ok("event", "add", "--kind", "suspension", "--of", "military-assistance", "--date", "2026-03-01");
        p.ok("event", "add", "--kind", "fulfilment", "--of", "eu-loan", "--date", "2027-12-31");
        Map<String, List<String>> s = p.status("2028-01-01");
        assertEquals("suspended", s.get("military-assistance").get(0));
        assertEquals("fulfilled", s.get("eu-loan").get(0));
        assertEquals("active", p.status("2027-12-30").get("eu-loan").get(0));
    }

    @Test
    void withdrawalBeforeActivationMeansItNeverBecomesActive() {
        p.ok("event", "add", "--kind", "withdrawal", "--of", "reassurance-force", "--date", "2026-03-01");
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        assertEquals("pending", p.status("2026-02-28").get("reassurance-force").get(0));
        assertEquals(List.of("withdrawn", "", ""), p.status("2026-06-02").get("reassurance-force"),
                "withdrawn before the ceasefire: the ceasefire does not bring it back");
        assertEquals(List.of("active", "2026-06-01", ""), p.status("2026-06-02").get("binding-guarantees"), "others are not affected");
        assertFalse(p.active("2026-06-02").containsKey("reassurance-force"));
        p.assertInferredAsFullRecomputation("after a withdrawal, then a ceasefire, each refreshed");

        p.ok("event", "remove", "--kind", "withdrawal", "--of", "reassurance-force");
        p.assertInferredAsFullRecomputation("after the withdrawal's retraction");
        assertEquals(List.of("active", "2026-06-01", ""), p.status("2026-06-02").get("reassurance-force"),
                "retracting the withdrawal rederives the activation");
    }

    @Test
    void activeListIsTheActiveRowsOfTheStatus() {
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        p.ok("event", "add", "--kind", "withdrawal", "--of", "reassurance-force", "--date", "2026-08-01");
        for (String date : List.of("2026-01-05", "2026-05-31", "2026-06-01", "2026-07-31", "2026-08-01")) {
            Map<String, String> expected = new TreeMap<>();
            p.status(date).forEach((slug, row) -> {
                if (row.get(0).equals("active")) {
                    expected.put(slug, row.get(1));
                }
            });
            assertEquals(expected, p.active(date), "as of " + date);
        }
        assertEquals("2026-06-01", p.active("2026-07-31").get("reassurance-force"));
        assertTrue(p.ok("status", "--active", "--as-of", "2026-07-31").out().startsWith("In force on 2026-07-31:"));
    }

    @Test
    void anAnyOfAmongTheAlternativesOfAnAnyOfIsEvaluated() throws java.io.IOException {
        java.nio.file.Files.writeString(p.project.resolve("data/sources/nested.ttl"), """
                @prefix pg: <https://w3id.org/pledgegraph/ontology#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix c: <https://w3id.org/pledgegraph/id/condition/> .
                @prefix event: <https://w3id.org/pledgegraph/id/event/> .
                <https://w3id.org/pledgegraph/id/commitment/nested-any-of> a pg:Commitment ;
                    <http://www.w3.org/2000/01/rdf-schema#label> "nested any-of (fixture)"@en ;
                    <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/pledgegraph/id/source/fixture> ;
                    pg:dateMade "2026-01-06"^^xsd:date ; pg:hasActivationCondition c:outer .
                c:outer a pg:AnyOfCondition ; pg:anyOf c:inner , c:outer-peace .
                c:inner a pg:AnyOfCondition ; pg:anyOf c:inner-ceasefire .
                c:inner-ceasefire a pg:ActivationCondition ; pg:awaitsEvent event:russia-ukraine-ceasefire .
                c:outer-peace a pg:ActivationCondition ; pg:awaitsEvent event:russia-ukraine-peace-agreement .
                """);
        p.ok("load");
        assertEquals("pending", p.status("2026-06-02").get("nested-any-of").get(0));
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        assertEquals(List.of("active", "2026-06-01", ""), p.status("2026-06-02").get("nested-any-of"),
                "met through the inner any-of");
        p.assertInferredAsFullRecomputation("nested any-of, refreshed");
        p.ok("event", "remove", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire");
        assertEquals("pending", p.status("2026-06-02").get("nested-any-of").get(0));
        p.assertInferredAsFullRecomputation("nested any-of, retracted");

        // The outer alternative first, the inner one's earlier date second: the earliest wins, not the first seen.
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-peace-agreement", "--date", "2026-07-01");
        assertEquals(List.of("active", "2026-07-01", ""), p.status("2026-07-02").get("nested-any-of"));
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        assertEquals(List.of("active", "2026-06-01", ""), p.status("2026-06-15").get("nested-any-of"));
        assertEquals(List.of("active", "2026-06-01", ""), p.status("2026-07-02").get("nested-any-of"));
        p.assertInferredAsFullRecomputation("nested any-of, both alternatives met");
    }

    @Test
    void anEntryIntoForceRecordedOfACommitmentDoesNotEndIt() {
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "https://w3id.org/pledgegraph/id/commitment/eu-loan",
                "--date", "2026-03-01");
        assertEquals("active", p.status("2026-03-02").get("eu-loan").get(0));
        assertEquals("2025-12", p.active("2026-03-02").get("eu-loan"), "only a withdrawal, suspension, fulfilment or lapse ends it");
    }

    @Test
    void twoEventsWhoseIrisEndAlikeAreRecordedApart() throws java.io.IOException {
        java.nio.file.Files.writeString(p.project.resolve("data/sources/elsewhere.ttl"), """
                @prefix pg: <https://w3id.org/pledgegraph/ontology#> .
                <https://example.org/events/russia-ukraine-ceasefire> a pg:Event .
                """);
        p.ok("load");
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        Cli.Run other = p.ok("event", "add", "--kind", "entry-into-force", "--of",
                "https://example.org/events/russia-ukraine-ceasefire", "--date", "2026-07-01");
        assertTrue(other.out().contains("<https://w3id.org/pledgegraph/id/occurrence/russia-ukraine-ceasefire-"), other.out());
        assertFalse(other.out().contains("<https://w3id.org/pledgegraph/id/occurrence/russia-ukraine-ceasefire-entry-into-force>"),
                "its own occurrence, not the first event's: " + other.out());
        assertEquals(List.of("active", "2026-06-01", ""), p.status("2026-06-02").get("reassurance-force"),
                "the project's ceasefire still counts from its own date");
    }
}
