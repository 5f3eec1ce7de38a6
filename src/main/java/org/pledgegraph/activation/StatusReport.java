package org.pledgegraph.activation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import java.util.ArrayList;
import org.pledgegraph.store.Store;

/**
 * Answers a question as of a date ({@link AsOfQuery}: the status of every commitment, or those in force), on the store as it is or under hypotheses.
 * A hypothesis is recorded like a real occurrence, with the same checks and the same derivation, inside a write
 * transaction that is then aborted: the answer is computed, nothing is kept.
 */
public final class StatusReport {
    private StatusReport() {}

    public static RowSet asOf(Store store, AsOfQuery question, LocalDate date) {
        return store.query(view -> view.select(question.on(date)));
    }

    public static RowSet whatIf(Store store, List<Hypothesis> hypotheses, AsOfQuery question, LocalDate date) {
        return inAbortedWrite(store, dsg -> {
            hypotheses.forEach(h -> suppose(store, dsg, h));
            return run(dsg, question, date);
        });
    }

    /** Records a supposed occurrence, with {@code event add}'s checks and its derivation, in the caller's transaction. */
    public static void suppose(Store store, DatasetGraph dsg, Hypothesis h) {
        EventLedger.Entry supposed = EventLedger.addIn(dsg, h.kind(), h.target(), h.date(), null, "hypothesis");
        store.derivation().applyAfter(dsg, supposed.added(), supposed.removed());
    }

    /** Runs a function on changes that are never kept ({@link Store#suppose}): the store keeps nothing of it. */
    public static <T> T inAbortedWrite(Store store, Function<DatasetGraph, T> body) {
        return store.suppose(body);
    }

    private static RowSet run(DatasetGraph dsg, AsOfQuery question, LocalDate date) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(question.on(date)).build()) {
            // Copied node by node: TDB2 resolves a binding's nodes lazily, which fails once the transaction is over.
            RowSet rows = exec.select();
            List<Binding> copied = new ArrayList<>();
            rows.forEachRemaining(b -> copied.add(BindingFactory.copy(b)));
            return RowSetStream.create(rows.getResultVars(), copied.iterator());
        }
    }
}
