package org.pledgegraph.activation;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.query.QueryFactory;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.StoreView;

/**
 * The dashboard question: the commitments' statuses as of a date, latest change first, a page at a time, with the
 * count of each status; without working out every commitment's status. SPARQL only (through {@link StoreView}), so it
 * answers the same over a remote store.
 * <p>
 * A status holds "since" a day: the day of the deciding withdrawal, suspension, fulfilment or lapse; for an active
 * commitment, the day it became active (for a month or year, its last day, {@code pg:activeNoLaterThan}); for an
 * undetermined one, the first day of its month or year. Pending has no such day: pending rows come last, by IRI.
 * <p>
 * How: every status that holds since a day D was reached by a triple that names D ({@code pg:activeFrom},
 * {@code pg:activeNoLaterThan}, an ending's {@code pg:occurredOn}) or the month or year starting on D. So the rows of
 * a window of days are found by index lookups of those days (a VALUES block), then their statuses by
 * {@code status-as-of.rq} over just those commitments ({@link AsOfQuery#over}). The window widens (x4) until it holds
 * a page. Counts come from three aggregates (total, begun by the date, ended by it) that need no status per row.
 */
public final class StatusListing {
    /** What to list; each null for any. IRIs are checked before they go into a query. */
    public record Filters(String guarantor, String kind, String source, String status) {
        public static final Filters NONE = new Filters(null, null, null, null);

        public Filters {
            for (String iri : new String[] {guarantor, kind, source}) {
                if (iri != null && !IRI.matcher(iri).matches()) {
                    throw new UserException("Not an IRI: \u201c" + iri + "\u201d.");
                }
            }
            if (status != null && !CommitmentStatus.STATUSES.contains(status)) {
                throw new UserException("Not a status: \u201c" + status + "\u201d (one of " + CommitmentStatus.STATUSES + ").");
            }
        }

        Filters withoutStatus() {
            return new Filters(guarantor, kind, source, null);
        }
    }

    /** One row: the commitment's status, and the day since which it holds (null for pending). */
    public record Row(CommitmentStatus status, LocalDate since) {}

    /** Where the next page starts: after this row in the listing's order (since: null for the pending rows). */
    public record Cursor(LocalDate since, String commitment) {
        public String format() {
            return (since == null ? "" : since.toString()) + "~" + commitment;
        }

        public static Cursor parse(String s) {
            int at = s == null ? -1 : s.indexOf('~');
            if (at < 0 || !IRI.matcher(s.substring(at + 1)).matches()) {
                throw new UserException("Not a page position: \u201c" + s + "\u201d.");
            }
            try {
                return new Cursor(at == 0 ? null : LocalDate.parse(s.substring(0, at)), s.substring(at + 1));
            } catch (java.time.format.DateTimeParseException e) {
                throw new UserException("Not a page position: \u201c" + s + "\u201d.");
            }
        }
    }

    /** A page: its rows, the next page's start (null at the end), and the counts of each status under the filters. */
    public record Page(List<Row> rows, Cursor next, Map<String, Long> counts, long total, long matching) {}

    /** Latest change first; pending (no day) last; then by IRI. */
    public static final Comparator<Row> ORDER = Comparator
            .comparing(Row::since, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(r -> r.status().commitment());

    static final Pattern IRI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\"{}|^`\\\\\\s]+");
    private static final String PREFIXES = "PREFIX pg: <" + Vocab.PG + ">\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
    private static final String INFERRED = "<" + Vocab.GRAPH_INFERRED + ">";
    private static final String ENDINGS = "VALUES (?endingKind ?rank ?endingStatus) { (pg:Suspension \"1\" \"suspended\") "
            + "(pg:Fulfilment \"2\" \"fulfilled\") (pg:Lapse \"3\" \"lapsed\") (pg:Withdrawal \"4\" \"withdrawn\") }";
    /** The first window, in days; it widens four times over until it holds a page, up to {@link #WIDEST}. */
    static final int FIRST_WINDOW = 16;
    static final int WIDEST = 4096;
    /** Commitments per query when the listing walks them by IRI (pending rows, or a listing no window served). */
    static final int WALK = 500;

    private StatusListing() {}

    /** The page of at most {@code size} rows after {@code after} (null: the first page), as of the date. */
    public static Page page(StoreView view, LocalDate asOf, Filters filters, int size, Cursor after) {
        Map<String, Long> counts = counts(view, asOf, filters.withoutStatus());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long matching = filters.status() == null ? total : counts.getOrDefault(filters.status(), 0L);
        long dated = filters.status() == null ? total - counts.get("pending")
                : "pending".equals(filters.status()) ? 0 : matching;
        List<Row> rows = new ArrayList<>();
        int wanted = size + 1; // one more than shown: whether there is a next page
        boolean datedDone = dated == 0 || (after != null && after.since() == null);
        if (!datedDone) {
            LocalDate end = after == null ? asOf : after.since();
            for (int days = FIRST_WINDOW; ; days *= 4) {
                // Widened first on a count of the window's commitments (lookups only), then their statuses once.
                // Every candidate has a dated status, so with neither status nor kind filtered, a window that finds as
                // many as there are dated statuses holds them all.
                boolean complete = after == null && filters.status() == null && filters.kind() == null;
                while (days < WIDEST) {
                    long found = candidateCount(view, filters, end.minusDays(days - 1L), end);
                    if (found >= wanted + wanted / 4 || (complete && found >= dated)) {
                        break;
                    }
                    days *= 2;
                }
                LocalDate start = end.minusDays(days - 1L);
                List<Row> kept = matching(window(view, asOf, filters, start, end), filters).stream()
                        .filter(r -> inWindow(r, start, end) && isAfter(r, after)).toList();
                if (kept.size() >= wanted || (after == null && kept.size() == dated)) {
                    rows.addAll(kept);
                    datedDone = true;
                    break;
                }
                if (days >= WIDEST) {
                    break; // sparse: walk them all below
                }
            }
        }
        if (!datedDone) {
            // No window held a page: every status under the filters, by walking the commitments.
            rows.addAll(walk(view, asOf, filters, null, Integer.MAX_VALUE).stream()
                    .filter(r -> isAfter(r, after)).toList());
        } else if (rows.size() < wanted && (filters.status() == null || "pending".equals(filters.status()))) {
            String from = after != null && after.since() == null ? after.commitment() : null;
            rows.addAll(walk(view, asOf, new Filters(filters.guarantor(), filters.kind(), filters.source(), "pending"),
                    from, wanted - rows.size()));
        }
        rows.sort(ORDER);
        List<Row> shown = rows.size() > size ? rows.subList(0, size) : rows;
        Row last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        Cursor next = rows.size() > size && last != null ? new Cursor(last.since(), last.status().commitment()) : null;
        return new Page(List.copyOf(shown), next, counts, total, matching);
    }

    private static boolean inWindow(Row r, LocalDate start, LocalDate end) {
        return r.since() != null && !r.since().isBefore(start) && !r.since().isAfter(end);
    }

    private static boolean isAfter(Row r, Cursor after) {
        if (after == null) {
            return true;
        }
        Comparator<LocalDate> days = Comparator.nullsLast(Comparator.<LocalDate>reverseOrder());
        int bySince = days.compare(r.since(), after.since());
        return bySince > 0 || (bySince == 0 && r.status().commitment().compareTo(after.commitment()) > 0);
    }

    private static List<Row> matching(List<Row> rows, Filters filters) {
        return rows.stream()
                .filter(r -> filters.status() == null || filters.status().equals(r.status().status()))
                .filter(r -> filters.kind() == null || filters.kind().equals(r.status().kind()))
                .toList();
    }

    /** The rows of every commitment whose status may have changed on a day of [start, end]. */
    public static List<Row> window(StoreView view, LocalDate asOf, Filters filters, LocalDate start, LocalDate end) {
        return rows(view, asOf, "{ " + candidates(filters, start, end) + " }");
    }

    /** How many commitments the window's lookups find: a cheap count (no status) that sizes the window. */
    static long candidateCount(StoreView view, Filters filters, LocalDate start, LocalDate end) {
        return number(view, "SELECT (COUNT(*) AS ?n) WHERE { " + candidates(filters, start, end) + " }");
    }

    private static String candidates(Filters filters, LocalDate start, LocalDate end) {
        StringBuilder days = new StringBuilder();
        StringBuilder periods = new StringBuilder();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            days.append('"').append(d).append("\"^^xsd:date ");
            if (d.getDayOfMonth() == 1) {
                periods.append('"').append(YearMonth.from(d)).append("\"^^xsd:gYearMonth ");
                if (d.getDayOfYear() == 1) {
                    periods.append('"').append(Year.from(d)).append("\"^^xsd:gYear ");
                }
            }
        }
        return "SELECT DISTINCT ?commitment WHERE { { VALUES ?day { " + days + "} "
                + "{ GRAPH " + INFERRED + " { ?commitment pg:activeFrom ?day } } "
                + "UNION { GRAPH " + INFERRED + " { ?commitment pg:activeNoLaterThan ?day } } "
                + "UNION { ?end pg:occurredOn ?day ; pg:occurrenceOf ?commitment } } "
                + (periods.isEmpty() ? "" : "UNION { VALUES ?period { " + periods + "} GRAPH " + INFERRED
                        + " { ?commitment pg:activeFrom ?period } } ")
                + "?commitment a pg:Commitment . " + patterns(filters) + "}";
    }

    /** Every row under the filters, in no order: what a page is a part of (the tests compare them). */
    public static List<Row> walkAll(StoreView view, LocalDate asOf, Filters filters) {
        return walk(view, asOf, filters, null, Integer.MAX_VALUE);
    }

    /** The rows of the commitments under the filters, walked by IRI after {@code from}, until {@code wanted} match. */
    static List<Row> walk(StoreView view, LocalDate asOf, Filters filters, String from, int wanted) {
        List<Row> out = new ArrayList<>();
        String after = from;
        while (out.size() < wanted) {
            String page = "{ SELECT ?commitment WHERE { ?commitment a pg:Commitment . " + patterns(filters)
                    + (after == null ? "" : "FILTER (STR(?commitment) > \"" + after + "\") ")
                    + "} ORDER BY ?commitment LIMIT " + WALK + " }";
            List<Row> all = rows(view, asOf, page);
            for (Row r : matching(all, filters)) {
                if (out.size() < wanted) {
                    out.add(r);
                }
            }
            if (all.size() < WALK) {
                break;
            }
            after = all.stream().map(r -> r.status().commitment()).max(Comparator.naturalOrder()).orElseThrow();
        }
        return out;
    }

    /** status-as-of.rq over the commitments a pattern binds, with the day since which each status holds. */
    static List<Row> rows(StoreView view, LocalDate asOf, String commitments) {
        List<CommitmentStatus> kept = CommitmentStatus.from(view.select(AsOfQuery.STATUS.over(asOf, commitments)));
        Map<String, LocalDate> ended = new HashMap<>();
        String endedIris = kept.stream().filter(s -> ENDED.contains(s.status()))
                .map(s -> "<" + s.commitment() + ">").collect(Collectors.joining(" "));
        if (!endedIris.isEmpty()) {
            view.select(QueryFactory.create(PREFIXES + "SELECT ?commitment (MAX(?on) AS ?ended) WHERE { VALUES ?commitment { "
                    + endedIris + " } " + ENDINGS + " ?end pg:occurrenceOf ?commitment ; a ?endingKind ; pg:occurredOn ?on . "
                    + "FILTER (?on <= \"" + asOf + "\"^^xsd:date) } GROUP BY ?commitment"))
                    .forEachRemaining(b -> ended.put(b.get("commitment").getURI(),
                            LocalDate.parse(b.get("ended").getLiteralLexicalForm().substring(0, 10))));
        }
        return kept.stream().map(s -> new Row(s, since(s, ended.get(s.commitment())))).toList();
    }

    private static final List<String> ENDED = List.of("suspended", "fulfilled", "withdrawn", "lapsed");

    static LocalDate since(CommitmentStatus s, LocalDate ended) {
        if (ENDED.contains(s.status())) {
            return ended;
        }
        String from = s.activeFrom();
        if (from == null || !("active".equals(s.status()) || "undetermined".equals(s.status()))) {
            return null;
        }
        boolean undetermined = "undetermined".equals(s.status());
        return switch (from.length()) {
            case 4 -> undetermined ? Year.parse(from).atDay(1) : Year.parse(from).atMonth(12).atEndOfMonth();
            case 7 -> undetermined ? YearMonth.parse(from).atDay(1) : YearMonth.parse(from).atEndOfMonth();
            default -> LocalDate.parse(from.substring(0, 10));
        };
    }

    /**
     * The count of each status under the filters (status ignored), in lifecycle order, from aggregates that need no
     * status per row: the commitments; those begun by the date (a day on or before it, or a month or year that has
     * begun: as text, "2025-12" sorts before "2025-12-15", so one comparison serves both); of those, the ones inside a
     * month or year not yet over (undetermined); and the few with an ending by the date, each with its latest.
     */
    public static Map<String, Long> counts(StoreView view, LocalDate asOf, Filters filters) {
        String f = patterns(filters);
        String day = "\"" + asOf + "\"";
        long total = number(view, "SELECT (COUNT(*) AS ?n) WHERE { ?commitment a pg:Commitment . " + f + "}");
        // COUNT(*), not COUNT(DISTINCT): rule 32 gives a commitment one pg:activeFrom (and the status query one row).
        long begun = number(view, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + INFERRED
                + " { ?commitment pg:activeFrom ?from } FILTER (STR(?from) <= " + day + ") " + f + "}");
        long undetermined = number(view, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + INFERRED
                + " { ?commitment pg:activeNoLaterThan ?by ; pg:activeFrom ?from } FILTER (STR(?by) > " + day
                + " && STR(?from) <= " + day + ") " + f + "}");
        Map<String, Long> counts = new LinkedHashMap<>();
        CommitmentStatus.STATUSES.forEach(s -> counts.put(s, 0L));
        long[] endedBegun = {0, 0}; // of the ended: begun by the date, and of those inside their month or year
        view.select(QueryFactory.create(PREFIXES + "SELECT ?commitment (MAX(CONCAT(STR(?on), \" \", ?rank, \"@\", ?endingStatus)) AS ?ending) "
                + "(SAMPLE(?from) AS ?begun) (SAMPLE(?by) AS ?sureBy) "
                + "WHERE { " + ENDINGS + " ?end pg:occurrenceOf ?commitment ; a ?endingKind ; pg:occurredOn ?on . "
                + "FILTER (?on <= " + day + "^^xsd:date) ?commitment a pg:Commitment . " + f
                + "OPTIONAL { GRAPH " + INFERRED + " { ?commitment pg:activeFrom ?from } FILTER (STR(?from) <= " + day + ") "
                + "  OPTIONAL { GRAPH " + INFERRED + " { ?commitment pg:activeNoLaterThan ?by } } } "
                + "} GROUP BY ?commitment"))
                .forEachRemaining(b -> {
                    counts.merge(b.get("ending").getLiteralLexicalForm().replaceFirst(".*@", ""), 1L, Long::sum);
                    if (b.contains("begun")) {
                        endedBegun[0]++;
                        if (b.contains("sureBy") && b.get("sureBy").getLiteralLexicalForm().compareTo(asOf.toString()) > 0) {
                            endedBegun[1]++;
                        }
                    }
                });
        long ended = counts.values().stream().mapToLong(Long::longValue).sum();
        counts.put("undetermined", undetermined - endedBegun[1]);
        counts.put("active", begun - undetermined - (endedBegun[0] - endedBegun[1]));
        counts.put("pending", total - counts.get("active") - counts.get("undetermined") - ended);
        return counts;
    }

    private static long number(StoreView view, String query) {
        var rows = view.select(QueryFactory.create(PREFIXES + query));
        return rows.hasNext() ? ((Number) rows.next().get("n").getLiteralValue()).longValue() : 0;
    }

    /** The filters as triple patterns on ?commitment (the kind: asserted, not inferred; the rows check it exactly). */
    static String patterns(Filters f) {
        StringBuilder p = new StringBuilder();
        if (f.guarantor() != null) {
            p.append("?commitment pg:committedBy <").append(f.guarantor()).append("> . ");
        }
        if (f.source() != null) {
            p.append("?commitment <http://www.w3.org/ns/prov#wasDerivedFrom> <").append(f.source()).append("> . ");
        }
        if (f.kind() != null) {
            if (f.kind().equals(Vocab.PG + "Commitment")) {
                p.append("FILTER NOT EXISTS { GRAPH ?kindGraph { ?commitment a ?specific } FILTER (?kindGraph != ")
                        .append(INFERRED).append(" && ?specific != pg:Commitment) } ");
            } else {
                p.append("GRAPH ?kindGraph { ?commitment a <").append(f.kind()).append("> } FILTER (?kindGraph != ")
                        .append(INFERRED).append(") ");
            }
        }
        return p.toString();
    }
}
