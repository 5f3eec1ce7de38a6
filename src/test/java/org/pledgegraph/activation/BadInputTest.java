package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pledgegraph.cli.PledgeGraph;
import org.pledgegraph.support.Cli;

/** Each refused occurrence exits 1 with one line naming the problem, and leaves every quad of the store as it was. */
class BadInputTest {
    @TempDir
    static Path dir;
    static FixtureProject p;

    @BeforeAll
    static void load() {
        p = new FixtureProject(dir);
        p.ok("load");
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown event IRI    | entry-into-force | https://w3id.org/pledgegraph/id/event/no-such-event | 2026-06-01 | unknown event <https://w3id.org/pledgegraph/id/event/no-such-event>",
        "unknown commitment   | withdrawal       | no-such-commitment                 | 2026-06-01 | unknown commitment <https://w3id.org/pledgegraph/id/commitment/no-such-commitment>",
        "malformed date       | entry-into-force | russia-ukraine-peace-agreement     | 1-6-2026   | malformed date '1-6-2026'",
        "impossible date      | entry-into-force | russia-ukraine-peace-agreement     | 2026-02-30 | malformed date '2026-02-30'",
        "before it was made   | withdrawal       | reassurance-force                  | 2026-01-05 | withdrawal on 2026-01-05 is before <https://w3id.org/pledgegraph/id/commitment/reassurance-force> was made (2026-01-06)",
        "before it was stated (no date made) | withdrawal | accession-support      | 2026-01-05 | withdrawal on 2026-01-05 is before <https://w3id.org/pledgegraph/id/commitment/accession-support> was made (2026-01-06)",
        "awaited before made  | entry-into-force | russia-ukraine-peace-agreement     | 2025-12-31 | entry-into-force on 2025-12-31 is before <https://w3id.org/pledgegraph/id/commitment/",
        "recorded twice       | entry-into-force | russia-ukraine-ceasefire           | 2026-06-01 | entry-into-force of <https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire> is already recorded (on 2026-06-01",
        "recorded twice, other date | entry-into-force | russia-ukraine-ceasefire     | 2026-07-01 | is already recorded (on 2026-06-01",
        "unknown kind         | resumption       | reassurance-force                  | 2026-07-01 | unknown kind 'resumption'",
    })
    void refusedAndStoreUnchanged(String what, String kind, String of, String date, String message) {
        TreeSet<String> before = p.snapshot();
        Cli.Run r = p.run("event", "add", "--kind", kind, "--of", of, "--date", date);
        assertEquals(PledgeGraph.USER_ERROR, r.exit(), what + ": " + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("pledgegraph: "), r.err());
        assertTrue(r.err().contains(message), what + ": " + r.err());
        assertEquals(before, p.snapshot(), what + ": store unchanged");
    }

    @Test
    void removingWhatWasNeverRecordedIsRefused() {
        TreeSet<String> before = p.snapshot();
        Cli.Run r = p.run("event", "remove", "--kind", "lapse", "--of", "eu-loan");
        assertEquals(PledgeGraph.USER_ERROR, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no lapse of <https://w3id.org/pledgegraph/id/commitment/eu-loan> is recorded"), r.err());
        assertEquals(before, p.snapshot());
    }

    @Test
    void malformedAsOfIsRefused() {
        Cli.Run r = p.run("status", "--as-of", "tomorrow");
        assertEquals(PledgeGraph.USER_ERROR, r.exit());
        assertTrue(r.err().contains("malformed date 'tomorrow'"), r.err());
    }
}
