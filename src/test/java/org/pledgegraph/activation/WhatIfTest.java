package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.support.Cli;

/** "If the ceasefire entered into force on D, what is active on D+1", answered without writing to the store. */
class WhatIfTest {
    @TempDir
    Path dir;

    @Test
    void whatIfAnswersWithoutWriting() {
        FixtureProject p = new FixtureProject(dir);
        p.ok("load");
        TreeSet<String> before = p.snapshot();

        Cli.Run r = p.ok("status", "--what-if", "entry-into-force russia-ukraine-ceasefire 2026-06-01", "--format", "csv");
        Map<String, List<String>> supposed = FixtureProject.parseStatus(r.out());
        assertEquals(List.of("active", "2026-06-01", ""), supposed.get("reassurance-force"), "as of D+1 by default");
        assertEquals("pending", supposed.get("post-war-hubs").get(0));

        Cli.Run table = p.ok("status", "--what-if", "entry-into-force russia-ukraine-ceasefire 2026-06-01");
        assertTrue(table.out().startsWith("Status as of 2026-06-02, supposing entry-into-force russia-ukraine-ceasefire 2026-06-01 (nothing recorded):"),
                table.out());

        assertEquals(before, p.snapshot(), "nothing was written");
        assertEquals("pending", p.status("2026-06-02").get("reassurance-force").get(0));

        // The same answer as actually recording it.
        p.ok("event", "add", "--kind", "entry-into-force", "--of", "russia-ukraine-ceasefire", "--date", "2026-06-01");
        assertEquals(supposed, p.status("2026-06-02"));
    }

    @Test
    void aRefusedHypothesisIsAUserError() {
        FixtureProject p = new FixtureProject(dir);
        p.ok("load");
        Cli.Run r = p.run("status", "--what-if", "entry-into-force no-such-event 2026-06-01");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown event"), r.err());
    }
}
