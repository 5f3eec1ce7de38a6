package org.pledgegraph.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import java.util.Arrays;

import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.activation.CommitmentStatus;
import org.pledgegraph.activation.EventLedger;
import org.pledgegraph.activation.Hypothesis;
import org.pledgegraph.activation.StatusReport;
import org.pledgegraph.query.Labels;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.query.TextTable;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every commitment with its kind, guarantors, status as of a date beside its modality, the date it "
                + "became active (a month when the source gives no day), and for pending ones the conditions still unmet "
                + "and whether the source states them or implies them (the query queries/status-as-of.rq); with "
                + "--active, only the commitments in force, since when, and how firm (queries/active-as-of.rq).",
                "--what-if supposes occurrences without recording them: they are written in a transaction that is "
                + "aborted after the answer, so the store is unchanged."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The date asked about (default: today; with --what-if, the day after the latest supposed date).")
    String asOf;

    @Option(names = "--active", description = "List only the commitments in force on the date (queries/active-as-of.rq).")
    boolean active;

    @Option(names = "--format", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).", defaultValue = "table")
    QueryRunner.Format format;

    @Option(names = "--what-if", paramLabel = "'KIND TARGET DATE'",
            description = "Suppose an occurrence, e.g. 'entry-into-force russia-ukraine-ceasefire 2026-06-01'; repeatable.")
    List<String> whatIf = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Hypothesis> hypotheses = whatIf.stream().map(Hypothesis::parse).toList();
        LocalDate date = asOf != null ? EventLedger.parseDate(asOf)
                : hypotheses.isEmpty() ? LocalDate.now()
                : hypotheses.stream().map(Hypothesis::date).max(Comparator.naturalOrder()).orElseThrow().plusDays(1);
        try (Store store = storeOptions.open()) {
            AsOfQuery question = active ? AsOfQuery.ACTIVE : AsOfQuery.STATUS;
            RowSet rows = hypotheses.isEmpty() ? StatusReport.asOf(store, question, date)
                    : StatusReport.whatIf(store, hypotheses, question, date);
            var out = spec.commandLine().getOut();
            if (format == QueryRunner.Format.table) {
                out.println((active ? "In force on " : "Status as of ") + date + (hypotheses.isEmpty() ? "" : ", supposing " + String.join("; ", whatIf)
                        + " (nothing recorded)") + ":");
            }
            out.print(format == QueryRunner.Format.table ? table(store, rows, active) : render(rows, format));
            out.flush();
        }
        return 0;
    }

    /**
     * The table people read: labels for commitments, kinds and guarantors, status words and plain dates, sorted by
     * the commitment's label. Labels are looked up after the answer, on the store as it is: a hypothesis adds none.
     */
    static String table(Store store, RowSet rows, boolean active) {
        if (active) {
            List<Binding> inForce = new ArrayList<>();
            rows.forEachRemaining(inForce::add);
            Labels labels = store.query(view -> Labels.of(view, inForce.stream().map(b -> b.get("commitment").getURI()).toList()));
            TextTable table = new TextTable(List.of("commitment", "in force from"));
            inForce.stream()
                    .map(b -> List.of(labels.of(b.get("commitment").getURI()), b.get("activeFrom").getLiteralLexicalForm()))
                    .sorted(Comparator.comparing((List<String> cells) -> cells.get(0)))
                    .forEach(table::add);
            return table.render();
        }
        List<CommitmentStatus> statuses = CommitmentStatus.from(rows);
        Labels labels = store.query(view -> Labels.of(view, statuses.stream().flatMap(CommitmentStatus::iris).toList()));
        TextTable table = new TextTable(List.of("commitment", "kind", "guarantors", "status", "modality", "active from", "unmet conditions", "stated or implied"));
        statuses.stream()
                .map(s -> Arrays.asList(labels.of(s.commitment()), labels.of(s.kind()),
                        String.join(", ", s.guarantors().stream().map(labels::of).toList()), s.status(), s.modality(),
                        s.activeFrom(), String.join("; ", s.unmet()), s.unmetBasis()))
                .sorted(Comparator.comparing((List<String> cells) -> cells.get(0)))
                .forEach(table::add);
        return table.render();
    }

    /** CSV, TSV and JSON keep the IRIs and typed literals, for programs. */
    static String render(RowSet rows, QueryRunner.Format format) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        QueryRunner.writeRows(ResultSet.adapt(rows), format, Vocab.PREFIXES, buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
