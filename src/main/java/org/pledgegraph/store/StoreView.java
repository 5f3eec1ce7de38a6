package org.pledgegraph.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * One consistent read of a store, through SPARQL only: what every backend (embedded TDB2, a remote SPARQL 1.1
 * store) can answer. Pages, reports and commands that only read ask this rather than a {@code DatasetGraph}, so they
 * work unchanged over any backend. Valid only inside {@link Store#query} or {@link Store#change}.
 */
public interface StoreView {
    /** The view of a dataset the caller holds in a transaction (the embedded store's, or a copy). */
    static StoreView of(org.apache.jena.sparql.core.DatasetGraph dsg) {
        return query -> QueryExec.dataset(dsg).query(query).build();
    }

    /**
     * Whether the store evaluates {@code LATERAL} (SPARQL 1.2, Jena): the focused rules use it to look up each subject
     * by index; without it they join with {@code VALUES}, which every SPARQL 1.1 store evaluates.
     */
    default boolean lateral() {
        return true;
    }

    /** An execution of the query; close it (try-with-resources) before the read ends. */
    QueryExec exec(Query query);

    /** The rows of a SELECT, copied, so they outlive the read. */
    default RowSet select(Query query) {
        try (QueryExec exec = exec(query)) {
            RowSet rows = exec.select();
            // Copied node by node: TDB2 resolves a binding's nodes lazily, which fails once the transaction is over.
            List<Binding> copied = new ArrayList<>();
            rows.forEachRemaining(b -> copied.add(BindingFactory.copy(b)));
            return RowSetStream.create(rows.getResultVars(), copied.iterator());
        }
    }

    default boolean ask(Query query) {
        try (QueryExec exec = exec(query)) {
            return exec.ask();
        }
    }

    /** The triples of a CONSTRUCT or DESCRIBE, copied into a fresh in-memory graph. */
    default Graph construct(Query query) {
        try (QueryExec exec = exec(query)) {
            Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            if (query.isDescribeType()) {
                exec.describeTriples().forEachRemaining(copy::add);
            } else {
                exec.constructTriples().forEachRemaining(copy::add);
            }
            return copy;
        }
    }
}
