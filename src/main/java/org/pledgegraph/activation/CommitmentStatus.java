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
 * the modality, and whether the source states or only implies the unmet conditions. The terminal table and the dashboard read the same rows. Columns are read by name, so the query
 * may gain or reorder columns. {@code activeFrom} is the date's lexical form as the data gives it: a day
 * ({@code 2026-01-06}), or a month or year where the source is no more precise ({@code 2025-12}).
 */
public record CommitmentStatus(String commitment, String kind, List<String> guarantors, String status,
                               String activeFrom, List<String> unmet, String modality, String unmetBasis) {
    /** The status concepts' namespace; a status is named by its last segment (pending, active, ...). */
    public static final String STATUS_NS = Vocab.ID + "concept/status/";
    /** Every status, in lifecycle order. */
    public static final List<String> STATUSES = List.of("pending", "undetermined", "active", "suspended", "fulfilled", "withdrawn", "lapsed");

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
                text(row, "activeFrom"),
                split(text(row, "unmet"), " | ").toList(),
                text(row, "modality"),
                text(row, "unmetBasis"));
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

    /** The first day that {@code activeFrom} can mean (a month's or year's first day), for sorting and charts. */
    public LocalDate activeFromDay() {
        if (activeFrom == null) {
            return null;
        }
        String day = switch (activeFrom.length()) {
            case 4 -> activeFrom + "-01-01";
            case 7 -> activeFrom + "-01";
            default -> activeFrom.substring(0, 10);
        };
        return LocalDate.parse(day);
    }

    private static Stream<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? Stream.empty()
                : Arrays.stream(joined.split(java.util.regex.Pattern.quote(separator))).filter(s -> !s.isEmpty());
    }
}
