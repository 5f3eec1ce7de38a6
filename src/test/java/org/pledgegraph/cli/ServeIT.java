package org.pledgegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.support.Http;

/**
 * {@code pledgegraph serve} as a process: loads an empty store, answers, refuses, holds its store (commands then work
 * through it, with credentials for writes), stops on SIGTERM.
 */
class ServeIT {
    static final Pattern SERVING = Pattern.compile("serving .* at (http://127\\.0\\.0\\.1:\\d+/pledgegraph)");

    @TempDir
    Path dir;

    @Test
    void servesTheStoreRefusesAnonymousUpdatesAndStopsCleanly() throws Exception {
        Path store = dir.resolve("store");
        Path auth = dir.resolve("auth.txt");
        java.nio.file.Files.writeString(auth, "editor: s3cret\n");
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", CommandLineIT.JAR.toString(), "serve", "--port", "0",
                "--store", store.toString(), "--auth", auth.toString());
        pb.environment().put("PLEDGEGRAPH_PROJECT", CommandLineIT.PROJECT.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        StringBuilder log = new StringBuilder();
        String dataset = null;
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line; dataset == null && (line = lines.readLine()) != null; ) {
                log.append(line).append('\n');
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    dataset = m.group(1);
                }
            }
            assertTrue(dataset != null, "start-up line with the URL:\n" + log);
            assertTrue(log.toString().contains("is empty: loading"), log.toString());

            String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
            HttpResponse<String> r = Http.get(dataset + "/sparql?query=" + Http.encode(count), "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().trim()) > 0);

            HttpResponse<String> update = Http.post(dataset + "/update", "application/sparql-update",
                    "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }", "*/*", null);
            assertEquals(401, update.statusCode(), "an update without credentials");

            CommandLineIT.Run remote = CommandLineIT.run(count, "query", "--format", "csv", "--endpoint", dataset + "/sparql", "-");
            assertEquals(0, remote.exit(), remote.err());
            assertEquals(r.body().lines().toList(), remote.out().lines().toList(), "query --endpoint gives the server's answer");

            // Every command works while the server holds the store: through the server, whose URL it wrote there.
            assertEquals(dataset, java.nio.file.Files.readString(store.resolve("serve.url")).strip());
            CommandLineIT.Run local = CommandLineIT.run(count, "query", "--format", "csv", "--store", store.toString(), "-");
            assertEquals(0, local.exit(), local.err());
            assertEquals(r.body().lines().toList(), local.out().lines().toList(), "query --store goes through the server");
            CommandLineIT.Run anonymous = CommandLineIT.run(null, "event", "add", "--kind", "entry-into-force", "--of",
                    "russia-ukraine-ceasefire", "--date", "2026-06-01", "--store", store.toString());
            assertEquals(1, anonymous.exit());
            assertTrue(anonymous.err().contains("--store-credentials"), "says how: " + anonymous.err());
            CommandLineIT.Run added = CommandLineIT.run(null, "event", "add", "--kind", "entry-into-force", "--of",
                    "russia-ukraine-ceasefire", "--date", "2026-06-01", "--store", store.toString(), "--store-credentials", auth.toString());
            assertEquals(0, added.exit(), added.err());
            CommandLineIT.Run status = CommandLineIT.run(null, "status", "--as-of", "2026-06-02", "--store", store.toString());
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.out().contains("2026-06-01"), "the server derived the event's consequences:\n" + status.out());
            CommandLineIT.Run load = CommandLineIT.run(null, "load", "--store", store.toString(), "--store-credentials", auth.toString());
            assertEquals(0, load.exit(), load.err());

            String rest = new String(p.getInputStream().readNBytes(p.getInputStream().available()), StandardCharsets.UTF_8);
            assertTrue((log + rest).contains("GET " + dataset + "/sparql"), "Fuseki's request log shows:\n" + log + rest);
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        assertTrue(List.of(0, 143).contains(p.exitValue()), "exit " + p.exitValue());
    }
}
