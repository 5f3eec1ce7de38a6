package org.pledgegraph.web;

import java.time.LocalDate;
import java.util.List;

import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.activation.CommitmentStatus;
import org.pledgegraph.activation.Hypothesis;
import org.pledgegraph.activation.OccurrenceKind;
import org.pledgegraph.activation.StatusReport;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

/**
 * The dashboard's "suppose" control: every commitment's status as of a date, had an awaited event entered into force
 * on another. This is the one place the pages use the embedded store's write path: the hypothesis is recorded and
 * derived in a write transaction that is always aborted ({@link StatusReport#whatIf}), so nothing is kept. Kept to
 * this one small class so that the store seam can take it over (a remote store would answer it differently).
 */
public final class Supposition {
    private Supposition() {}

    /** The statuses as of {@code asOf}, supposing {@code event} entered into force on {@code on}; writes nothing. */
    public static List<CommitmentStatus> entryIntoForce(Store store, String event, LocalDate on, LocalDate asOf) {
        if (!event.startsWith(Vocab.ID + "event/")) {
            throw new IllegalArgumentException("not an event of this store: " + event);
        }
        Hypothesis h = new Hypothesis(OccurrenceKind.ENTRY_INTO_FORCE, Vocab.iri(event), on);
        RowSet rows = StatusReport.whatIf(store, List.of(h), AsOfQuery.STATUS, asOf);
        return CommitmentStatus.from(rows);
    }
}
