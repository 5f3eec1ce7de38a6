package org.pledgegraph.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.query.CatalogPage;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.store.Store;

/**
 * The catalog on an existing store, query by query: the text as written (for a paged query, its first page) against
 * the target of 100 ms; for a paged query also the whole list (its page lines removed); optionally the texts of a
 * former catalog (say, {@code git archive} of an earlier commit) on the same store in the same run, alternated with
 * the current ones; and optionally Oxigraph (npm, in memory, its own process) answering each whole list over a copy
 * of the same quads with the union of the named graphs as default graph, as our store has it. Wall time, medians
 * with min-max, after untimed warm-up rounds; and the thread's CPU time, which a busy machine disturbs less.
 */
public final class CatalogBench {
    /** The target of issue 13 for every catalog query at 10^6 triples, and for the first page at 10^7. */
    public static final double TARGET_MS = 100;
    static final int TIMEOUT_S = 60;

    public record Settings(Path store, Path queries, Optional<Path> before, int repeat, int warmup, boolean wholeLists,
            boolean oxigraph, Path work) {}

    /** Medians, min and max (ms), rows; {@code ms < 0}: not run or timed out (see note). */
    public record Timing(int rows, double ms, double min, double max, double cpuMs, String note) {
        static Timing none(String why) {
            return new Timing(-1, -1, -1, -1, -1, why);
        }

        String cell() {
            if (ms < 0) {
                return note;
            }
            return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", ms, min, max);
        }

        /** With the CPU time where there is one (not for Oxigraph's process). */
        String cellWithCpu() {
            return ms < 0 || cpuMs < 0 ? cell() : cell() + String.format(Locale.ROOT, ", CPU %.0f", cpuMs);
        }
    }

    public record Row(String name, Timing asWritten, Timing before, Timing whole, Timing wholeBefore, Timing oxigraph) {}

    private final Settings settings;
    private final PrintWriter log;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public CatalogBench(Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    public List<Row> run() throws IOException {
        Map<String, String> current = texts(settings.queries());
        Map<String, String> former = settings.before().isPresent() ? texts(settings.before().get()) : Map.of();
        List<Row> rows = new ArrayList<>();
        Map<String, String> wholeTexts = new LinkedHashMap<>();
        try (Store store = Store.open(settings.store())) {
            for (var e : current.entrySet()) {
                String name = e.getKey();
                String text = e.getValue();
                String old = former.get(name);
                Timing[] written = alternate(store, text, old, settings.repeat());
                Timing whole = Timing.none("-");
                Timing wholeBefore = Timing.none("-");
                if (CatalogPage.size(text).isPresent() && settings.wholeLists()) {
                    String all = CatalogPage.all(text);
                    wholeTexts.put(name, all);
                    // The whole lists take seconds at 10^6: fewer rounds.
                    Timing[] w = alternate(store, all, old == null ? null : CatalogPage.size(old).isPresent() ? CatalogPage.all(old) : old,
                            Math.min(settings.repeat(), 3));
                    whole = w[0];
                    wholeBefore = w[1];
                }
                rows.add(new Row(name, written[0], written[1], whole, wholeBefore, Timing.none("-")));
                log.printf(Locale.ROOT, "  %s: %s ms, rows %d%s%n", name, written[0].cell(), written[0].rows(),
                        whole.ms() >= 0 ? "; whole list " + whole.cell() + " ms, rows " + whole.rows() : "");
                log.flush();
            }
            if (settings.oxigraph() && !wholeTexts.isEmpty()) {
                Map<String, Timing> ox = oxigraph(store, wholeTexts);
                rows.replaceAll(r -> ox.containsKey(r.name())
                        ? new Row(r.name(), r.asWritten(), r.before(), r.whole(), r.wholeBefore(), ox.get(r.name())) : r);
            }
        }
        return rows;
    }

    /** The current text and, when given, the former one, round by round, after the warm-up rounds. */
    private Timing[] alternate(Store store, String text, String former, int repeat) {
        Query now = QueryRunner.parse(text, "current");
        Query then = former == null ? null : QueryRunner.parse(former, "former");
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int r = 0; r < settings.warmup() + repeat; r++) {
            double[] x = once(store, now);
            double[] y = then == null ? null : once(store, then);
            if (r >= settings.warmup()) {
                a.add(x);
                if (y != null) {
                    b.add(y);
                }
            }
            if (x == null || (then != null && y == null)) {
                // timed out: do not wait for it again
                if (x == null) {
                    a.clear();
                }
                if (then != null && y == null) {
                    b.clear();
                    then = null;
                }
                if (x == null) {
                    break;
                }
            }
        }
        return new Timing[] {summary(a), former == null ? Timing.none("-") : summary(b)};
    }

    private Timing summary(List<double[]> runs) {
        List<double[]> done = runs.stream().filter(x -> x != null).toList();
        if (done.isEmpty()) {
            return Timing.none("> " + TIMEOUT_S + " s");
        }
        List<Double> wall = done.stream().map(x -> x[0]).sorted().toList();
        List<Double> cpu = done.stream().map(x -> x[1]).sorted().toList();
        return new Timing((int) done.get(0)[2], Bench.median(wall), wall.get(0), wall.get(wall.size() - 1), Bench.median(cpu), "");
    }

    /** {wall ms, cpu ms, rows}, or null when it timed out. */
    private double[] once(Store store, Query query) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Integer rows = store.read(d -> {
            try (QueryExec exec = QueryExec.dataset(d).query(query).timeout(TIMEOUT_S, TimeUnit.SECONDS).build()) {
                RowSet rs = exec.select();
                int n = 0;
                while (rs.hasNext()) {
                    rs.next();
                    n++;
                }
                return n;
            } catch (QueryCancelledException e) {
                return null;
            } catch (RuntimeException e) {
                // Jena 5.6 can fail on closing a hash join whose build was cancelled (NPE in
                // AbstractIterHashJoin.closeSubIterator), hiding the cancellation: count it as not finished.
                log.printf("    stopped: %s%n", e);
                return null;
            }
        });
        double wall = (System.nanoTime() - t0) / 1e6;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        return rows == null ? null : new double[] {wall, cpu, rows};
    }

    /** Oxigraph over the same quads: loads an N-Quads copy, then answers each whole list (warm-up, then timed). */
    private Map<String, Timing> oxigraph(Store store, Map<String, String> queries) throws IOException {
        Map<String, Timing> out = new LinkedHashMap<>();
        Path cache = settings.work().resolve("oxigraph-cache");
        Files.createDirectories(cache);
        if (!Files.isDirectory(cache.resolve("node_modules/oxigraph"))) {
            run(List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", cache.toString(), "oxigraph@0.5.11"), 600);
            if (!Files.isDirectory(cache.resolve("node_modules/oxigraph"))) {
                queries.keySet().forEach(n -> out.put(n, Timing.none("npm could not install oxigraph")));
                return out;
            }
        }
        Path quads = settings.work().resolve("catalog-store.nq");
        store.read(d -> {
            try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(quads), 1 << 20)) {
                RDFDataMgr.write(os, d, Lang.NQUADS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        Path dir = settings.work().resolve("catalog-queries");
        Files.createDirectories(dir);
        for (var e : queries.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".rq"), e.getValue());
        }
        Path script = cache.resolve("catalog.js");
        Files.writeString(script, """
                // Loads N-Quads into an in-memory Oxigraph store, then runs each query with the union of the named
                // graphs as default graph: warm-up rounds, then timed ones; one line per query.
                const fs = require('fs');
                const path = require('path');
                const ox = require(process.argv[3] + '/node_modules/oxigraph');
                const [file, , dir, warm, rounds] = process.argv.slice(2);
                const store = new ox.Store();
                function* chunks(f) {
                  const fd = fs.openSync(f, 'r'); const buf = Buffer.alloc(1 << 24); let n;
                  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) { yield Uint8Array.from(buf.subarray(0, n)); }
                  fs.closeSync(fd);
                }
                store.load(chunks(file), { format: 'application/n-quads' });
                for (const name of fs.readdirSync(dir).filter(n => n.endsWith('.rq')).sort()) {
                  const q = fs.readFileSync(path.join(dir, name), 'utf8');
                  const times = []; let rows = 0;
                  for (let r = 0; r < Number(warm) + Number(rounds); r++) {
                    const t0 = process.hrtime.bigint();
                    const result = store.query(q, { use_default_graph_as_union: true });
                    rows = result.length;
                    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
                    if (r >= Number(warm)) times.push(ms);
                  }
                  times.sort((a, b) => a - b);
                  console.log('OXIGRAPH ' + name.replace(/\\.rq$/, '') + ' rows=' + rows + ' median=' + times[Math.floor(times.length / 2)]
                    + ' min=' + times[0] + ' max=' + times[times.length - 1]);
                }
                """);
        int rounds = Math.min(settings.repeat(), 3);
        List<String> lines = run(List.of("node", "--max-old-space-size=6144", script.toString(), quads.toString(), cache.toString(),
                dir.toString(), Integer.toString(settings.warmup()), Integer.toString(rounds)), 3600);
        for (String line : lines) {
            if (line.startsWith("OXIGRAPH ")) {
                String[] p = line.split(" ");
                out.put(p[1], new Timing(Integer.parseInt(p[2].substring(5)), Double.parseDouble(p[3].substring(7)),
                        Double.parseDouble(p[4].substring(4)), Double.parseDouble(p[5].substring(4)), -1, ""));
            }
        }
        queries.keySet().forEach(n -> out.putIfAbsent(n, Timing.none("failed: " + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)))));
        Files.deleteIfExists(quads);
        return out;
    }

    private static List<String> run(List<String> command, long boundSeconds) throws IOException {
        return BoundedProcess.run(command, boundSeconds);
    }

    /** The catalog's texts by name, sorted. */
    static Map<String, String> texts(Path dir) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                texts.put(f.getFileName().toString().replaceAll("\\.rq$", ""), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** The Markdown table: each query as written beside the target, the whole lists, the former texts, Oxigraph. */
    public static String table(List<Row> rows, boolean withBefore, boolean withOxigraph) {
        StringBuilder t = new StringBuilder();
        t.append("| query | rows (page) | ms, median (min-max) | CPU ms | target ms | met |");
        if (withBefore) {
            t.append(" before: ms (min-max), CPU |");
        }
        t.append(" whole list: rows | whole list ms (min-max) |");
        if (withBefore) {
            t.append(" before: whole list ms |");
        }
        if (withOxigraph) {
            t.append(" Oxigraph whole list ms (min-max) | ours / Oxigraph |");
        }
        t.append('\n');
        int cols = 6 + (withBefore ? 2 : 0) + 2 + (withOxigraph ? 2 : 0);
        t.append("|").append("---|".repeat(cols)).append('\n');
        for (Row r : rows) {
            Timing w = r.asWritten();
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %s |", r.name(), w.rows() < 0 ? "-" : Integer.toString(w.rows()),
                    w.cell(), w.cpuMs() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", w.cpuMs()), TARGET_MS,
                    w.ms() < 0 ? "no" : w.ms() <= TARGET_MS ? "yes" : "no"));
            if (withBefore) {
                t.append(' ').append(r.before().cellWithCpu()).append(" |");
            }
            t.append(' ').append(r.whole().rows() < 0 ? "-" : Integer.toString(r.whole().rows())).append(" | ").append(r.whole().cellWithCpu()).append(" |");
            if (withBefore) {
                t.append(' ').append(r.wholeBefore().cellWithCpu()).append(" |");
            }
            if (withOxigraph) {
                Timing o = r.oxigraph();
                t.append(' ').append(o.cell()).append(" | ").append(o.ms() > 0 && r.whole().ms() > 0
                        ? String.format(Locale.ROOT, "%.2f", r.whole().ms() / o.ms()) : "-").append(" |");
            }
            t.append('\n');
        }
        return t.toString();
    }
}
