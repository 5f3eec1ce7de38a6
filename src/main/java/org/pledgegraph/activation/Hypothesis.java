package org.pledgegraph.activation;

import java.time.LocalDate;

import org.apache.jena.graph.Node;
import org.pledgegraph.UserException;

/** "What if KIND of TARGET occurred on DATE": one supposed occurrence, written {@code KIND TARGET DATE}. */
public record Hypothesis(OccurrenceKind kind, Node target, LocalDate date) {
    public static Hypothesis parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 3) {
            throw new UserException("--what-if '" + text + "': expected 'KIND TARGET YYYY-MM-DD', e.g. "
                    + "'entry-into-force russia-ukraine-ceasefire 2026-06-01'");
        }
        OccurrenceKind kind = OccurrenceKind.parse(parts[0]);
        return new Hypothesis(kind, EventLedger.target(kind, parts[1]), EventLedger.parseDate(parts[2]));
    }
}
