package org.pledgegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.support.Http;

/**
 * A result several times larger than the server's whole heap streams out: {@code serve} runs with {@code -Xmx64m}
 * and answers about 100 MB of rows completely, then still answers a ping. Holding the response whole, or buffering
 * it, would end in an OutOfMemoryError.
 */
class LargeResultIT {
    static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aResultLargerThanTheHeapArrivesComplete() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx64m", "-jar", CommandLineIT.JAR.toString(), "serve", "--port", "0",
                "--timeout", "300", "--store", dir.resolve("store").toString());
        pb.environment().put("PLEDGEGRAPH_PROJECT", CommandLineIT.PROJECT.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String dataset = null;
            StringBuilder log = new StringBuilder();
            for (String line; dataset == null && (line = lines.readLine()) != null; ) {
                log.append(line).append('\n');
                Matcher m = ServeIT.SERVING.matcher(line);
                if (m.find()) {
                    dataset = m.group(1);
                }
            }
            assertTrue(dataset != null, "start-up line with the URL:\n" + log);
            Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();

            String digits = "{ 0 1 2 3 4 5 6 7 8 9 }";
            String query = "SELECT ?i ?s { VALUES ?a " + digits + " VALUES ?b " + digits + " VALUES ?c " + digits
                    + " VALUES ?d " + digits + " VALUES ?e " + digits + " VALUES ?f " + digits
                    + " BIND (?a + 10 * ?b + 100 * ?c + 1000 * ?d + 10000 * ?e + 100000 * ?f AS ?i)"
                    + " BIND (CONCAT(\"row \", STR(?i), \" of a result larger than the server's heap, streamed as it is made\") AS ?s) }";
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(dataset + "/sparql?query=" + Http.encode(query))).header("Accept", "text/tab-separated-values")
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            long rows = 0;
            long bytes = 0;
            long sum = 0;
            try (BufferedReader body = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                body.readLine();
                for (String line; (line = body.readLine()) != null; ) {
                    rows++;
                    bytes += line.length() + 1;
                    sum += Long.parseLong(line.substring(0, line.indexOf('\t')));
                }
            }
            assertEquals(ROWS, rows, "every row");
            assertEquals((long) ROWS * (ROWS - 1) / 2, sum, "each row once");
            assertTrue(bytes > 64L * 1024 * 1024, "more than the heap: " + bytes + " bytes");
            assertEquals(200, Http.get(dataset.replace("/pledgegraph", "/$/ping"), "*/*").statusCode(), "still serving");
            assertTrue(p.isAlive());
        } finally {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        assertTrue(List.of(0, 143).contains(p.exitValue()), "exit " + p.exitValue());
    }
}
