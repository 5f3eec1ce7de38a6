package org.pledgegraph.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.QueryCancelledException;
import org.pledgegraph.UserException;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.activation.CommitmentStatus;
import org.pledgegraph.query.Labels;

/**
 * {@code /commitments}: every commitment with its status as of a date (default today), filtered by guarantor, kind,
 * status and source, with the count of each status and a timeline; and "suppose": had an awaited event (the
 * ceasefire) entered into force on a date, which commitments would become active. Rendered on the server from a GET
 * form, so it works without JavaScript ({@code /assets/dashboard.js} only submits on change and draws the chart).
 * Statuses come from {@code queries/status-as-of.rq} ({@link AsOfQuery#STATUS}) read through {@code Store.query}; the
 * supposition goes through {@link Supposition}, which writes nothing.
 */
public final class CommitmentsPage extends HttpServlet {
    /** One choice of a filter. */
    public record Option(String value, String label, boolean selected) {}

    /** One status and how many commitments have it (under the other filters). */
    public record Count(String status, long n, boolean selected) {}

    /** One commitment as the table shows it; {@code before} is its status without the supposition, if that differs. */
    public record Row(Ref commitment, Ref kind, List<Ref> guarantors, String status, String activeFrom,
                      List<String> unmet, String modality, List<Ref> sources, String before) {}

    /** The model of {@code commitments.jte}. */
    public record Model(String asOf, String shownAsOf, List<Option> guarantors, List<Option> kinds,
                        List<Option> statuses, List<Option> sources, List<Option> events, String supposeOn,
                        String supposedEvent, List<Count> counts, List<Row> rows, int matching, int total,
                        List<Row> becomeActive, List<Row> timeline, String error) {}

    /** Rows shown at most; counts and the timeline cover every match. */
    static final int SHOWN = 500;

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
            model = model(asOf, supposeOn, event, filters);
        } catch (QueryCancelledException e) {
            site.page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "commitments.jte",
                    empty("The statuses took longer than the server allows (its query timeout) and were not computed."));
            return;
        }
        site.page(response, HttpServletResponse.SC_OK, "commitments.jte", model);
    }

    record Filters(String guarantor, String kind, String status, String source) {}

    Model model(LocalDate asOf, LocalDate supposeOn, String event, Filters filters) {
        // A supposition is shown as of its own date when that is later: "if it entered into force on D" asks about D.
        LocalDate shown = supposeOn != null && supposeOn.isAfter(asOf) ? supposeOn : asOf;
        Read read = site.store().query(view -> {
            List<CommitmentStatus> statuses = CommitmentStatus.from(view.select(AsOfQuery.STATUS.on(shown)));
            Map<String, List<String>> sources = new HashMap<>();
            view.select(WebQueries.get("commitment-sources")).forEachRemaining(b ->
                    sources.computeIfAbsent(b.get("commitment").getURI(), k -> new ArrayList<>()).add(b.get("source").getURI()));
            List<String> events = new ArrayList<>();
            view.select(WebQueries.get("awaited-events")).forEachRemaining(b -> events.add(b.get("event").getURI()));
            return new Read(statuses, sources, events);
        });
        String supposedEvent = event != null && read.events().contains(event) ? event
                : read.events().isEmpty() ? null : read.events().get(0);
        Map<String, String> before = new HashMap<>();
        List<CommitmentStatus> statuses = read.statuses();
        String error = null;
        if (supposeOn != null && supposedEvent != null) {
            try {
                statuses = Supposition.entryIntoForce(site.store(), supposedEvent, supposeOn, shown);
                read.statuses().forEach(s -> before.put(s.commitment(), s.status()));
            } catch (UserException e) {
                // The supposition is refused (e.g. already recorded): show the store as it is, and why.
                error = "Cannot suppose that: " + e.getMessage();
                supposeOn = null;
            }
        }
        Map<String, List<String>> sources = read.sources();
        // Filtered, counted and sorted on IRIs; only what the page shows is labelled (a store of 10^6 triples holds
        // tens of thousands of commitments).
        List<CommitmentStatus> all = statuses.stream()
                .sorted(Comparator.comparing((CommitmentStatus s) -> CommitmentStatus.STATUSES.indexOf(s.status()))
                        .thenComparing(CommitmentStatus::commitment))
                .toList();
        Predicate<CommitmentStatus> others = s -> (filters.guarantor() == null || s.guarantors().contains(filters.guarantor()))
                && (filters.kind() == null || filters.kind().equals(s.kind()))
                && (filters.source() == null || sources.getOrDefault(s.commitment(), List.of()).contains(filters.source()));
        List<CommitmentStatus> unfiltered = all.stream().filter(others).toList();
        List<CommitmentStatus> matching = unfiltered.stream()
                .filter(s -> filters.status() == null || filters.status().equals(s.status())).toList();
        List<CommitmentStatus> shownRows = matching.stream().limit(SHOWN).toList();
        List<CommitmentStatus> becoming = all.stream().filter(s -> before.containsKey(s.commitment())
                && !before.get(s.commitment()).equals(s.status()) && "active".equals(s.status())).limit(SHOWN).toList();

        Map<String, Long> byStatus = new LinkedHashMap<>();
        CommitmentStatus.STATUSES.forEach(s -> byStatus.put(s, 0L));
        unfiltered.forEach(s -> byStatus.merge(s.status(), 1L, Long::sum));
        List<Count> counts = byStatus.entrySet().stream().filter(e -> e.getValue() > 0 || e.getKey().equals(filters.status()))
                .map(e -> new Count(e.getKey(), e.getValue(), e.getKey().equals(filters.status()))).toList();

        Set<String> guarantorIris = new TreeSet<>();
        Set<String> kindIris = new TreeSet<>();
        Set<String> sourceIris = new TreeSet<>();
        all.forEach(s -> {
            guarantorIris.addAll(s.guarantors());
            kindIris.add(s.kind());
        });
        sources.values().forEach(sourceIris::addAll);
        Set<String> wanted = new TreeSet<>(read.events());
        wanted.addAll(guarantorIris);
        wanted.addAll(kindIris);
        wanted.addAll(sourceIris);
        Stream.concat(shownRows.stream(), becoming.stream()).forEach(s -> s.iris().forEach(wanted::add));
        Labels labels = site.store().query(view -> Labels.of(view, wanted));

        java.util.function.Function<CommitmentStatus, Row> toRow = s -> row(s, labels, sources.getOrDefault(s.commitment(), List.of()),
                before.containsKey(s.commitment()) && !before.get(s.commitment()).equals(s.status()) ? before.get(s.commitment()) : null);
        List<Row> rows = shownRows.stream().map(toRow).toList();
        List<Row> timeline = rows.stream().filter(r -> r.activeFrom() != null)
                .sorted(Comparator.comparing(Row::activeFrom).thenComparing(r -> r.commitment().label())).toList();
        String chosenEvent = supposedEvent;
        return new Model(asOf.toString(), shown.toString(),
                options(guarantorIris, labels, filters.guarantor()),
                options(kindIris, labels, filters.kind()),
                CommitmentStatus.STATUSES.stream().map(s -> new Option(s, s, s.equals(filters.status()))).toList(),
                options(sourceIris, labels, filters.source()),
                read.events().stream().map(e -> new Option(e, labels.of(e), e.equals(chosenEvent))).toList(),
                supposeOn == null ? null : supposeOn.toString(), supposeOn == null || supposedEvent == null ? null : labels.of(supposedEvent),
                counts, rows, matching.size(), all.size(), becoming.stream().map(toRow).toList(), timeline, error);
    }

    private record Read(List<CommitmentStatus> statuses, Map<String, List<String>> sources, List<String> events) {}

    private Row row(CommitmentStatus s, Labels labels, List<String> sources, String before) {
        return new Row(ref(s.commitment(), labels), ref(s.kind(), labels),
                s.guarantors().stream().map(g -> ref(g, labels)).toList(), s.status(), s.activeFrom(), s.unmet(),
                s.modality(), sources.stream().map(src -> ref(src, labels)).toList(), before);
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
                List.of(), 0, 0, List.of(), List.of(), error);
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
