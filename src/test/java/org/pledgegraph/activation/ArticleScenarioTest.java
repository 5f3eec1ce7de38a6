package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario on the repository's own data (the article), through the command line on TDB2: the guarantees
 * to be activated once a ceasefire enters into force are pending; the ceasefire entering into force on 2026-06-01
 * makes them active as of 2026-06-02 and leaves the unconditional ones as they were; 2026-05-31 is unchanged; removing
 * the event restores the store exactly.
 */
class ArticleScenarioTest {
    /** The article's commitments with a ceasefire condition (stated or implied; docs/facts.md says which and why). */
    static final List<String> CONDITIONAL = List.of("security-guarantees", "uk-france-military-hubs", "ceasefire-monitoring-mechanism",
            "multinational-reassurance-force", "us-support-reassurance-force", "response-to-future-aggression",
            "germany-possible-deployments");

    @TempDir
    Path dir;

    @Test
    void ceasefireOnTheFirstOfJune() {
        FixtureProject p = new FixtureProject(dir, false);
        p.ok("load");
        Map<String, List<String>> before0602 = p.status("2026-06-02");
        Map<String, List<String>> before0531 = p.status("2026-05-31");
        TreeSet<String> before = p.snapshot();

        assertTrue(before0602.size() >= 10, "the article's commitments: " + before0602.keySet());
        for (String c : CONDITIONAL) {
            assertEquals("pending", before0602.get(c).get(0), c);
            assertTrue(!before0602.get(c).get(2).isEmpty(), c + " names its unmet condition");
        }
        assertEquals(List.of("active", "2026-01-06", ""), before0602.get("long-term-military-assistance"));
        assertEquals(List.of("active", "2025-12", ""), before0602.get("eu-loan-90bn"), "agreed in December 2025: the month, no day");
        assertEquals(Set.of("security-guarantees", "uk-france-military-hubs", "ceasefire-monitoring-mechanism",
                "multinational-reassurance-force", "us-support-reassurance-force", "response-to-future-aggression",
                "germany-possible-deployments"), pending(before0602), "the framework's components wait for the ceasefire");
        assertTrue(!before0602.containsKey("turkiye-maritime-security"), "Türkiye's role is a role praised, not a commitment");

        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01",
                "--source", "https://example.org/ceasefire");
        Map<String, List<String>> after = p.status("2026-06-02");
        for (String c : CONDITIONAL) {
            assertEquals(List.of("active", "2026-06-01", ""), after.get(c), c);
        }
        before0602.forEach((c, row) -> {
            if (!CONDITIONAL.contains(c)) {
                assertEquals(row, after.get(c), c + " is unconditional: unchanged");
            }
        });
        assertEquals(before0531, p.status("2026-05-31"), "as of the day before, nothing changed");

        p.ok("event", "add", "--kind", "withdrawal", "--of", "uk-france-military-hubs", "--date", "2026-09-01");
        assertEquals("withdrawn", p.status("2026-09-01").get("uk-france-military-hubs").get(0));
        assertEquals("active", p.status("2026-08-31").get("uk-france-military-hubs").get(0));

        p.ok("event", "remove", "--kind", "withdrawal", "--of", "uk-france-military-hubs");
        p.ok("event", "remove", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire");
        assertEquals(before0602, p.status("2026-06-02"));
        assertEquals(before, p.snapshot(), "every quad as before");
    }

    private static Set<String> pending(Map<String, List<String>> status) {
        Set<String> out = new java.util.TreeSet<>();
        status.forEach((c, row) -> {
            if (row.get(0).equals("pending")) out.add(c);
        });
        return out;
    }
}
