package org.pledgegraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
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
 * Read transactions, and write transactions that end in an abort, never derive. Every quad a write adds or removes
 * through this dataset (and the graphs it hands out, which write through it) is recorded, so that validation and
 * derivation are told the change and work from it alone ({@link Derivation#applyAfter}): Graph Store PUT, POST and
 * DELETE and SPARQL Updates of any form. A write that removes more than {@link #MAX_ANNOUNCED} quads, or clears the
 * dataset, is not listed: it is validated on the graphs it touched, which this wrapper also records, and derived in
 * full. A SPARQL Update made only of {@code INSERT DATA} and {@code DELETE DATA} also announces its quads
 * ({@link #announce}).
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
    /** What this thread's write transaction did through this dataset; null: nothing yet. */
    private final ThreadLocal<Announced> recorded = new ThreadLocal<>();
    /** The graphs this thread's write transaction named, to write or to read from: what an unlisted write's validation covers. */
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
        recorded.remove();
        touched.remove();
    }

    private void derive() {
        Derivation derivation = store.derivation();
        // What was written through this dataset; failing that (a writer that went around it), what was announced;
        // failing that, unknown: validated on the graphs touched and derived in full.
        Announced change = recorded.get() != null ? recorded.get() : announced.get();
        DatasetGraph base = getWrapped();
        if (change != null && change.known) {
            derivation.applyAfter(base, List.copyOf(change.added), List.copyOf(change.removed));
        } else {
            derivation.applyTouching(base, List.copyOf(touched.get()));
        }
    }

    // ---- recording: every write path of this dataset ends in add(Quad) / delete(Quad) / deleteAny / clear ----

    private boolean writing() {
        return isInTransaction() && transactionMode() == ReadWrite.WRITE;
    }

    private Announced recording() {
        if (!writing()) {
            return null;
        }
        Announced r = recorded.get();
        if (r == null) {
            r = new Announced();
            recorded.set(r);
        }
        return r;
    }

    private void touch(Node graph) {
        if (writing()) {
            touched.get().add(graph == null ? Quad.defaultGraphIRI : graph);
        }
    }

    private void touchAll() {
        if (writing()) {
            listGraphNodes().forEachRemaining(touched.get()::add);
            touched.get().add(Quad.defaultGraphIRI);
        }
    }

    @Override
    public void add(Quad quad) {
        touch(quad.getGraph());
        Announced r = recording();
        if (r != null && r.known && !getWrapped().contains(quad)) {
            r.add(true, List.of(quad), List.of());
        }
        super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        add(Quad.create(g, s, p, o));
    }

    @Override
    public void delete(Quad quad) {
        touch(quad.getGraph());
        Announced r = recording();
        if (r != null && r.known && getWrapped().contains(quad)) {
            r.add(true, List.of(), List.of(quad));
        }
        super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        delete(Quad.create(g, s, p, o));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g == null || g.equals(Node.ANY) || Quad.isUnionGraph(g)) {
            touchAll();
        } else {
            touch(g);
        }
        Announced r = recording();
        if (r != null && r.known) {
            List<Quad> going = new ArrayList<>();
            Iterator<Quad> it = getWrapped().find(g, s, p, o);
            while (it.hasNext() && going.size() <= MAX_ANNOUNCED) {
                going.add(it.next());
            }
            Iter.close(it);
            r.add(going.size() <= MAX_ANNOUNCED, List.of(), going);
        }
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
        super.removeGraph(graphName);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        touch(graphName);
        graph.find().forEachRemaining(t -> add(Quad.create(graphName, t)));
    }

    @Override
    public void clear() {
        touchAll();
        Announced r = recording();
        if (r != null) {
            r.add(false, List.of(), List.of());
        }
        super.clear();
    }

    /** Graphs that write through this dataset, so that their changes are recorded too (GraphView is Jena's own). */
    @Override
    public Graph getGraph(Node graphNode) {
        touch(graphNode);
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Graph getDefaultGraph() {
        touch(Quad.defaultGraphIRI);
        return GraphView.createDefaultGraph(this);
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
