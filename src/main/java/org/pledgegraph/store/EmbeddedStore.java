package org.pledgegraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;

/**
 * The embedded store: a TDB2 dataset (on disk, or in memory for {@code --mem}) whose default graph, as queries see
 * it, is the union of its named graphs. Every write goes through one transaction that also brings derived graphs up
 * to date.
 */
public final class EmbeddedStore implements Store {
    private final DatasetGraph dsg;
    private final String description;
    private volatile Derivation derivation = Derivation.NONE;

    private EmbeddedStore(DatasetGraph dsg, String description) {
        this.dsg = dsg;
        this.description = description;
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    public static EmbeddedStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new EmbeddedStore(DatabaseMgr.connectDatasetGraph(Location.create(dir)), dir.toString());
        } catch (DBOpEnvException e) {
            // Another process (usually `pledgegraph serve`) holds the store.
            throw new UserException(ServedStore.inUseMessage(dir), e);
        } catch (java.io.IOException e) {
            throw new UserException("cannot create store directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public static EmbeddedStore inMemory() {
        return new EmbeddedStore(DatabaseMgr.createDatasetGraph(), "in-memory");
    }

    @Override
    public DatasetGraph dataset() {
        return dsg;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void setDerivation(Derivation derivation) {
        this.derivation = derivation == null ? Derivation.NONE : derivation;
    }

    @Override
    public Derivation derivation() {
        return derivation;
    }

    @Override
    public <T> T query(Function<StoreView, T> reader) {
        return Txn.calculateRead(dsg, () -> reader.apply(StoreView.of(dsg)));
    }

    @Override
    public <C extends Change> C change(Function<StoreView, C> plan) {
        return Txn.calculateWrite(dsg, () -> {
            C done = plan.apply(StoreView.of(dsg));
            done.removed().forEach(dsg::delete);
            done.added().forEach(dsg::add);
            derivation.applyAfter(dsg, done.added(), done.removed());
            return done;
        });
    }

    @Override
    public void putGraphs(Map<String, Graph> graphs, boolean reset) {
        write(d -> {
            if (reset) {
                d.clear();
            }
            graphs.forEach((name, graph) -> {
                d.removeGraph(Vocab.iri(name));
                d.addGraph(Vocab.iri(name), graph);
            });
        });
    }

    @Override
    public Graph getGraph(String graphIri) {
        return read(d -> {
            Graph copy = GraphFactory.createDefaultGraph();
            d.getGraph(Vocab.iri(graphIri)).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    @Override
    public <T> T suppose(Function<DatasetGraph, T> body) {
        dsg.begin(ReadWrite.WRITE);
        try {
            return body.apply(dsg);
        } finally {
            dsg.abort();
            dsg.end();
        }
    }

    /** Applies a change and the derivations it implies in one write transaction; a failure leaves the store as it was. */
    @Override
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
    @Override
    public <C extends Change> C writeChange(Function<DatasetGraph, C> change) {
        return Txn.calculateWrite(dsg, () -> {
            C done = change.apply(dsg);
            derivation.applyAfter(dsg, done.added(), done.removed());
            return done;
        });
    }

    @Override
    public <T> T read(Function<DatasetGraph, T> reader) {
        return Txn.calculateRead(dsg, () -> reader.apply(dsg));
    }

    @Override
    public boolean isEmpty() {
        return read(d -> !d.listGraphNodes().hasNext());
    }

    /** Named graph IRI to triple count, sorted by IRI (TDB2 counts a graph faster than a GROUP BY does). */
    @Override
    public Map<String, Long> graphSizes() {
        return read(d -> {
            Map<String, Long> sizes = new TreeMap<>();
            d.listGraphNodes().forEachRemaining((Node g) -> sizes.put(g.getURI(), (long) d.getGraph(g).size()));
            return sizes;
        });
    }

    @Override
    public void close() {
        // TDB2 caches a connection per directory; expel it so that the lock is released for the next opener.
        TDBInternal.expel(dsg);
    }
}
