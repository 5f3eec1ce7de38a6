package org.pledgegraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pledgegraph.UserException;

/**
 * The HTTP load generator {@code wrk} (Debian package wrk), run as a process: a fixed number of connections each
 * sending one request after another for a duration; its summary is parsed into a {@link Run}.
 */
public final class Wrk {
    /**
     * What wrk measured: requests per second, latency percentiles in ms, requests, and errors (non-2xx/3xx answers
     * plus socket errors: connect, read, write and timeout).
     */
    public record Run(double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, long requests, long errors) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /** The wrk program on the PATH, or null. */
    public static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "wrk");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Why a benchmark that needs wrk cannot run, or null when it can. */
    public static String missing() {
        return find() == null ? "wrk is not installed (Debian: apt-get install wrk)" : null;
    }

    /** GETs {@code url} on {@code connections} connections for {@code duration}, with these request headers. */
    public static Run run(String url, int connections, Duration duration, Map<String, String> headers) {
        List<String> command = new ArrayList<>(List.of(find().toString(), "-t" + Math.min(connections, 2), "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "60s", "--latency"));
        headers.forEach((k, v) -> command.addAll(List.of("-H", k + ": " + v)));
        command.add(url);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new UserException("wrk failed (exit " + p.exitValue() + "): " + out.strip());
            }
            return parse(out);
        } catch (IOException e) {
            throw new UserException("cannot run wrk: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while wrk ran");
        }
    }

    static Run parse(String out) {
        Matcher rate = RATE.matcher(out);
        Matcher requests = REQUESTS.matcher(out);
        if (!rate.find() || !requests.find()) {
            throw new UserException("unexpected wrk output: " + out.strip());
        }
        double[] percentiles = new double[3];
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            double ms = switch (m.group(3)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                default -> v;
            };
            percentiles[switch (m.group(1)) { case "50" -> 0; case "90" -> 1; default -> 2; }] = ms;
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Run(Double.parseDouble(rate.group(1)), percentiles[0], percentiles[1], percentiles[2],
                Long.parseLong(requests.group(1)), errors);
    }
}
