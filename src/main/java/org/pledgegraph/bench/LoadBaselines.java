package org.pledgegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load baselines, each in its own process so that nothing of them reaches the product's serving path: Jena's
 * {@code tdb2.tdbloader} (jena-cmds 5.6.0, from the local Maven repository) into a fresh TDB2 directory and the same
 * named graph, and Oxigraph (the npm package, in memory, installed into a cache folder on first use). Either is
 * skipped, with the reason, when it cannot run here.
 */
public final class LoadBaselines {
    /** A baseline's own figure (ms, its own timer where it has one, else wall) or why it did not run. */
    public record Figure(long ms, String note, long cpuMs) {
        public Figure(long ms, String note) {
            this(ms, note, -1);
        }

        static Figure skipped(String why) {
            return new Figure(-1, why);
        }

        public boolean ran() {
            return ms >= 0;
        }
    }

    static final String JENA_CMDS = "org/apache/jena/jena-cmds/5.6.0/jena-cmds-5.6.0.jar";
    private static final Pattern TDB_TIME = Pattern.compile("Time = ([0-9.,]+) seconds");
    /** A small load prints no "Time =" line, only this one, after its indexes are built. */
    private static final Pattern TDB_FINISHED = Pattern.compile("Finished: .* in ([0-9.,]+)s \\(");
    private static final Pattern CPU = Pattern.compile("^PROCESS_CPU_S ([0-9.]+) ([0-9.]+) PEAK_RSS_KB ([0-9]+)$");

    /**
     * A prefix that makes GNU time print the process's user and system CPU seconds and peak RSS (when installed): on a
     * machine shared with other work, CPU time says more than wall time.
     */
    static final List<String> TIMED = Files.isExecutable(Path.of("/usr/bin/time"))
            ? List.of("/usr/bin/time", "-f", "PROCESS_CPU_S %U %S PEAK_RSS_KB %M") : List.of();

    /** The process's CPU ms (user + system) from {@link #TIMED}'s line, or -1. */
    static long cpuMs(List<String> out) {
        for (String line : out) {
            Matcher m = CPU.matcher(line.trim());
            if (m.find()) {
                return Math.round((Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2))) * 1000);
            }
        }
        return -1;
    }

    /** The process's peak RSS in MB from {@link #TIMED}'s line, or -1. */
    static long peakRssMb(List<String> out) {
        for (String line : out) {
            Matcher m = CPU.matcher(line.trim());
            if (m.find()) {
                return Long.parseLong(m.group(3)) / 1024;
            }
        }
        return -1;
    }

    private final Path work;
    private final long boundSeconds;

    LoadBaselines(Path work, long boundSeconds) {
        this.work = work;
        this.boundSeconds = boundSeconds;
    }

    Figure tdbloader(Path data, String graph, String heap) {
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(JENA_CMDS);
        if (!Files.isRegularFile(jar)) {
            return Figure.skipped("skipped: no " + jar + " (mvn dependency:get -Dartifact=org.apache.jena:jena-cmds:5.6.0)");
        }
        Path loc = work.resolve("tdbloader-store");
        try {
            Bench.deleteTree(loc);
            List<String> command = new ArrayList<>(TIMED);
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                    "-cp", jar + java.io.File.pathSeparator + System.getProperty("java.class.path"), "tdb2.tdbloader",
                    "--loc", loc.toString(), "--graph", graph, data.toString()));
            long t0 = System.nanoTime();
            List<String> out = run(command);
            long wall = (System.nanoTime() - t0) / 1_000_000;
            for (Pattern timer : List.of(TDB_TIME, TDB_FINISHED)) {
                for (String line : out) {
                    Matcher m = timer.matcher(line);
                    if (m.find()) {
                        return new Figure(Math.round(Double.parseDouble(m.group(1).replace(",", "")) * 1000),
                                "own timer; process wall " + wall + " ms", cpuMs(out));
                    }
                }
            }
            return Figure.skipped("failed: " + (out.isEmpty() ? "no output" : out.get(out.size() - 1)));
        } catch (IOException e) {
            return Figure.skipped("could not run: " + e.getMessage());
        } finally {
            try {
                Bench.deleteTree(loc);
            } catch (IOException ignored) {
                // scratch
            }
        }
    }

    Figure oxigraph(Path data) {
        Path cache = work.resolve("oxigraph-cache");
        try {
            if (!Files.isDirectory(cache.resolve("node_modules/oxigraph"))) {
                Files.createDirectories(cache);
                List<String> out = run(List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", cache.toString(), "oxigraph@0.5"));
                if (!Files.isDirectory(cache.resolve("node_modules/oxigraph"))) {
                    return Figure.skipped("skipped: npm could not install oxigraph (no network?): " + String.join(" ", out));
                }
            }
            Path script = cache.resolve("load.js");
            Files.writeString(script, """
                    // Loads an N-Triples file into an in-memory Oxigraph store, streamed in chunks; prints its own time.
                    const fs = require('fs');
                    const ox = require(process.argv[3] + '/node_modules/oxigraph');
                    const store = new ox.Store();
                    function* chunks(file) {
                      const fd = fs.openSync(file, 'r');
                      const buf = Buffer.alloc(1 << 24);
                      let n;
                      while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) { yield Uint8Array.from(buf.subarray(0, n)); }
                      fs.closeSync(fd);
                    }
                    const t0 = process.hrtime.bigint();
                    store.load(chunks(process.argv[2]), { format: 'application/n-triples', to_graph_name: ox.namedNode('urn:x:g') });
                    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
                    console.log('OXIGRAPH ms=' + Math.round(ms) + ' size=' + store.size);
                    """);
            List<String> command = new ArrayList<>(TIMED);
            command.addAll(List.of("node", "--max-old-space-size=4096", script.toString(), data.toString(), cache.toString()));
            List<String> out = run(command);
            for (String line : out) {
                if (line.startsWith("OXIGRAPH ms=")) {
                    String[] parts = line.split(" ");
                    return new Figure(Long.parseLong(parts[1].substring(3)), "in memory, " + parts[2] + ", peak RSS " + peakRssMb(out) + " MB",
                            cpuMs(out));
                }
            }
            return Figure.skipped("failed: " + (out.isEmpty() ? "no output" : out.get(out.size() - 1)));
        } catch (IOException e) {
            return Figure.skipped("skipped: " + e.getMessage());
        }
    }

    private List<String> run(List<String> command) throws IOException {
        return BoundedProcess.run(command, boundSeconds);
    }
}
