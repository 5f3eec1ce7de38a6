package org.pledgegraph.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.activation.EventLedger;
import org.pledgegraph.activation.Hypothesis;
import org.pledgegraph.activation.StatusReport;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every commitment with its kind, guarantors, status as of a date, the date it became active, "
                + "and for pending ones the conditions still unmet (the query queries/status-as-of.rq); with --active, "
                + "only the commitments in force and since when (queries/active-as-of.rq).",
                "--what-if supposes occurrences without recording them: they are written in a transaction that is "
                + "aborted after the answer, so the store is unchanged."})
final class StatusCommand implements Callable<Integer> {
    /**
     * The project's prefixes plus {@code status:}, so that the table shows status:active rather than a long IRI. In a
     * holder class: picocli creates every command to print {@code --help}, which must not initialise Jena.
     */
    static final class TablePrefixes {
        static final PrefixMapping TABLE_PREFIXES = new PrefixMappingImpl().setNsPrefixes(Vocab.PREFIXES)
                .setNsPrefix("status", Vocab.ID + "concept/status/").lock();
    }

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
            out.print(render(rows, format));
            out.flush();
        }
        return 0;
    }

    static String render(RowSet rows, QueryRunner.Format format) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        QueryRunner.writeRows(ResultSet.adapt(rows), format, TablePrefixes.TABLE_PREFIXES, buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
