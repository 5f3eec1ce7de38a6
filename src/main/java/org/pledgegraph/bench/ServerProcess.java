package org.pledgegraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pledgegraph.UserException;

/**
 * A SPARQL server run as its own process on a loopback port, for benchmarks that load it over HTTP: started, waited
 * for until {@code /$/ping} answers, its resident memory read from {@code /proc}, and stopped.
 */
public final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code command} in {@code dir}, output to {@code log}, and waits until {@code /$/ping} on {@code port} answers 200. */
    public static ServerProcess start(String name, List<String> command, Path dir, Path log, int port, Duration bound) {
        Process p;
        try {
            Files.createDirectories(dir);
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UserException("cannot start " + name + ": " + e.getMessage());
        }
        ServerProcess server = new ServerProcess(name, p, port, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new UserException(name + " stopped at start-up (exit " + p.exitValue() + "), see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/$/ping"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.close();
                throw new UserException("interrupted while " + name + " started");
            }
            sleep(200);
        }
        server.close();
        throw new UserException(name + " did not answer /$/ping within " + bound.toSeconds() + " s, see " + log);
    }

    /** A TCP port free on loopback now (the server binds it a moment later). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java program of this JVM, for servers run in a JVM like ours. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path with absolute entries, for a server started in another folder. */
    public static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Resident memory now, in MB (VmRSS), or -1 where /proc cannot tell. */
    public long rssMb() {
        return status("VmRSS:");
    }

    /**
     * Resident memory of the process's own (anonymous) pages now, in MB (RssAnon): heap, stacks, direct buffers; not
     * the pages of TDB2's memory-mapped files, which the kernel shares with its page cache and may drop. -1 where
     * /proc cannot tell.
     */
    public long anonymousRssMb() {
        return status("RssAnon:");
    }

    /** The largest resident memory so far, in MB (VmHWM), or -1 where /proc cannot tell. */
    public long peakRssMb() {
        return status("VmHWM:");
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
