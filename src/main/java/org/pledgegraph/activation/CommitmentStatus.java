package org.pledgegraph.activation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.Vocab;

/**
 * One row of {@code queries/status-as-of.rq} ({@link AsOfQuery#STATUS}) as values: the commitment, its kind, its
 * guarantors' IRIs (the query gives id paths), the status word, the date it became active, the unmet conditions and
 * the modality. The terminal table and the dashboard read the same rows.
 */
public record CommitmentStatus(String commitment, String kind, List<String> guarantors, String status,
                               LocalDate activeFrom, List<String> unmet, String modality) {
    /** The status concepts' namespace; a status is named by its last segment (pending, active, ...). */
    public static final String STATUS_NS = Vocab.ID + "concept/status/";
    /** Every status, in lifecycle order. */
    public static final List<String> STATUSES = List.of("pending", "active", "suspended", "fulfilled", "withdrawn", "lapsed");

    public static List<CommitmentStatus> from(RowSet rows) {
        List<CommitmentStatus> all = new ArrayList<>();
        rows.forEachRemaining(row -> all.add(from(row)));
        return all;
    }

    static CommitmentStatus from(Binding row) {
        String status = iri(row, "status");
        return new CommitmentStatus(
                iri(row, "commitment"),
                iri(row, "kind"),
                split(text(row, "guarantors"), ", ").map(path -> Vocab.ID + path).toList(),
                status == null ? null : status.startsWith(STATUS_NS) ? status.substring(STATUS_NS.length()) : status,
                date(row, "activeFrom"),
                split(text(row, "unmet"), " | ").toList(),
                text(row, "modality"));
    }

    /** The IRIs this row names (commitment, kind, guarantors): what a table needs labels for. */
    public Stream<String> iris() {
        return Stream.concat(Stream.of(commitment, kind), guarantors.stream());
    }

    private static String iri(Binding row, String var) {
        Node n = row.get(var);
        return n != null && n.isURI() ? n.getURI() : null;
    }

    private static String text(Binding row, String var) {
        Node n = row.get(var);
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }

    private static LocalDate date(Binding row, String var) {
        String lexical = text(row, var);
        return lexical == null ? null : LocalDate.parse(lexical);
    }

    private static Stream<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? Stream.empty()
                : Arrays.stream(joined.split(java.util.regex.Pattern.quote(separator))).filter(s -> !s.isEmpty());
    }
}
