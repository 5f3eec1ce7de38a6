package org.pledgegraph.web;

import java.time.LocalDate;
import java.util.List;

import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.activation.CommitmentStatus;
import org.pledgegraph.activation.Hypothesis;
import org.pledgegraph.activation.OccurrenceKind;
import org.pledgegraph.activation.StatusListing;
import org.pledgegraph.activation.StatusReport;
import org.pledgegraph.store.StoreView;
import java.util.HashMap;
import java.util.Map;
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

    /** Under the supposition: the dashboard's page, and the commitments that would become active (sorted by IRI). */
    public record Outcome(StatusListing.Page page, List<CommitmentStatus> becomeActive) {}

    /** The statuses as of {@code asOf}, supposing {@code event} entered into force on {@code on}; writes nothing. */
    public static List<CommitmentStatus> entryIntoForce(Store store, String event, LocalDate on, LocalDate asOf) {
        Hypothesis h = hypothesis(event, on);
        RowSet rows = StatusReport.whatIf(store, List.of(h), AsOfQuery.STATUS, asOf);
        return CommitmentStatus.from(rows);
    }

    /**
     * The dashboard's page as of {@code asOf}, supposing {@code event} entered into force on {@code on}, and which
     * commitments would become active: only those with a condition that awaits the event can (rules 30-32), so only
     * their statuses are asked, before and after the supposition, in the one aborted write; writes nothing.
     */
    public static Outcome entryIntoForce(Store store, String event, LocalDate on, LocalDate asOf,
            StatusListing.Filters filters, int size, StatusListing.Cursor after) {
        Hypothesis h = hypothesis(event, on);
        String awaiting = "{ SELECT DISTINCT ?commitment WHERE { ?commitment <" + Vocab.PG + "hasActivationCondition>/<"
                + Vocab.PG + "anyOf>* ?condition . ?condition <" + Vocab.PG + "awaitsEvent> <" + event + "> } }";
        return StatusReport.inAbortedWrite(store, dsg -> {
            StoreView view = StoreView.of(dsg);
            Map<String, String> before = new HashMap<>();
            CommitmentStatus.from(view.select(AsOfQuery.STATUS.over(asOf, awaiting))).forEach(s -> before.put(s.commitment(), s.status()));
            StatusReport.suppose(store, dsg, h);
            List<CommitmentStatus> becoming = CommitmentStatus.from(view.select(AsOfQuery.STATUS.over(asOf, awaiting))).stream()
                    .filter(s -> "active".equals(s.status()) && !"active".equals(before.get(s.commitment()))).toList();
            return new Outcome(StatusListing.page(view, asOf, filters, size, after), becoming);
        });
    }

    /** The status of each of these commitments as of the date, as the store is. */
    public static Map<String, String> statuses(StoreView view, LocalDate asOf, java.util.Collection<String> commitments) {
        Map<String, String> out = new HashMap<>();
        if (commitments.isEmpty()) {
            return out;
        }
        String values = commitments.stream().map(c -> "<" + c + ">").collect(java.util.stream.Collectors.joining(" "));
        CommitmentStatus.from(view.select(AsOfQuery.STATUS.over(asOf, "VALUES ?commitment { " + values + " }")))
                .forEach(s -> out.put(s.commitment(), s.status()));
        return out;
    }

    private static Hypothesis hypothesis(String event, LocalDate on) {
        if (!event.startsWith(Vocab.ID + "event/") || !event.matches("[^<>\"{}|^`\\\\\\s]+")) {
            throw new IllegalArgumentException("not an event of this store: " + event);
        }
        return new Hypothesis(OccurrenceKind.ENTRY_INTO_FORCE, Vocab.iri(event), on);
    }
}
