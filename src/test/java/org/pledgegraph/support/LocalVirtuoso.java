package org.pledgegraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Virtuoso Open Source (Debian package {@code virtuoso-opensource}) in a process of its own, with a private ini: its
 * database in a temporary folder, SQL and HTTP on loopback ports. The anonymous SPARQL user may update (tests only,
 * loopback only), so that {@code /sparql} serves query and update alike.
 */
public final class LocalVirtuoso implements AutoCloseable {
    private final Path dir;
    private final int sqlPort;
    private final int httpPort;
    private final Process process;

    private LocalVirtuoso(Path dir, int sqlPort, int httpPort, Process process) {
        this.dir = dir;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Why Virtuoso cannot run here, or empty when it can. */
    public static Optional<String> missing() {
        for (String program : List.of("virtuoso-t", "isql-vt")) {
            if (!onPath(program)) {
                return Optional.of(program + " is not installed (Debian: apt-get install virtuoso-opensource-7-bin; .ci/run does)");
            }
        }
        return Optional.empty();
    }

    public static LocalVirtuoso start(Path dir) {
        int sqlPort = StandaloneFuseki.freePort();
        int httpPort = StandaloneFuseki.freePort();
        try {
            Files.createDirectories(dir);
            String d = dir.toAbsolutePath().toString();
            Path ini = dir.resolve("virtuoso.ini");
            Files.writeString(ini, """
                    [Database]
                    DatabaseFile = %1$s/virtuoso.db
                    ErrorLogFile = %1$s/virtuoso.log
                    LockFile = %1$s/virtuoso.lck
                    TransactionFile = %1$s/virtuoso.trx
                    xa_persistent_file = %1$s/virtuoso.pxa
                    ErrorLogLevel = 7
                    FileExtend = 200
                    Striping = 0
                    TempStorage = TempDatabase
                    [TempDatabase]
                    DatabaseFile = %1$s/virtuoso-temp.db
                    TransactionFile = %1$s/virtuoso-temp.trx
                    [Parameters]
                    ServerPort = 127.0.0.1:%2$d
                    DisableUnixSocket = 1
                    CheckpointInterval = 60
                    CaseMode = 2
                    DirsAllowed = .
                    NumberOfBuffers = 10000
                    MaxDirtyBuffers = 6000
                    ThreadsPerQuery = 2
                    [HTTPServer]
                    ServerPort = 127.0.0.1:%3$d
                    ServerRoot = %1$s
                    ServerThreads = 10
                    MaxClientConnections = 10
                    Charset = UTF-8
                    [SPARQL]
                    ResultSetMaxRows = 1000000
                    MaxQueryExecutionTime = 120
                    MaxQueryCostEstimationTime = 400
                    """.formatted(d, sqlPort, httpPort), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder("virtuoso-t", "+foreground", "+configfile", ini.toString());
            pb.directory(dir.toFile());
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("out.log").toFile());
            LocalVirtuoso virtuoso = new LocalVirtuoso(dir, sqlPort, httpPort, pb.start());
            virtuoso.awaitHttp();
            virtuoso.sql("GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);");
            return virtuoso;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    private void sql(String statements) throws IOException {
        Process isql = new ProcessBuilder("isql-vt", "127.0.0.1:" + sqlPort, "dba", "dba", "exec=" + statements)
                .redirectErrorStream(true).start();
        String out = new String(isql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!isql.waitFor(60, TimeUnit.SECONDS) || isql.exitValue() != 0 || out.contains("Error")) {
                throw new IllegalStateException("isql-vt failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHttp() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("virtuoso-t exited: " + log());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + "?query=ASK%7B%7D")).build(),
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
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("Virtuoso did not answer within 90 s: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("out.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
