package org.pledgegraph.activation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.pledgegraph.store.Store;

/**
 * Answers "what is the status of every commitment as of this date", on the store as it is or under hypotheses.
 * A hypothesis is recorded like a real occurrence, with the same checks and the same derivation, inside a write
 * transaction that is then aborted: the answer is computed, nothing is kept.
 */
public final class StatusReport {
    private StatusReport() {}

    public static RowSet asOf(Store store, LocalDate date) {
        return store.read(dsg -> run(dsg, date));
    }

    public static RowSet whatIf(Store store, List<Hypothesis> hypotheses, LocalDate date) {
        return inAbortedWrite(store, dsg -> {
            for (Hypothesis h : hypotheses) {
                EventLedger.addIn(dsg, store.derivation(), h.kind(), h.target(), h.date(), null, "hypothesis");
                store.derivation().apply(dsg);
            }
            return run(dsg, date);
        });
    }

    /** Runs a function in a write transaction that is always aborted, so the store keeps nothing of it. */
    public static <T> T inAbortedWrite(Store store, Function<DatasetGraph, T> body) {
        DatasetGraph dsg = store.dataset();
        dsg.begin(ReadWrite.WRITE);
        try {
            return body.apply(dsg);
        } finally {
            if (store.derivation() instanceof Materializer m) {
                m.clearFocus();
            }
            dsg.abort();
            dsg.end();
        }
    }

    private static RowSet run(DatasetGraph dsg, LocalDate date) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(StatusQuery.asOf(date)).build()) {
            return RowSetMem.create(exec.select());
        }
    }
}
