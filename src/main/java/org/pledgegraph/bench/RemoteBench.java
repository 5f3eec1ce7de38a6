package org.pledgegraph.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.EventLedger;
import org.pledgegraph.activation.Materializer;
import org.pledgegraph.activation.OccurrenceKind;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.store.EmbeddedStore;
import org.pledgegraph.store.Store;

/**
 * The remote store side by side with the embedded one ({@code bench --store-url URL}): the same synthetic data loaded
 * into a fresh TDB2 store and into the store at the URL (whatever it held is dropped), then, on each, every catalog
 * query and recording and retracting one awaited event, timed alike (medians over the repetitions, after one untimed
 * round). Both run on this machine: the ratio is what going through the protocols costs.
 */
public final class RemoteBench {
    public record Row(String what, double embeddedMs, double remoteMs) {}

    private static final Query AWAITED = QueryFactory.create(
            "SELECT ?e WHERE { ?c <" + Vocab.PG + "awaitsEvent> ?e FILTER isIRI(?e) } ORDER BY ?e LIMIT 1");

    private final Path project;
    private final Path work;
    private final long seed;
    private final int repeat;
    private final PrintWriter log;

    public RemoteBench(Path project, Path work, long seed, int repeat, PrintWriter log) {
        this.project = project;
        this.work = work;
        this.seed = seed;
        this.repeat = repeat;
        this.log = log;
    }

    public List<Row> run(long target, Store remote) throws IOException {
        Files.createDirectories(work);
        Path data = work.resolve("synthetic-" + target + ".nt");
        long triples = new SyntheticData(seed).write(Math.max(1, (int) (target / 250)), data);
        Map<String, Graph> graphs = new LinkedHashMap<>();
        Graph ontology = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.list(project.resolve("ontology"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                RDFParser.source(f).lang(Lang.TURTLE).parse(ontology);
            }
        }
        graphs.put(Vocab.GRAPH_ONTOLOGY, ontology);
        graphs.put(Vocab.sourceGraph("synthetic"), RDFParser.source(data).lang(Lang.NTRIPLES).toGraph());
        log.printf("%d triples of synthetic data (%s)%n", triples, data);
        log.flush();

        Path dir = work.resolve("store-remote-bench-" + target);
        deleteTree(dir);
        List<Row> rows = new ArrayList<>();
        remote.setDerivation(Materializer.fromRules());
        try (EmbeddedStore embedded = EmbeddedStore.open(dir)) {
            embedded.setDerivation(Materializer.fromRules());
            rows.add(new Row("load + derive", once(() -> embedded.putGraphs(graphs, true)), once(() -> remote.putGraphs(graphs, true))));
            rows.addAll(compare(embedded, remote));
        } finally {
            deleteTree(dir);
        }
        return rows;
    }

    /**
     * Every catalog query and recording and retracting one awaited event, on two stores that hold the same data:
     * each repetition times the embedded store, then the remote one (the order alternates), so that both see the same
     * machine; medians after one untimed round each.
     */
    public List<Row> compare(Store embedded, Store remote) throws IOException {
        List<Row> rows = new ArrayList<>();
        Node event = embedded.query(v -> v.select(AWAITED).next().get("e"));
        String of = event.getURI();
        LocalDate on = LocalDate.of(2030, 1, 1);
        rows.add(side("event add + remove (" + of.substring(of.lastIndexOf('/') + 1) + ")",
                () -> addRemove(embedded, of, on), () -> addRemove(remote, of, on)));
        try (Stream<Path> files = Files.list(project.resolve("queries"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                Query q = QueryRunner.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
                String name = file.getFileName().toString();
                rows.add(side(name, () -> ask(embedded, q), () -> ask(remote, q)));
                log.printf("  %s done%n", name);
                log.flush();
            }
        }
        return rows;
    }

    private Row side(String what, Runnable embedded, Runnable remote) {
        embedded.run(); // warm-up, untimed
        remote.run();
        double[] a = new double[repeat];
        double[] b = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            if (i % 2 == 0) {
                a[i] = once(embedded);
                b[i] = once(remote);
            } else {
                b[i] = once(remote);
                a[i] = once(embedded);
            }
        }
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        return new Row(what, a[repeat / 2], b[repeat / 2]);
    }

    /** The geometric mean of remote / embedded over the rows: one figure for "within 2x". */
    public static double geometricMeanRatio(List<Row> rows) {
        double logSum = 0;
        for (Row r : rows) {
            logSum += Math.log(Math.max(0.001, r.remoteMs()) / Math.max(0.001, r.embeddedMs()));
        }
        return Math.exp(logSum / Math.max(1, rows.size()));
    }

    public static String table(long target, String url, List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Embedded TDB2 vs the store at %s, about %,d triples (ms, median):%n%n", url, target));
        t.append("| operation | embedded ms | remote ms | remote / embedded |\n|---|---|---|---|\n");
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", r.what(), r.embeddedMs(), r.remoteMs(),
                    r.remoteMs() / Math.max(0.001, r.embeddedMs())));
        }
        t.append(String.format(Locale.ROOT, "%nGeometric mean of remote / embedded: %.2f%n", geometricMeanRatio(rows)));
        return t.toString();
    }

    private static void addRemove(Store store, String of, LocalDate on) {
        EventLedger.add(store, OccurrenceKind.ENTRY_INTO_FORCE, of, on, null, "bench");
        EventLedger.remove(store, OccurrenceKind.ENTRY_INTO_FORCE, of);
    }

    private static void ask(Store store, Query q) {
        QueryRunner.runLocal(store, q, QueryRunner.Format.tsv, OutputStream.nullOutputStream());
    }

    private static double once(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
