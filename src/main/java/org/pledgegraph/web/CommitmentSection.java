package org.pledgegraph.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.store.StoreView;

/**
 * The part of a commitment's page that says where it stands: who gives it to whom, its kind, modality and
 * bindingness, its status on a date (the very query of {@code status --as-of}, {@code status-as-of.rq}, asked for
 * this commitment), its conditions with their state, and its timeline.
 */
public record CommitmentSection(LocalDate asOf, String status, String activeFrom, String unmet, Ref kind,
        List<Ref> guarantors, List<Ref> beneficiaries, List<Ref> modality, List<Ref> bindingness,
        List<Condition> conditions, List<Moment> timeline) {

    /** An activation condition: its words, the event it awaits, whether the source states or implies it, when met. */
    public record Condition(Ref condition, String text, Ref event, String basis, String metOn, boolean alternative) {
        public boolean met() {
            return metOn != null;
        }
    }

    /** One dated step of the timeline; {@code date} null for what has not happened yet. */
    public record Moment(String date, String what, Ref about, boolean waiting) {}

    static CommitmentSection build(StoreView view, Node commitment, Links links, Graph description,
            Map<String, String> labels, LocalDate asOf) {
        RowSet rows = view.select(statusQuery(asOf, commitment));
        String statusWord = "unknown", activeFrom = null, unmet = null;
        Ref kind = null;
        if (rows.hasNext()) {
            Binding row = rows.next();
            statusWord = Ref.shortForm(row.get("status").getURI());
            activeFrom = row.contains("activeFrom") ? row.get("activeFrom").getLiteralLexicalForm() : null;
            unmet = row.contains("unmet") ? row.get("unmet").getLiteralLexicalForm() : null;
            if (row.contains("kind")) {
                String k = row.get("kind").getURI();
                kind = Ref.of(links, k, labels.get(k));
            }
        }

        List<Condition> conditions = new ArrayList<>();
        view.select(Describe.bound("commitment-conditions", "commitment", commitment)).forEachRemaining(row -> {
            String c = row.get("condition").getURI();
            String label = row.contains("label") ? row.get("label").getLiteralLexicalForm() : null;
            Ref event = row.contains("event") ? Ref.of(links, row.get("event").getURI(),
                    row.contains("eventLabel") ? row.get("eventLabel").getLiteralLexicalForm() : null) : null;
            String metOn = row.contains("metOn") && !after(row.get("metOn"), asOf) ? row.get("metOn").getLiteralLexicalForm() : null;
            conditions.add(new Condition(Ref.of(links, c, label),
                    row.contains("text") ? row.get("text").getLiteralLexicalForm() : null, event,
                    row.contains("basisLabel") ? row.get("basisLabel").getLiteralLexicalForm()
                            : row.contains("basis") ? Ref.shortForm(row.get("basis").getURI()) : null,
                    metOn, row.contains("parent")));
        });

        List<Moment> timeline = new ArrayList<>();
        view.select(Describe.bound("commitment-timeline", "commitment", commitment)).forEachRemaining(row -> {
            Node date = row.get("date");
            if (after(date, asOf)) {
                return;
            }
            Ref about = row.contains("about") ? Ref.of(links, row.get("about").getURI(),
                    row.contains("aboutLabel") ? row.get("aboutLabel").getLiteralLexicalForm() : null) : null;
            timeline.add(new Moment(date.getLiteralLexicalForm(), words(row.get("what").getLiteralLexicalForm()), about, false));
        });
        if ("pending".equals(statusWord)) {
            for (Condition c : conditions) {
                if (!c.met()) {
                    timeline.add(new Moment(null, "Waits for: " + (c.text() != null ? c.text() : c.condition().label()),
                            c.event(), true));
                }
            }
        }
        return new CommitmentSection(asOf, statusWord, activeFrom, unmet, kind,
                refs(description, commitment, "committedBy", links, labels),
                refs(description, commitment, "beneficiary", links, labels),
                refs(description, commitment, "modality", links, labels),
                refs(description, commitment, "bindingness", links, labels), conditions, timeline);
    }

    /**
     * status-as-of.rq for the date, asked of one commitment: its IRI bound in place of the page ({@link AsOfQuery#of}),
     * so that every lookup starts from it. StatusQueryTest checks it gives the rows of the whole query.
     */
    static Query statusQuery(LocalDate asOf, Node commitment) {
        return AsOfQuery.STATUS.of(asOf, commitment.getURI());
    }

    private static boolean after(Node date, LocalDate asOf) {
        try {
            return date != null && date.isLiteral() && date.getLiteralLexicalForm().length() == 10
                    && LocalDate.parse(date.getLiteralLexicalForm()).isAfter(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String words(String what) {
        return switch (what) {
            case "made" -> "Made";
            case "condition-met" -> "Condition met";
            case "active" -> "Became active";
            case "EntryIntoForce" -> "Entry into force recorded";
            case "Withdrawal" -> "Withdrawn";
            case "Suspension" -> "Suspended";
            case "Fulfilment" -> "Fulfilled";
            case "Lapse" -> "Lapsed";
            default -> what;
        };
    }

    private static List<Ref> refs(Graph g, Node s, String pgLocal, Links links, Map<String, String> labels) {
        List<Ref> out = new ArrayList<>();
        g.find(s, NodeFactory.createURI(Vocab.PG + pgLocal), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) {
                out.add(Ref.of(links, t.getObject().getURI(), labels.get(t.getObject().getURI())));
            }
        });
        out.sort(java.util.Comparator.comparing(Ref::label));
        return out;
    }
}
