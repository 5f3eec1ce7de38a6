package org.pledgegraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Jena Fuseki server ({@code jena-fuseki-server} from Maven Central, copied to
 * {@code target/standalone/} by the build) in a process of its own, on a loopback port: an independent SPARQL 1.1
 * store for the remote-store tests. Its dataset {@code /ds} is TDB2 on disk with the union default graph, and serves
 * query, update and the Graph Store protocol without credentials (loopback only, tests only).
 */
public final class StandaloneFuseki implements AutoCloseable {
    public static final Path JAR = Path.of("target/standalone/jena-fuseki-server.jar").toAbsolutePath();

    private final Path dir;
    private final int port;
    private Process process;

    private StandaloneFuseki(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static boolean available() {
        return Files.isRegularFile(JAR);
    }

    /** Starts a server whose database lives in {@code dir} (kept across {@link #kill} and {@link #restart}). */
    public static StandaloneFuseki start(Path dir) {
        StandaloneFuseki fuseki = new StandaloneFuseki(dir, freePort());
        fuseki.restart();
        return fuseki;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/ds";
    }

    /** Starts the process again (after {@link #kill}) on the same port and database. */
    public void restart() {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("config.ttl");
            Files.writeString(config, """
                    PREFIX fuseki: <http://jena.apache.org/fuseki#>
                    PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>
                    PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                    [] rdf:type fuseki:Server .
                    <#service> rdf:type fuseki:Service ;
                        fuseki:name "ds" ;
                        fuseki:endpoint [ fuseki:operation fuseki:query ] ;
                        fuseki:endpoint [ fuseki:operation fuseki:update ] ;
                        fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ] ;
                        fuseki:dataset <#dataset> .
                    <#dataset> rdf:type tdb2:DatasetTDB2 ;
                        tdb2:location "%s" ;
                        tdb2:unionDefaultGraph true .
                    """.formatted(dir.resolve("tdb2").toString().replace("\\", "/")), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(List.of("java", "-Xmx512m", "-jar", JAR.toString(), "--localhost",
                    "--port=" + port, "--config=" + config));
            pb.directory(dir.toFile());
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("fuseki.log").toFile());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPing();
    }

    /** kill -9: the process ends at once, in the middle of whatever it was doing. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitPing() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("standalone Fuseki exited: " + log());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("standalone Fuseki did not answer /$/ping within 90 s: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("fuseki.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
