package org.pledgegraph.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.pledgegraph.store.Derivation;
import org.pledgegraph.store.Store;
import org.pledgegraph.validate.Refused;

/**
 * The dataset Fuseki serves: the store's own, whose write transactions run the store's derivation when they commit,
 * before the commit, inside the same transaction. The store's derivation validates first (the shapes of
 * ontology/shapes/, see {@link org.pledgegraph.validate.ValidatingDerivation}): a write the shapes refuse is aborted
 * and answered 400 with the report, naming each violated shape. Every write Fuseki makes (Graph Store PUT, POST and DELETE, SPARQL
 * Update) ends with {@code commit()} on the dataset it serves, so no reader ever sees a write without its
 * consequences; if the derivation fails, the transaction is aborted and the commit throws, which Fuseki answers
 * with an error status.
 * <p>
 * Read transactions, and write transactions that end in an abort, never derive. A SPARQL Update made only of
 * {@code INSERT DATA} and {@code DELETE DATA} announces its quads ({@link #announce}), so that validation and
 * derivation can do less; any other write (a Graph Store PUT, POST or DELETE, an {@code INSERT ... WHERE}) is
 * validated on the graphs it touched, which this wrapper records as the write names them, and derived in full.
 * <p>
 * Queries are unchanged: a plain {@link DatasetGraphWrapper} is unwrapped by ARQ's {@code QueryEngineFactoryWrapper},
 * so TDB2's query engine (and its union default graph) answers them. The derivation runs on the wrapped store
 * dataset, not on this one, so its own updates are not announced back here.
 */
final class DerivingDataset extends DatasetGraphWrapper {
    /** Above this many announced quads the derivation is not told which: a full recomputation is cheaper. */
    static final int MAX_ANNOUNCED = 10_000;

    private final Store store;
    /** What this thread's write transaction is known to consist of; null: not announced, so unknown. */
    private final ThreadLocal<Announced> announced = new ThreadLocal<>();
    /** The graphs this thread's write transaction named, to write or to read from: what its validation covers. */
    private final ThreadLocal<Set<Node>> touched = ThreadLocal.withInitial(LinkedHashSet::new);

    DerivingDataset(Store store) {
        super(store.dataset());
        this.store = store;
    }

    /**
     * Tells the commit of this thread's transaction that the write consisted only of these quads added and removed
     * (or, with {@code known} false, of something else). Several announcements in one transaction add up.
     */
    void announce(boolean known, List<Quad> added, List<Quad> removed) {
        Announced prior = announced.get();
        if (prior == null) {
            prior = new Announced();
            announced.set(prior);
        }
        prior.add(known, added, removed);
    }

    @Override
    public void commit() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            boolean update = announced.get() != null;
            try {
                derive();
            } catch (Refused e) {
                forget();
                super.abort();
                String message = "The write was not applied: it violates the shapes.\n" + e.getMessage();
                if (update) {
                    // Fuseki's update servlet answers a QueryBuildException with 400 and its message (any other
                    // exception is a 500, and its own ActionErrorException would be swallowed into a 204).
                    throw new QueryBuildException(message);
                }
                // The Graph Store servlet passes an ActionErrorException through: 400 with the report.
                ServletOps.errorBadRequest(message);
            } catch (RuntimeException e) {
                // Nothing of this write may stay: abort here, whatever the caller does after a failed commit.
                forget();
                super.abort();
                throw new JenaTransactionException("The write was not applied: deriving its consequences failed: "
                        + message(e), e);
            }
        }
        forget();
        super.commit();
    }

    @Override
    public void abort() {
        forget();
        super.abort();
    }

    @Override
    public void end() {
        forget();
        super.end();
    }

    private void forget() {
        announced.remove();
        touched.remove();
    }

    private void derive() {
        Derivation derivation = store.derivation();
        Announced change = announced.get();
        DatasetGraph base = getWrapped();
        if (change != null && change.known) {
            derivation.applyAfter(base, List.copyOf(change.added), List.copyOf(change.removed));
        } else {
            derivation.applyTouching(base, List.copyOf(touched.get()));
        }
    }

    // The writes Fuseki makes name their graph through one of these: record it while a write transaction is open.

    private void touch(Node graph) {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            touched.get().add(graph == null ? Quad.defaultGraphIRI : graph);
        }
    }

    private void touchAll() {
        if (isInTransaction() && transactionMode() == ReadWrite.WRITE) {
            listGraphNodes().forEachRemaining(touched.get()::add);
            touched.get().add(Quad.defaultGraphIRI);
        }
    }

    @Override
    public Graph getGraph(Node graphNode) {
        touch(graphNode);
        return super.getGraph(graphNode);
    }

    @Override
    public Graph getDefaultGraph() {
        touch(Quad.defaultGraphIRI);
        return super.getDefaultGraph();
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        touch(graphName);
        super.addGraph(graphName, graph);
    }

    @Override
    public void removeGraph(Node graphName) {
        touch(graphName);
        super.removeGraph(graphName);
    }

    @Override
    public void add(Quad quad) {
        touch(quad.getGraph());
        super.add(quad);
    }

    @Override
    public void delete(Quad quad) {
        touch(quad.getGraph());
        super.delete(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        touch(g);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        touch(g);
        super.delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g == null || g.equals(Node.ANY) || Quad.isUnionGraph(g)) {
            touchAll();
        } else {
            touch(g);
        }
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void clear() {
        touchAll();
        super.clear();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static final class Announced {
        boolean known = true;
        final List<Quad> added = new ArrayList<>();
        final List<Quad> removed = new ArrayList<>();

        void add(boolean knownChange, List<Quad> moreAdded, List<Quad> moreRemoved) {
            if (!known) {
                return;
            }
            if (!knownChange || added.size() + removed.size() + moreAdded.size() + moreRemoved.size() > MAX_ANNOUNCED) {
                known = false;
                added.clear();
                removed.clear();
                return;
            }
            added.addAll(moreAdded);
            removed.addAll(moreRemoved);
        }
    }
}
