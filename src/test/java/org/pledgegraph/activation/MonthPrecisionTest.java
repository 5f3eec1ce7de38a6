package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commitment made in a month (or a year) the source gives without the day keeps that precision through the rules
 * and status: pg:activeFrom is the xsd:gYearMonth (xsd:gYear) itself, never a made-up first day. As of a date inside
 * the period the status is undetermined (it may have been made on any of its days); the period counts as on or before
 * a date only when all of it is, so the last day of the month (29 February in a leap year) is the first date it is
 * surely active. A condition met after the month gives its day; met inside it, the month stays.
 */
class MonthPrecisionTest {
    static final String SOURCE = """
            @prefix pg: <https://w3id.org/pledgegraph/ontology#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix c: <https://w3id.org/pledgegraph/id/commitment/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            # Test fixture, not a real source: commitments dated to a month or a year only.
            c:made-in-december a pg:Commitment ; rdfs:label "made in december"@en ;
                prov:wasDerivedFrom <https://w3id.org/pledgegraph/id/source/fixture> ; pg:dateMade "2025-12"^^xsd:gYearMonth .
            c:made-in-leap-february a pg:Commitment ; rdfs:label "made in leap february"@en ;
                prov:wasDerivedFrom <https://w3id.org/pledgegraph/id/source/fixture> ; pg:dateMade "2024-02"^^xsd:gYearMonth .
            c:made-in-common-february a pg:Commitment ; rdfs:label "made in common february"@en ;
                prov:wasDerivedFrom <https://w3id.org/pledgegraph/id/source/fixture> ; pg:dateMade "2025-02"^^xsd:gYearMonth .
            c:made-in-a-year a pg:Commitment ; rdfs:label "made in a year"@en ;
                prov:wasDerivedFrom <https://w3id.org/pledgegraph/id/source/fixture> ; pg:dateMade "2025"^^xsd:gYear .
            c:made-in-june-on-condition a pg:Commitment ; rdfs:label "made in june on condition"@en ;
                prov:wasDerivedFrom <https://w3id.org/pledgegraph/id/source/fixture> ; pg:dateMade "2026-06"^^xsd:gYearMonth ;
                pg:hasActivationCondition <https://w3id.org/pledgegraph/id/condition/month-test> .
            <https://w3id.org/pledgegraph/id/condition/month-test> a pg:ActivationCondition ;
                pg:awaitsEvent <https://w3id.org/pledgegraph/id/event/month-test-truce> .
            <https://w3id.org/pledgegraph/id/event/month-test-truce> a pg:Event .
            """;

    @TempDir
    Path dir;

    FixtureProject project() throws IOException {
        FixtureProject p = new FixtureProject(dir);
        Files.writeString(p.project.resolve("data/sources/month-precision.ttl"), SOURCE);
        p.ok("load");
        return p;
    }

    @Test
    void aMonthIsKeptAndCountsOnlyOnceWhollyPast() throws IOException {
        FixtureProject p = project();
        assertEquals(List.of("pending", "", ""), p.status("2025-11-30").get("made-in-december"), "not made yet");
        assertEquals(List.of("undetermined", "2025-12", ""), p.status("2025-12-01").get("made-in-december"));
        assertEquals(List.of("undetermined", "2025-12", ""), p.status("2025-12-30").get("made-in-december"),
                "made on some day of December: not known on the 30th");
        assertEquals(List.of("active", "2025-12", ""), p.status("2025-12-31").get("made-in-december"),
                "all of December is on or before the 31st");
        assertFalse(p.active("2025-12-30").containsKey("made-in-december"), "not known to be in force inside its month");
        assertEquals("2025-12", p.active("2025-12-31").get("made-in-december"));

        assertEquals("undetermined", p.status("2024-02-28").get("made-in-leap-february").get(0));
        assertEquals("active", p.status("2024-02-29").get("made-in-leap-february").get(0), "2024 is a leap year");
        assertEquals("active", p.status("2025-02-28").get("made-in-common-february").get(0), "2025 is not");

        assertEquals(List.of("undetermined", "2025", ""), p.status("2025-12-30").get("made-in-a-year"));
        assertEquals(List.of("active", "2025", ""), p.status("2025-12-31").get("made-in-a-year"));
        assertEquals("pending", p.status("2024-12-31").get("made-in-a-year").get(0));
    }

    @Test
    void aConditionMetInsideTheMonthLeavesTheMonthOneMetAfterGivesItsDay() throws IOException {
        FixtureProject p = project();
        assertEquals("pending", p.status("2026-07-15").get("made-in-june-on-condition").get(0));
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "month-test-truce", "--date", "2026-06-10");
        assertEquals(List.of("undetermined", "2026-06", ""), p.status("2026-06-20").get("made-in-june-on-condition"),
                "made on some day of June, met on the 10th: the later of the two is some day of June");
        assertEquals(List.of("active", "2026-06", ""), p.status("2026-06-30").get("made-in-june-on-condition"));
        p.assertInferredAsFullRecomputation("met inside the month, focused refresh");
        p.ok("event", "remove", "--kind", "entry-into-force", "--of", "month-test-truce");
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "month-test-truce", "--date", "2026-07-03");
        assertEquals("pending", p.status("2026-07-02").get("made-in-june-on-condition").get(0), "before the condition is met");
        assertEquals(List.of("active", "2026-07-03", ""), p.status("2026-07-03").get("made-in-june-on-condition"));
        p.assertInferredAsFullRecomputation("met after the month, focused refresh");
    }
}
