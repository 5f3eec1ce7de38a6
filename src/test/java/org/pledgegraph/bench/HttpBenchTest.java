package org.pledgegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.UserException;
import org.pledgegraph.support.Cli;

/**
 * Short runs of the HTTP benchmarks, to keep them working: {@code bench soak} for a few seconds (the full one runs
 * 60 s, see docs/performance.md) must pass, and {@code bench http} on a small store must print its table. Both need
 * wrk; without it they print why and are skipped.
 */
class HttpBenchTest {
    @TempDir
    Path dir;

    static void assumeWrk() {
        String missing = Wrk.missing();
        if (missing != null) {
            System.out.println("HttpBenchTest skipped: " + missing);
        }
        assumeTrue(missing == null, missing);
    }

    @Test
    void aShortSoakPasses() {
        assumeWrk();
        Cli.Run r = Cli.run("bench", "soak", "--duration", "3", "--connections", "16", "--work", dir.toString(),
                "--project", Path.of("").toAbsolutePath().toString(), "--query", "queries/participants.rq");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS: no failed request, ping healthy throughout"), r.out());
        assertTrue(r.out().matches("(?s).*\\| failed writes \\| 0 \\|.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\| writes [^|]*\\| [1-9].*"), "the writer wrote: " + r.out());
    }

    @Test
    void aSmallHttpBenchComparesWithPlainFuseki() {
        assumeWrk();
        Path cache = Path.of("target/bench/fuseki").toAbsolutePath();
        try {
            PlainFuseki.jar(cache);
        } catch (UserException e) {
            System.out.println("HttpBenchTest skipped: " + e.getMessage());
            assumeTrue(false, e.getMessage());
        }
        Cli.Run r = Cli.run("bench", "http", "--summits", "10", "--duration", "1", "--warmup", "0", "--rounds", "1",
                "--connections", "1", "--work", dir.toString(), "--fuseki-jar", cache.resolve("jena-fuseki-server-"
                        + PlainFuseki.jenaVersion() + ".jar").toString(), "--heap", "512m");
        assertEquals(0, r.exit(), r.out() + r.err());
        for (String request : new String[] {"ping", "point lookup", "active-as-of", "COUNT commitments"}) {
            assertTrue(r.out().contains(request) && r.out().contains("same answer on both") || request.equals("ping"), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| " + request) && l.endsWith("| 0 / 0 |")),
                    request + " measured on both without errors: " + r.out());
        }
        assertTrue(r.out().contains("Peak resident memory"), r.out());
    }
}
