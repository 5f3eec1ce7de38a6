package org.pledgegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledgegraph.support.TestFiles;

/**
 * The packaged command line, run as users run it: {@code java -jar target/pledgegraph.jar}, a process per call.
 * This also proves that the shaded jar kept Jena's service-loader files (without them, the first parse fails).
 */
class CommandLineIT {
    static final Path JAR = Path.of("target/pledgegraph.jar").toAbsolutePath();
    static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PLEDGEGRAPH_PROJECT", PROJECT.toString());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "command finished: " + command);
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    Run inStore(String stdin, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--store");
        all.add(dir.resolve("store").toString());
        return run(stdin, all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"load", "serve", "query", "export"})
    void everyCommandHasHelp(String command) throws Exception {
        Run r = run(null, command, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: pledgegraph " + command), r.out());
    }

    @Test
    void noCommandIsAUserError() throws Exception {
        Run r = run(null);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("a command is required"), r.err());
    }

    @Test
    void anUnknownOptionIsAUserErrorWithAOneLineReason() throws Exception {
        Run r = run(null, "export", "--colour");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("pledgegraph: Unknown option: '--colour'"), r.err());
    }

    @Test
    void loadPrintsEachGraphWithItsTripleCount() throws Exception {
        Run r = inStore(null, "load");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+\\d+\\s+https://w3id.org/pledgegraph/graph/ontology")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+\\d+\\s+https://w3id.org/pledgegraph/graph/source/coalition-summit-2026-01-07")), r.out());
        Run again = inStore(null, "load");
        assertEquals(r.out(), again.out(), "load is idempotent");
    }

    @Test
    void aBrokenFileFailsTheLoadWithItsPositionAndChangesNothing() throws Exception {
        assertEquals(0, inStore(null, "load").exit());
        Run before = inStore(null, "export", "--format", "nq");
        Path broken = dir.resolve("broken");
        TestFiles.copyTree(PROJECT.resolve("ontology"), broken.resolve("ontology"));
        Files.createDirectories(broken.resolve("data/sources"));
        Files.writeString(broken.resolve("data/sources/bad.ttl"), "<https://example.org/a> <https://example.org/b> .\n");
        Run r = inStore(null, "load", "--project", broken.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("pledgegraph: data/sources/bad.ttl:1:"), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertEquals(before.out(), inStore(null, "export", "--format", "nq").out(), "the store is unchanged");
    }

    @Test
    void queryAnswersFromStandardInputInEachFormat() throws Exception {
        assertEquals(0, inStore(null, "load").exit());
        String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/pledgegraph/graph/ontology> { ?s ?p ?o } }";
        Run csv = inStore(q, "query", "--format", "csv", "-");
        assertEquals(0, csv.exit(), csv.err());
        assertTrue(csv.out().startsWith("n\r\n"), csv.out());
        long n = Long.parseLong(csv.out().lines().skip(1).findFirst().orElseThrow().trim());
        assertTrue(n > 0);
        for (String format : List.of("table", "tsv", "json")) {
            Run r = inStore(q, "query", "--format", format, "-");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains(Long.toString(n)), format + ": " + r.out());
        }
    }

    @Test
    void aQuerySyntaxErrorGivesLineAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.rq"), "SELECT ?s\nWHERE { ?s ?p }\n");
        Run r = inStore(null, "query", file.toString());
        assertEquals(1, r.exit());
        assertEquals("pledgegraph: " + file + ":2:15: Encountered \" \"}\" \"} \"\"", r.err().strip());
    }

    @Test
    void anUnreachableEndpointIsAUserError() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closed + "/sparql";
        Run r = run("ASK {}", "query", "--endpoint", endpoint, "-");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("pledgegraph: endpoint " + endpoint + " failed:"), r.err());
    }

    @Test
    void aMissingQueryFileIsAUserError() throws Exception {
        Run r = inStore(null, "query", dir.resolve("nope.rq").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no such query file"), r.err());
    }

    @Test
    void exportWritesTurtleThatReparses() throws Exception {
        assertEquals(0, inStore(null, "load").exit());
        Path out = dir.resolve("export.ttl");
        Run r = inStore(null, "export", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(out).lang(Lang.TURTLE).parse(g);
        assertTrue(g.size() > 0);
        Run stdout = inStore(null, "export", "--format", "nt");
        Graph nt = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(stdout.out().getBytes(StandardCharsets.UTF_8))).lang(Lang.NTRIPLES).parse(nt);
        assertTrue(nt.isIsomorphicWith(g));
    }

}
