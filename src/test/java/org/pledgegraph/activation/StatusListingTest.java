package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.TestStores;

/**
 * The dashboard's listing ({@link StatusListing}) against every status worked out one by one: its pages, walked with
 * their cursors, give every row once in the order "latest change first, pending last", and its counts (from
 * aggregates) are those of the statuses, for several dates (before anything was made, inside the EU loan's month,
 * after the summit) and under each kind of filter. Small pages (4 rows) make the windows widen and the walk page.
 */
class StatusListingTest {
    @RegisterExtension
    static final TestStores.Repository repository = new TestStores.Repository();

    @Test
    void pagesAndCountsAreThoseOfEveryStatus() {
        List<StatusListing.Filters> filters = List.of(StatusListing.Filters.NONE,
                new StatusListing.Filters(null, null, null, "pending"),
                new StatusListing.Filters(Vocab.ID + "state/germany", null, null, null),
                new StatusListing.Filters(null, Vocab.PG + "Commitment", null, null),
                new StatusListing.Filters(null, Vocab.PG + "LoanCommitment", Vocab.ID + "source/coalition-summit-2026-01-07", null));
        for (LocalDate date : List.of(LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 7))) {
            for (StatusListing.Filters f : filters) {
                List<StatusListing.Row> all = repository.store().query(v -> StatusListing.walkAll(v, date,
                        new StatusListing.Filters(f.guarantor(), f.kind(), f.source(), null)));
                Map<String, Long> expectedCounts = new LinkedHashMap<>();
                CommitmentStatus.STATUSES.forEach(s -> expectedCounts.put(s, 0L));
                all.forEach(r -> expectedCounts.merge(r.status().status(), 1L, Long::sum));
                List<StatusListing.Row> expected = new ArrayList<>(all.stream()
                        .filter(r -> f.status() == null || f.status().equals(r.status().status())).toList());
                expected.sort(StatusListing.ORDER);

                List<StatusListing.Row> paged = new ArrayList<>();
                StatusListing.Cursor after = null;
                for (int guard = 0; guard < 20; guard++) {
                    StatusListing.Cursor from = after;
                    StatusListing.Page page = repository.store().query(v -> StatusListing.page(v, date, f, 4, from));
                    assertEquals(expectedCounts, page.counts(), "counts on " + date + " under " + f);
                    paged.addAll(page.rows());
                    after = page.next();
                    if (after == null) {
                        break;
                    }
                }
                assertEquals(expected, paged, "pages on " + date + " under " + f);
            }
        }
        assertTrue(repository.store().query(v -> StatusListing.walkAll(v, LocalDate.of(2026, 1, 7), StatusListing.Filters.NONE)).size() == 13);
    }
}
