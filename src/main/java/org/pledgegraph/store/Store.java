package org.pledgegraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.pledgegraph.UserException;

/**
 * The pledgegraph store: a TDB2 dataset (on disk, or in memory for {@code --mem}) whose default graph, as queries see
 * it, is the union of its named graphs. Every write goes through one transaction that also brings derived graphs up
 * to date.
 */
public final class Store implements AutoCloseable {
    private final DatasetGraph dsg;
    private final String description;
    private volatile Derivation derivation = Derivation.NONE;

    private Store(DatasetGraph dsg, String description) {
        this.dsg = dsg;
        this.description = description;
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    public static Store open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new Store(DatabaseMgr.connectDatasetGraph(Location.create(dir)), dir.toString());
        } catch (DBOpEnvException e) {
            // Another process (usually `pledgegraph serve`) holds the store.
            throw new UserException("store " + dir + " is in use by another process (is `pledgegraph serve` running? "
                    + "query it with --endpoint http://127.0.0.1:3030/pledgegraph/sparql)", e);
        } catch (java.io.IOException e) {
            throw new UserException("cannot create store directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Store inMemory() {
        return new Store(DatabaseMgr.createDatasetGraph(), "in-memory");
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    public String description() {
        return description;
    }

    public void setDerivation(Derivation derivation) {
        this.derivation = derivation == null ? Derivation.NONE : derivation;
    }

    public Derivation derivation() {
        return derivation;
    }

    /** Applies a change and the derivations it implies in one write transaction; a failure leaves the store as it was. */
    public void write(Consumer<DatasetGraph> change) {
        Txn.executeWrite(dsg, () -> {
            change.accept(dsg);
            derivation.apply(dsg);
        });
    }

    /**
     * Applies a change that reports its quads, and the derivations they imply, in one write transaction; the
     * derivation is told the quads, so it may do less than after an arbitrary change.
     */
    public <C extends Change> C writeChange(Function<DatasetGraph, C> change) {
        return Txn.calculateWrite(dsg, () -> {
            C done = change.apply(dsg);
            derivation.applyAfter(dsg, done.added(), done.removed());
            return done;
        });
    }

    /**
     * Reads through SPARQL alone, in one consistent view: the way new readers (pages, reports) should read, since
     * every backend can answer it. {@link #read} hands out the embedded dataset itself and is for the embedded store's
     * own internals.
     */
    public <T> T query(Function<StoreView, T> reader) {
        return Txn.calculateRead(dsg, () -> reader.apply(query -> QueryExec.dataset(dsg).query(query).build()));
    }

    public <T> T read(Function<DatasetGraph, T> reader) {
        return Txn.calculateRead(dsg, () -> reader.apply(dsg));
    }

    public boolean isEmpty() {
        return read(d -> !d.listGraphNodes().hasNext());
    }

    /** Named graph IRI to triple count, sorted by IRI. */
    public Map<String, Long> graphSizes() {
        return read(d -> {
            Map<String, Long> sizes = new TreeMap<>();
            d.listGraphNodes().forEachRemaining((Node g) -> sizes.put(g.getURI(), (long) d.getGraph(g).size()));
            return sizes;
        });
    }

    public long tripleCount() {
        return graphSizes().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        // TDB2 caches a connection per directory; expel it so that the lock is released for the next opener.
        TDBInternal.expel(dsg);
    }
}
