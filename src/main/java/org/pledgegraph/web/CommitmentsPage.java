package org.pledgegraph.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.QueryCancelledException;
import org.pledgegraph.UserException;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.pledgegraph.activation.CommitmentStatus;
import org.pledgegraph.activation.StatusListing;
import org.pledgegraph.query.Labels;
import org.pledgegraph.store.StoreView;

/**
 * {@code /commitments}: the commitments with their status as of a date (default today), latest change first, a page of
 * {@value #SHOWN} at a time ("next" goes on from the last row shown), filtered by guarantor, kind, status and source,
 * with the count of each status and a timeline; and "suppose": had an awaited event (the ceasefire) entered into force
 * on a date, which commitments would become active. Rendered on the server from a GET form, so it works without
 * JavaScript ({@code /assets/dashboard.js} only submits on change and draws the chart). The page and the counts come
 * from {@link StatusListing} (status-as-of.rq over the page's commitments only) through {@code Store.query}; the
 * supposition goes through {@link Supposition}, which writes nothing.
 */
public final class CommitmentsPage extends HttpServlet {
    /** One choice of a filter. */
    public record Option(String value, String label, boolean selected) {}

    /** One status and how many commitments have it (under the other filters). */
    public record Count(String status, long n, boolean selected) {}

    /** One commitment as the table shows it; {@code before} is its status without the supposition, if that differs. */
    public record Row(Ref commitment, Ref kind, List<Ref> guarantors, String status, String activeFrom,
                      List<String> unmet, String modality, List<Ref> sources, String before, String since) {}

    /** The model of {@code commitments.jte}. */
    public record Model(String asOf, String shownAsOf, List<Option> guarantors, List<Option> kinds,
                        List<Option> statuses, List<Option> sources, List<Option> events, String supposeOn,
                        String supposedEvent, List<Count> counts, List<Row> rows, long matching, long total,
                        List<Row> becomeActive, List<Row> timeline, String error, boolean manySources, String source,
                        String nextHref, String firstHref) {}

    /** Rows a page shows at most (latest change first); the counts cover every match. */
    static final int SHOWN = 100;
    /** Above this many sources, the source filter is a field for its IRI rather than a list. */
    static final int LISTED_SOURCES = 200;
    /** The "suppose" control offers the events most conditions await, this many. */
    static final int OFFERED_EVENTS = 50;

    private final transient Site site;

    public CommitmentsPage(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate asOf;
        LocalDate supposeOn;
        try {
            asOf = date(request.getParameter("asOf"), "date", LocalDate.now());
            supposeOn = date(request.getParameter("suppose"), "supposed date", null);
        } catch (UserException e) {
            site.page(response, HttpServletResponse.SC_BAD_REQUEST, "commitments.jte", empty(e.getMessage()));
            return;
        }
        Filters filters = new Filters(blankToNull(request.getParameter("guarantor")), blankToNull(request.getParameter("kind")),
                blankToNull(request.getParameter("status")), blankToNull(request.getParameter("source")));
        String event = blankToNull(request.getParameter("event"));
        Model model;
        try {
            StatusListing.Cursor after = request.getParameter("after") == null || request.getParameter("after").isBlank() ? null
                    : StatusListing.Cursor.parse(request.getParameter("after").strip());
            model = model(asOf, supposeOn, event, filters, after);
        } catch (UserException e) {
            site.page(response, HttpServletResponse.SC_BAD_REQUEST, "commitments.jte", empty(e.getMessage()));
            return;
        } catch (QueryCancelledException e) {
            site.page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "commitments.jte",
                    empty("The statuses took longer than the server allows (its query timeout) and were not computed."));
            return;
        }
        site.page(response, HttpServletResponse.SC_OK, "commitments.jte", model);
    }

    record Filters(String guarantor, String kind, String status, String source) {}

    Model model(LocalDate asOf, LocalDate supposeOn, String event, Filters filters, StatusListing.Cursor after) {
        // A supposition is shown as of its own date when that is later: "if it entered into force on D" asks about D.
        LocalDate shown = supposeOn != null && supposeOn.isAfter(asOf) ? supposeOn : asOf;
        StatusListing.Filters listed = new StatusListing.Filters(filters.guarantor(), filters.kind(), filters.source(), filters.status());
        Read read = site.store().query(view -> new Read(StatusListing.page(view, shown, listed, SHOWN, after),
                column(view, "dashboard-guarantors", "guarantor"), column(view, "dashboard-kinds", "kind"),
                column(view, "dashboard-sources", "source"), column(view, "awaited-events", "event")));
        String supposedEvent = event != null && read.events().contains(event) ? event
                : read.events().isEmpty() ? null : read.events().get(0);
        // The most awaited events are offered (and labelled), and the one chosen.
        List<String> offered = new ArrayList<>(read.events().subList(0, Math.min(OFFERED_EVENTS, read.events().size())));
        if (supposedEvent != null && !offered.contains(supposedEvent)) {
            offered.add(supposedEvent);
        }
        StatusListing.Page page = read.page();
        Map<String, String> before = new HashMap<>();
        List<CommitmentStatus> becoming = List.of();
        String error = null;
        if (supposeOn != null && supposedEvent != null) {
            try {
                Supposition.Outcome supposed = Supposition.entryIntoForce(site.store(), supposedEvent, supposeOn, shown, listed, SHOWN, after);
                page = supposed.page();
                becoming = supposed.becomeActive();
                Set<String> asked = new TreeSet<>();
                page.rows().forEach(r -> asked.add(r.status().commitment()));
                becoming.forEach(s -> asked.add(s.commitment()));
                before.putAll(site.store().query(view -> Supposition.statuses(view, shown, asked)));
            } catch (UserException e) {
                // The supposition is refused (e.g. already recorded): show the store as it is, and why.
                error = "Cannot suppose that: " + e.getMessage();
                supposeOn = null;
            }
        }
        List<CommitmentStatus> shownRows = page.rows().stream().map(StatusListing.Row::status).toList();
        Map<String, List<String>> sources = site.store().query(view -> sourcesOf(view, shownRows));

        List<Count> counts = page.counts().entrySet().stream().filter(e -> e.getValue() > 0 || e.getKey().equals(filters.status()))
                .map(e -> new Count(e.getKey(), e.getValue(), e.getKey().equals(filters.status()))).toList();

        boolean manySources = read.sources().size() > LISTED_SOURCES;
        Set<String> wanted = new TreeSet<>(offered);
        wanted.addAll(read.guarantors());
        wanted.addAll(read.kinds());
        if (!manySources) {
            wanted.addAll(read.sources());
        }
        Stream.concat(shownRows.stream(), becoming.stream()).forEach(s -> s.iris().forEach(wanted::add));
        sources.values().forEach(wanted::addAll);
        Labels labels = site.store().query(view -> Labels.of(view, wanted));

        Map<String, String> since = new HashMap<>();
        page.rows().forEach(r -> since.put(r.status().commitment(), r.since() == null ? null : r.since().toString()));
        java.util.function.Function<CommitmentStatus, Row> toRow = s -> row(s, labels, sources.getOrDefault(s.commitment(), List.of()),
                before.containsKey(s.commitment()) && !before.get(s.commitment()).equals(s.status()) ? before.get(s.commitment()) : null,
                since.get(s.commitment()));
        List<Row> rows = shownRows.stream().map(toRow).toList();
        List<Row> timeline = rows.stream().filter(r -> r.activeFrom() != null)
                .sorted(Comparator.comparing(Row::activeFrom).thenComparing(r -> r.commitment().label())).toList();
        String chosenEvent = supposedEvent;
        return new Model(asOf.toString(), shown.toString(),
                options(new TreeSet<>(read.guarantors()), labels, filters.guarantor()),
                options(new TreeSet<>(read.kinds()), labels, filters.kind()),
                CommitmentStatus.STATUSES.stream().map(s -> new Option(s, s, s.equals(filters.status()))).toList(),
                manySources ? List.of() : options(new TreeSet<>(read.sources()), labels, filters.source()),
                offered.stream().map(e -> new Option(e, labels.of(e), e.equals(chosenEvent))).toList(),
                supposeOn == null ? null : supposeOn.toString(), supposeOn == null || supposedEvent == null ? null : labels.of(supposedEvent),
                counts, rows, page.matching(), page.total(), becoming.stream().map(toRow).toList(), timeline, error,
                manySources, filters.source(), page.next() == null ? null : href(asOf, filters, page.next().format()),
                after == null ? null : href(asOf, filters, null));
    }

    private record Read(StatusListing.Page page, List<String> guarantors, List<String> kinds, List<String> sources,
                        List<String> events) {}

    /** The first column of a page query's rows (IRIs), in its order. */
    private static List<String> column(StoreView view, String query, String var) {
        List<String> out = new ArrayList<>();
        view.select(WebQueries.get(query)).forEachRemaining(b -> {
            if (b.contains(var) && b.get(var).isURI()) {
                out.add(b.get(var).getURI());
            }
        });
        return out;
    }

    /** The sources of the commitments shown. */
    private static Map<String, List<String>> sourcesOf(StoreView view, List<CommitmentStatus> shown) {
        Map<String, List<String>> sources = new HashMap<>();
        if (shown.isEmpty()) {
            return sources;
        }
        List<Binding> values = shown.stream()
                .map(s -> BindingFactory.binding(Var.alloc("commitment"), NodeFactory.createURI(s.commitment()))).toList();
        Query q = WebQueries.get("commitment-sources").cloneQuery();
        q.setValuesDataBlock(List.of(Var.alloc("commitment")), values);
        view.select(q).forEachRemaining(b ->
                sources.computeIfAbsent(b.get("commitment").getURI(), k -> new ArrayList<>()).add(b.get("source").getURI()));
        return sources;
    }

    private Row row(CommitmentStatus s, Labels labels, List<String> sources, String before, String since) {
        return new Row(ref(s.commitment(), labels), ref(s.kind(), labels),
                s.guarantors().stream().map(g -> ref(g, labels)).toList(), s.status(), s.activeFrom(), s.unmet(),
                s.modality(), sources.stream().map(src -> ref(src, labels)).toList(), before, since);
    }

    /** This dashboard with the same date and filters, from the start or after a row ({@code after}). */
    private static String href(LocalDate asOf, Filters f, String after) {
        StringBuilder h = new StringBuilder("/commitments?asOf=").append(asOf);
        String[][] params = {{"guarantor", f.guarantor()}, {"kind", f.kind()}, {"status", f.status()}, {"source", f.source()}, {"after", after}};
        for (String[] p : params) {
            if (p[1] != null) {
                h.append('&').append(p[0]).append('=').append(java.net.URLEncoder.encode(p[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return h.toString();
    }

    private Ref ref(String iri, Labels labels) {
        return Ref.of(site.links(), iri, labels.of(iri));
    }

    private static List<Option> options(Set<String> iris, Labels labels, String selected) {
        return iris.stream().map(iri -> new Option(iri, labels.of(iri), iri.equals(selected)))
                .sorted(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private Model empty(String error) {
        String today = LocalDate.now().toString();
        return new Model(today, today, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, List.of(),
                List.of(), 0, 0, List.of(), List.of(), error, false, null, null, null);
    }

    private static LocalDate date(String value, String what, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UserException("The " + what + " \u201c" + value + "\u201d is not a date of the form YYYY-MM-DD.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
