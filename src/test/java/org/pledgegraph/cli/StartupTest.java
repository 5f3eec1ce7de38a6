package org.pledgegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a short command does at start-up, seen from the classes its JVM loads ({@code -verbose:class}): help
 * initialises neither Jena nor the logging, and a read-only query does not parse the rules (writes still derive:
 * every test that writes through a wired store shows it). Start-up time itself is
 * measured with hyperfine (docs/performance.md), not here.
 */
class StartupTest {
    static final String JENA_INIT = "org.apache.jena.sys.JenaSystem ";
    static final String LOGGING_INIT = "org.apache.logging.log4j.core.LoggerContext ";
    static final String RULES = "org.pledgegraph.activation.RuleSet ";
    static final String TLS_INIT = "javax.net.ssl.SSLContext ";

    @TempDir
    Path dir;

    record Run(int exit, String out) {}

    static Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), PledgeGraph.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Run(p.exitValue(), out);
    }

    @Test
    void helpInitialisesNeitherJenaNorLogging() throws Exception {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"status", "--help"}, new String[] {"serve", "--help"})) {
            Run r = run(null, args);
            assertEquals(0, r.exit(), r.out());
            assertTrue(r.out().contains("Usage: pledgegraph"), r.out());
            assertFalse(r.out().contains(JENA_INIT), String.join(" ", args) + " initialised Jena");
            assertFalse(r.out().contains(LOGGING_INIT), String.join(" ", args) + " started the logging");
        }
    }

    @Test
    void aQueryDoesNotParseTheRules() throws Exception {
        String store = dir.resolve("store").toString();
        Run query = run("ASK { ?s ?p ?o }", "query", "--format", "csv", "--store", store, "-");
        assertEquals(0, query.exit(), query.out());
        assertTrue(query.out().contains(JENA_INIT), "the query ran on Jena");
        assertTrue(query.out().lines().anyMatch(l -> l.equals("no")), query.out());
        assertFalse(query.out().contains(RULES), "a query parsed the rules");
        // The SERVICE client is built when a query calls a service, not for every query.
        assertFalse(query.out().contains(TLS_INIT), "a local query started TLS");
    }
}
