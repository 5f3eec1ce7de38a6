package org.pledgegraph.load;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.pledgegraph.UserException;
import org.pledgegraph.activation.Materializer;
import org.pledgegraph.store.Derivation;
import org.pledgegraph.store.Store;
import org.pledgegraph.validate.Refused;
import org.pledgegraph.validate.Report;
import org.pledgegraph.validate.ValidatingDerivation;
import org.pledgegraph.validate.Validator;

/**
 * {@code load FILE... --graph IRI}: streams RDF files (any syntax Jena reads, by file extension, {@code .gz} too) into
 * one named graph through TDB2's bulk loader, then derives once, at the end. Nothing is held in memory but the
 * loader's batches. Progress goes to the given writer every few seconds: triples so far, triples/s, and an ETA from
 * the bytes read against the files' sizes.
 * <p>
 * Into a graph the store does not have yet, the files go through TDB2's default bulk loader (Jena's {@code tdb2.tdbloader}
 * default), which manages its own transactions; if parsing or deriving fails, the new graph is dropped again, so the
 * store keeps what it had. Into an existing graph they are added inside one write transaction with
 * the derivation, as plain adds, which a failure aborts as a whole. Both leave the store as it was on bad input.
 */
public final class BulkLoad {
    /** How often progress is printed. */
    static final long PROGRESS_EVERY_NANOS = 3_000_000_000L;

    public record Result(long triples, long millis, long deriveMillis, boolean bulk) {}

    private final Store store;
    private final PrintWriter progress;

    public BulkLoad(Store store, PrintWriter progress) {
        this.store = store;
        this.progress = progress;
    }

    public Result load(List<Path> files, Node graph) {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UserException("no such file: " + f);
            }
            lang(f);
        }
        if (graph == null || !graph.isURI()) {
            throw new UserException("--graph must be an IRI");
        }
        DatasetGraph dsg = store.dataset();
        boolean exists = Txn.calculateRead(dsg, () -> dsg.containsGraph(graph) && !dsg.getGraph(graph).isEmpty());
        boolean bulk = !exists && TDBInternal.isTDB2(dsg);
        long t0 = System.nanoTime();
        Progress counter = new Progress(files);
        if (bulk) {
            DataLoader loader = LoaderFactory.createLoader(dsg, graph, (fmt, args) -> {});
            loader.startBulk();
            try {
                parseAll(files, counter, loader.stream());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                dropQuietly(graph);
                throw e;
            }
            long loaded = System.nanoTime();
            try {
                // derivation (and its checks) once, for everything loaded
                deriveOnce(dsg);
            } catch (RuntimeException e) {
                dropQuietly(graph);
                throw e;
            }
            counter.done();
            if (deriveTimes != null) {
                progress.printf(Locale.ROOT, "derived: %s%n", deriveTimes);
                progress.flush();
            }
            return new Result(counter.triples, ms(t0), ms(loaded), true);
        }
        long[] loadedAt = new long[1];
        store.write(d -> {
            // plain adds in the store's write transaction, which the derivation ends
            parseAll(files, counter, org.apache.jena.riot.system.StreamRDFLib.graph(d.getGraph(graph)));
            loadedAt[0] = System.nanoTime();
        });
        counter.done();
        return new Result(counter.triples, ms(t0), ms(loadedAt[0]), false);
    }

    /**
     * What {@code store.write(d -> {})} does after the bulk load: validate everything, then derive, in one write
     * transaction. When the store's derivation validates first, the validation runs on a second thread, in a read
     * transaction, while this one derives: the loaded graph is committed already, and validation reads every graph but
     * the inferred one, which is all that the derivation writes, so both see the same data. The write commits only if
     * the report conforms; otherwise it aborts with the report, as a validation before the derivation would.
     */
    private void deriveOnce(DatasetGraph dsg) {
        Derivation derivation = store.derivation();
        var checked = derivation.find(ValidatingDerivation.class);
        if (checked.isEmpty()) {
            store.write(d -> {});
            return;
        }
        Validator validator = checked.get().validator();
        Derivation rules = checked.get().derivation();
        ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bulk-load-validation");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Report> report = checker.submit(() -> Txn.calculateRead(dsg, () -> {
                long t0 = System.nanoTime();
                Report r = validator.all(dsg);
                validateMillis = ms(t0);
                return r;
            }));
            Txn.executeWrite(dsg, () -> {
                rules.apply(dsg);
                Report r = join(report);
                if (!r.conforms()) {
                    throw new Refused(r);
                }
            });
            deriveTimes = "validation " + String.format(Locale.ROOT, "%,d", validateMillis) + " ms (beside the derivation); "
                    + rules.find(Materializer.class).flatMap(Materializer::lastFullRun).map(Object::toString).orElse("");
        } finally {
            // a derivation that failed leaves the validation to finish on its own: its read transaction ends with it
            checker.shutdown();
        }
    }

    private static Report join(Future<Report> report) {
        try {
            return report.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating the loaded data", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private volatile String deriveTimes;
    private volatile long validateMillis;

    private void dropQuietly(Node graph) {
        Txn.executeWrite(store.dataset(), () -> store.dataset().removeGraph(graph));
    }

    private static void parseAll(List<Path> files, Progress counter, StreamRDF into) {
        StreamRDF counting = new StreamRDFWrapper(into) {
            @Override
            public void triple(Triple triple) {
                super.triple(triple);
                counter.tick();
            }

            @Override
            public void quad(Quad quad) {
                // quads of a dataset syntax go into the named graph too: one load, one graph
                super.triple(quad.asTriple());
                counter.tick();
            }
        };
        for (Path f : files) {
            try (InputStream raw = counter.counted(Files.newInputStream(f));
                 InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16)) {
                RDFParser.source(in).lang(lang(f)).base(f.toAbsolutePath().toUri().toString())
                        .errorHandler(new ParseFailure(f.toString())).parse(counting);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + f + ": " + e.getMessage(), e);
            }
        }
    }

    static Lang lang(Path f) {
        String name = f.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        Lang lang = RDFLanguages.filenameToLang(name);
        if (lang == null) {
            throw new UserException(f + ": unknown RDF syntax (use a file extension such as .nt, .ttl, .nq, .trig, .rdf, .jsonld, optionally .gz)");
        }
        return lang;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Counts triples and bytes read, and prints progress every few seconds. */
    private final class Progress {
        final long totalBytes;
        final long start = System.nanoTime();
        long bytes;
        long triples;
        long lastPrint = start;

        Progress(List<Path> files) {
            long total = 0;
            for (Path f : files) {
                try {
                    total += Files.size(f);
                } catch (IOException e) {
                    total = -1;
                    break;
                }
            }
            this.totalBytes = total;
        }

        InputStream counted(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytes++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                        bytes += n;
                    }
                    return n;
                }
            };
        }

        void tick() {
            if ((++triples & 0xFFFF) == 0) {
                long now = System.nanoTime();
                if (now - lastPrint >= PROGRESS_EVERY_NANOS) {
                    lastPrint = now;
                    print(now);
                }
            }
        }

        void print(long now) {
            double seconds = (now - start) / 1e9;
            double rate = triples / Math.max(seconds, 1e-9);
            String eta = "";
            if (totalBytes > 0 && bytes > 0) {
                double left = seconds * (totalBytes - bytes) / bytes;
                eta = String.format(Locale.ROOT, ", ETA %.0f s", left);
            }
            progress.printf(Locale.ROOT, "loading: %,d triples, %,.0f triples/s%s%n", triples, rate, eta);
            progress.flush();
        }

        void done() {
            print(System.nanoTime());
        }
    }
}
