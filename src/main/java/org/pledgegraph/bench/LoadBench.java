package org.pledgegraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --load-only}: the load of one N-Triples file, derivation included, side by side with
 * {@code tdb2.tdbloader} and Oxigraph on the same file, in rounds that alternate the three, so that a machine that
 * gets busier or quieter during the run weighs on all of them alike. Ours is what a user runs: {@code load FILE} in
 * its own JVM, into a store that holds the repository's graphs (loaded first, untimed), with the validation and the
 * rules the command line wires; its own figures (load, derivation, the derivation's phases) and the peak resident
 * memory of its process (GNU time, where installed).
 */
public final class LoadBench {
    /** One round of ours: the command's own total and derivation ms, its phase line, and its peak RSS in MB (-1 unknown). */
    public record Ours(long totalMs, long deriveMs, String phases, long peakRssMb, long cpuMs) {}

    /** {@code before}: the same command from another build (the jar given to {@code --load-before}), empty without one. */
    public record Row(long triples, List<Ours> ours, List<Ours> before, List<LoadBaselines.Figure> tdbloader,
            List<LoadBaselines.Figure> oxigraph) {}

    private static final Pattern DONE = Pattern.compile("in ([0-9.]+) s \\(.*\\), derivation ([0-9.]+) s");

    private final Path project;
    private final Path work;
    private final String heap;
    private final int repeat;
    private final boolean baselines;
    private final long boundSeconds;
    private final PrintWriter log;
    private Path beforeJar;

    /** Also runs {@code load FILE} from this jar (an earlier build) in every round: before and after from one run. */
    public LoadBench withBefore(Path jar) {
        this.beforeJar = jar;
        return this;
    }

    public LoadBench(Path project, Path work, String heap, int repeat, boolean baselines, long boundSeconds, PrintWriter log) {
        this.project = project;
        this.work = work;
        this.heap = heap;
        this.repeat = repeat;
        this.baselines = baselines;
        this.boundSeconds = boundSeconds;
        this.log = log;
    }

    /** Generates about {@code target} triples (seed as {@code generate}) and measures their load. */
    public Row generated(long seed, long target) throws IOException {
        Files.createDirectories(work);
        Path data = work.resolve("synthetic-" + target + ".nt");
        long triples = new SyntheticData(seed).write(Bench.summitsFor(seed, target), data);
        try {
            return file(data, triples);
        } finally {
            Files.deleteIfExists(data);
        }
    }

    public Row file(Path data, long triples) throws IOException {
        Files.createDirectories(work);
        String graph = Bench.SYNTHETIC_GRAPH.getURI();
        LoadBaselines others = new LoadBaselines(work, boundSeconds);
        List<Ours> ours = new ArrayList<>();
        List<Ours> before = new ArrayList<>();
        List<LoadBaselines.Figure> tdb = new ArrayList<>();
        List<LoadBaselines.Figure> oxi = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            if (beforeJar != null) {
                Ours b = ours(data, graph, beforeJar.toString());
                before.add(b);
                note("round %d: before (%s) %,d ms (derivation %,d ms), process CPU %,d ms, peak RSS %s MB", r, beforeJar, b.totalMs(),
                        b.deriveMs(), b.cpuMs(), b.peakRssMb() < 0 ? "?" : String.format(Locale.ROOT, "%,d", b.peakRssMb()));
            }
            Ours o = ours(data, graph, System.getProperty("java.class.path"));
            ours.add(o);
            note("round %d: ours %,d ms (derivation %,d ms; %s), process CPU %,d ms, peak RSS %s MB", r, o.totalMs(), o.deriveMs(),
                    o.phases(), o.cpuMs(), o.peakRssMb() < 0 ? "?" : String.format(Locale.ROOT, "%,d", o.peakRssMb()));
            if (baselines) {
                LoadBaselines.Figure t = others.tdbloader(data, graph, heap);
                tdb.add(t);
                note("round %d: tdb2.tdbloader %s", r, t);
                LoadBaselines.Figure x = others.oxigraph(data);
                oxi.add(x);
                note("round %d: oxigraph %s", r, x);
            }
        }
        return new Row(triples, ours, before, tdb, oxi);
    }

    private Ours ours(Path data, String graph, String classPath) throws IOException {
        Path store = work.resolve("load-bench-store");
        Bench.deleteTree(store);
        try {
            // the repository's graphs first, untimed, as a store has them before a user loads a file into it
            run(command(classPath, List.of("load", "--project", project.toString(), "--store", store.toString()), false));
            List<String> out = run(command(classPath, List.of("load", "--project", project.toString(), "--store", store.toString(),
                    "--graph", graph, data.toString()), true));
            long total = -1;
            long derive = -1;
            long rss = LoadBaselines.peakRssMb(out);
            long cpu = LoadBaselines.cpuMs(out);
            String phases = "";
            for (String line : out) {
                Matcher m = DONE.matcher(line);
                if (m.find()) {
                    total = Math.round(Double.parseDouble(m.group(1)) * 1000);
                    derive = Math.round(Double.parseDouble(m.group(2)) * 1000);
                }
                if (line.startsWith("derived: ")) {
                    phases = line.substring("derived: ".length());
                }
            }
            if (total < 0) {
                throw new IllegalStateException("load did not finish: " + String.join("\n", out.subList(Math.max(0, out.size() - 5), out.size())));
            }
            return new Ours(total, derive, phases, rss, cpu);
        } finally {
            Bench.deleteTree(store);
        }
    }

    private List<String> command(String classPath, List<String> args, boolean measured) {
        List<String> c = new ArrayList<>();
        if (measured) {
            c.addAll(LoadBaselines.TIMED);
        }
        c.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", classPath, "org.pledgegraph.cli.PledgeGraph"));
        c.addAll(args);
        return c;
    }

    private List<String> run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(output::add);
        }
        try {
            if (!process.waitFor(boundSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("load did not finish within " + boundSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + String.join("\n", output));
        }
        return output;
    }

    /** The Markdown table: medians of the rounds, with their spread (min-max), and the ratios of the medians. */
    public static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| triples | rounds | before (--load-before) ms | of which derivation ms | ours: load FILE, derivation included, ms "
                + "| of which derivation ms | ours triples/s | peak RSS MB | tdb2.tdbloader ms | ours / tdbloader | Oxigraph (in memory) ms "
                + "| ours / Oxigraph |\n");
        t.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            List<Double> total = r.ours().stream().map(o -> (double) o.totalMs()).toList();
            List<Double> derive = r.ours().stream().map(o -> (double) o.deriveMs()).toList();
            long rss = r.ours().stream().mapToLong(Ours::peakRssMb).max().orElse(-1);
            double ours = Bench.median(total);
            List<Double> tdb = r.tdbloader().stream().filter(LoadBaselines.Figure::ran).map(f -> (double) f.ms()).toList();
            List<Double> oxi = r.oxigraph().stream().filter(LoadBaselines.Figure::ran).map(f -> (double) f.ms()).toList();
            List<Double> beforeTotal = r.before().stream().map(o -> (double) o.totalMs()).toList();
            List<Double> beforeDerive = r.before().stream().map(o -> (double) o.deriveMs()).toList();
            t.append(String.format(Locale.ROOT, "| %,d | %d | %s | %s | %s | %s | %,.0f | %s | %s | %s | %s | %s |%n", r.triples(), r.ours().size(),
                    beforeTotal.isEmpty() ? "-" : spread(beforeTotal), beforeDerive.isEmpty() ? "-" : spread(beforeDerive),
                    spread(total), spread(derive), r.triples() * 1000.0 / ours, rss < 0 ? "?" : String.format(Locale.ROOT, "%,d", rss),
                    tdb.isEmpty() ? why(r.tdbloader()) : spread(tdb), tdb.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", ours / Bench.median(tdb)),
                    oxi.isEmpty() ? why(r.oxigraph()) : spread(oxi), oxi.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", ours / Bench.median(oxi))));
        }
        return t.toString();
    }

    /**
     * The same rounds in process CPU time (user + system, JVM start included, from GNU time): what the machine spent,
     * which other work on a shared machine disturbs less than it disturbs wall time.
     */
    public static String cpuTable(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| triples | before CPU ms | ours CPU ms | tdb2.tdbloader CPU ms | ours / tdbloader (CPU) | Oxigraph CPU ms | ours / Oxigraph (CPU) |\n");
        t.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            List<Double> before = r.before().stream().filter(o -> o.cpuMs() >= 0).map(o -> (double) o.cpuMs()).toList();
            List<Double> ours = r.ours().stream().filter(o -> o.cpuMs() >= 0).map(o -> (double) o.cpuMs()).toList();
            List<Double> tdb = r.tdbloader().stream().filter(f -> f.cpuMs() >= 0).map(f -> (double) f.cpuMs()).toList();
            List<Double> oxi = r.oxigraph().stream().filter(f -> f.cpuMs() >= 0).map(f -> (double) f.cpuMs()).toList();
            t.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s |%n", r.triples(),
                    before.isEmpty() ? "-" : spread(before), ours.isEmpty() ? "-" : spread(ours), tdb.isEmpty() ? "-" : spread(tdb),
                    ours.isEmpty() || tdb.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", Bench.median(ours) / Bench.median(tdb)),
                    oxi.isEmpty() ? "-" : spread(oxi),
                    ours.isEmpty() || oxi.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", Bench.median(ours) / Bench.median(oxi))));
        }
        return t.toString();
    }

    private static String spread(List<Double> values) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return values.size() == 1 ? String.format(Locale.ROOT, "%,.0f", values.get(0))
                : String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", Bench.median(values), min, max);
    }

    private static String why(List<LoadBaselines.Figure> figures) {
        return figures.isEmpty() ? "not run" : figures.get(0).note();
    }

    private void note(String format, Object... args) {
        log.printf(Locale.ROOT, format + "%n", args);
        log.flush();
    }
}
