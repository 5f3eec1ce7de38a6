package org.pledgegraph.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The pledgegraph store: named graphs whose default graph, as queries see it, is the union of the named graphs; every
 * write brings the derived graphs up to date in the same atomic step. Two implementations: {@link EmbeddedStore}
 * (TDB2 on disk or in memory, the default) and {@link RemoteStore} (any SPARQL 1.1 store, through the Query, Update
 * and Graph Store protocols).
 * <p>
 * What commands, rules, checks and pages ask of it:
 * <ul>
 * <li>read: {@link #query} (SPARQL only, so every backend answers it the same way);</li>
 * <li>write a change with its derivation, atomically: {@link #change} (the change is planned by reading, then applied
 *     with what it implies in one transaction, or one Update request);</li>
 * <li>put or get graphs: {@link #putGraphs}, {@link #getGraph} ({@code load} and the Graph Store);</li>
 * <li>suppose without keeping: {@link #suppose} ({@code status --what-if});</li>
 * <li>{@link #description}, {@link #close}.</li>
 * </ul>
 * {@link #read}, {@link #write} and {@link #writeChange} hand out a {@link DatasetGraph}: native on the embedded
 * store; on a remote store they work on a copy of the whole store in memory (fine for small stores and tests, slow
 * for large ones), so new code should not use them.
 */
public interface Store extends AutoCloseable {

    /** The TDB2 store in {@code dir} (created when missing). */
    static Store open(Path dir) {
        return EmbeddedStore.open(dir);
    }

    /** An empty TDB2 store in memory. */
    static Store inMemory() {
        return EmbeddedStore.inMemory();
    }

    /** Where the store is: a directory, "in-memory", or the query URL of a remote store. */
    String description();

    void setDerivation(Derivation derivation);

    Derivation derivation();

    /**
     * Reads through SPARQL alone: the way readers (pages, reports, commands) read, since every backend answers it. On
     * the embedded store the whole function is one read transaction; on a remote store each query is answered on its
     * own (the store's own isolation).
     */
    <T> T query(Function<StoreView, T> reader);

    /**
     * Applies one change with the derivations it implies, atomically. {@code plan} reads what it needs through the view
     * (its checks) and returns the quads to add and remove; the store then applies them and derives. Embedded: the plan,
     * the change and the derivation are one write transaction. Remote: the plan's reads come first, then the change and
     * its derivation go to the store as one SPARQL Update request. A plan that throws changes nothing.
     */
    <C extends Change> C change(Function<StoreView, C> plan);

    /**
     * Replaces the named graphs given (IRI to content), then derives everything again; with {@code reset}, every other
     * graph is dropped first. What {@code load} does.
     */
    void putGraphs(Map<String, Graph> graphs, boolean reset);

    /** A copy of one named graph (empty if the store has no such graph). */
    Graph getGraph(String graphIri);

    /**
     * Runs {@code body} on the store with changes that are never kept: embedded, a write transaction that is always
     * aborted; remote, a copy of the store in memory (the store itself is not written). The body may write and run the
     * derivation; its answer must not hold on to the dataset.
     */
    <T> T suppose(Function<DatasetGraph, T> body);

    /** A consistent view as a {@link DatasetGraph}: native when embedded; a copy in memory when remote. */
    <T> T read(Function<DatasetGraph, T> reader);

    /** Any change followed by a full derivation, atomically (remote: computed on a copy, sent as one request). */
    void write(Consumer<DatasetGraph> change);

    /** Like {@link #change}, with the plan written against a {@link DatasetGraph} (remote: a copy in memory). */
    <C extends Change> C writeChange(Function<DatasetGraph, C> change);

    /** The embedded TDB2 dataset itself. Embedded store only: server internals and the benchmark. */
    default DatasetGraph dataset() {
        throw new UnsupportedOperationException(description() + " is a remote store: it has no local dataset");
    }

    default boolean isEmpty() {
        return !query(v -> v.ask(QueryFactory.create("ASK { GRAPH ?g { ?s ?p ?o } }")));
    }

    /** Named graph IRI to triple count, sorted by IRI. */
    default Map<String, Long> graphSizes() {
        Query count = QueryFactory.create("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
        return query(v -> {
            Map<String, Long> sizes = new TreeMap<>();
            v.select(count).forEachRemaining(row -> sizes.put(row.get("g").getURI(),
                    ((Number) row.get("n").getLiteralValue()).longValue()));
            return sizes;
        });
    }

    default long tripleCount() {
        return graphSizes().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    void close();
}
