package org.pledgegraph.activation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Change;
import org.pledgegraph.store.Store;
import org.pledgegraph.store.StoreView;

/**
 * Records and retracts occurrences: "the ceasefire entered into force on 2026-06-01", "France withdrew this
 * guarantee on ...". Each occurrence is one resource, {@code id/occurrence/{target}-{kind}}, described in a graph of
 * its own, {@code graph/source/event-{target}-{kind}}, so that retracting it is dropping that graph. Every check runs
 * inside the write transaction before anything is written; a refused occurrence leaves the store as it was.
 */
public final class EventLedger {
    /** What was recorded or retracted, with the quads written or dropped (the derivation's focus comes from them). */
    public record Entry(OccurrenceKind kind, Node target, LocalDate date, Node occurrence, Node graph, List<Quad> added,
            List<Quad> removed) implements Change {}

    private static final Query WAITING = Sparql.query("""
            SELECT DISTINCT ?n WHERE {
              { ?n pg:awaitsEvent ?target }
              UNION { ?c pg:awaitsEvent ?target . ?n pg:anyOf+ ?c }
              UNION { ?c pg:awaitsEvent ?target . ?n pg:hasActivationCondition ?c }
              UNION { ?c pg:awaitsEvent ?target . ?any pg:anyOf+ ?c . ?n pg:hasActivationCondition ?any }
            }""");
    private static final Query RECORDED = Sparql.query(
            "SELECT ?o ?d WHERE { ?o pg:occurrenceOf ?t ; a ?k ; pg:occurredOn ?d } LIMIT 1");
    /**
     * When the commitments concerned were made, as rule 32 dates them: pg:dateMade, else the earliest date of a
     * statement it is stated in, else the earliest publication date of its source.
     */
    private static final String MADE = """
              OPTIONAL { ?k pg:dateMade ?dateMade }
              OPTIONAL { ?k pg:statedIn ?statement . ?statement pg:statementDate ?statedOn }
              OPTIONAL { ?k prov:wasDerivedFrom ?source . ?source pg:publicationDate ?publishedOn }
            } GROUP BY ?k""";
    private static final String MADE_SELECT =
            "SELECT ?k (SAMPLE(?dateMade) AS ?made) (MIN(STR(?statedOn)) AS ?stated) (MIN(STR(?publishedOn)) AS ?published) WHERE {";
    private static final Query COMMITMENT_MADE = Sparql.query(MADE_SELECT + " BIND(?t AS ?k)\n" + MADE);
    private static final Query AWAITING_COMMITMENTS_MADE = Sparql.query(MADE_SELECT + """
              ?c pg:awaitsEvent ?t .
              { ?k pg:hasActivationCondition ?c } UNION { ?a pg:anyOf+ ?c . ?k pg:hasActivationCondition ?a }
            """ + MADE);
    private static final Query OTHER_RECORDED = Sparql.query(
            "SELECT ?o ?d WHERE { ?o pg:occurrenceOf ?t ; a ?k ; pg:occurredOn ?d FILTER (?o != ?self) } LIMIT 1");
    private static final Query GRAPH_CONTENT = Sparql.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query GRAPH_EXISTS = Sparql.query("ASK { GRAPH ?g { ?s ?p ?o } }");
    private static final Query IS_COMMITMENT = Sparql.query("ASK { ?t a pg:Commitment }");
    private static final Query IS_KNOWN_EVENT = Sparql.query("ASK { { ?c pg:awaitsEvent ?t } UNION { ?t ?p ?o } }");

    private EventLedger() {}

    /** Parses a date given as YYYY-MM-DD; anything else is a user error. */
    public static LocalDate parseDate(String text) {
        try {
            if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", String.valueOf(text), 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserException("malformed date '" + text + "': expected YYYY-MM-DD, e.g. 2026-06-01");
        }
    }

    /** The IRI that {@code --of} names: a full IRI as given, or a slug under id/event/ or id/commitment/. */
    public static Node target(OccurrenceKind kind, String of) {
        if (of == null || of.isBlank()) {
            throw new UserException("--of needs the IRI or slug of the " + kind.targetKind());
        }
        if (of.startsWith("http://") || of.startsWith("https://")) {
            return Vocab.iri(of);
        }
        if (!of.matches("[a-z0-9][a-z0-9-]*")) {
            throw new UserException("'" + of + "' is neither an http(s) IRI nor a slug (lowercase letters, digits, '-')");
        }
        return Vocab.iri(Vocab.ID + kind.targetKind() + "/" + of);
    }

    public static Entry add(Store store, OccurrenceKind kind, String of, LocalDate date, String source, String note) {
        Node target = target(kind, of);
        return store.change(view -> planAdd(view, kind, target, date, source, note));
    }

    public static Entry remove(Store store, OccurrenceKind kind, String of) {
        Node target = target(kind, of);
        return store.change(view -> planRemove(view, kind, target));
    }

    /**
     * Records an occurrence inside the caller's write transaction. The caller then gives the entry's quads to the
     * derivation ({@link org.pledgegraph.store.Derivation#applyAfter}), as {@link Store#writeChange} does.
     */
    public static Entry addIn(DatasetGraph dsg, OccurrenceKind kind, Node target, LocalDate date, String source, String note) {
        Entry entry = planAdd(StoreView.of(dsg), kind, target, date, source, note);
        entry.added().forEach(dsg::add);
        return entry;
    }

    /** Retracts an occurrence inside the caller's write transaction: drops its graph. */
    public static Entry removeIn(DatasetGraph dsg, OccurrenceKind kind, Node target) {
        Entry entry = planRemove(StoreView.of(dsg), kind, target);
        entry.removed().forEach(dsg::delete);
        return entry;
    }

    /**
     * Checks an occurrence against the store (through SPARQL alone, so any store answers) and returns the quads that
     * record it; nothing is written. Refused with a {@link UserException} that says why.
     */
    public static Entry planAdd(StoreView view, OccurrenceKind kind, Node target, LocalDate date, String source, String note) {
        String slug = slugOf(target) + "-" + kind.option();
        Node occurrence = Vocab.iri(Vocab.ID + "occurrence/" + slug);
        Node graph = Vocab.iri(Graphs.EVENT_GRAPH_PREFIX + slug);
        checkKnown(view, kind, target);
        checkNotRecorded(view, kind, target, graph);
        checkNotBeforeMade(view, kind, target, date);

        List<Quad> quads = new ArrayList<>();
        quads.add(Quad.create(graph, occurrence, RDF.type.asNode(), Graphs.pg("Occurrence")));
        quads.add(Quad.create(graph, occurrence, RDF.type.asNode(), kind.typeNode()));
        quads.add(Quad.create(graph, occurrence, Graphs.pg("occurrenceOf"), target));
        quads.add(Quad.create(graph, occurrence, Graphs.pg("occurredOn"), xsdDate(date)));
        quads.add(Quad.create(graph, occurrence, RDFS.label.asNode(),
                NodeFactory.createLiteralLang(kind.option().replace('-', ' ') + " of " + slugOf(target) + " on " + date, "en")));
        if (source != null) {
            quads.add(Quad.create(graph, occurrence, Vocab.iri(Vocab.PROV + "wasDerivedFrom"), sourceIri(source)));
        }
        if (note != null) {
            quads.add(Quad.create(graph, occurrence, RDFS.comment.asNode(), NodeFactory.createLiteralString(note)));
        }
        return new Entry(kind, target, date, occurrence, graph, List.copyOf(quads), List.of());
    }

    /** The quads that retract a recorded occurrence: everything in its graph. Nothing is written. */
    public static Entry planRemove(StoreView view, OccurrenceKind kind, Node target) {
        String slug = slugOf(target) + "-" + kind.option();
        Node occurrence = Vocab.iri(Vocab.ID + "occurrence/" + slug);
        Node graph = Vocab.iri(Graphs.EVENT_GRAPH_PREFIX + slug);
        List<Quad> quads = new ArrayList<>();
        view.select(Sparql.bind(GRAPH_CONTENT, "g", graph)).forEachRemaining(row ->
                quads.add(Quad.create(graph, row.get("s"), row.get("p"), row.get("o"))));
        if (quads.isEmpty()) {
            throw new UserException("no " + kind.option() + " of <" + target.getURI() + "> is recorded (no graph <"
                    + graph.getURI() + ">)");
        }
        LocalDate date = quads.stream().filter(q -> q.getSubject().equals(occurrence) && q.getPredicate().equals(Graphs.pg("occurredOn")))
                .map(q -> LocalDate.parse(q.getObject().getLiteralLexicalForm())).findFirst().orElse(null);
        return new Entry(kind, target, date, occurrence, graph, List.of(), List.copyOf(quads));
    }

    /** The conditions awaiting {@code target} (and their any-of parents) and the commitments holding them. */
    public static Set<Node> waitingFor(DatasetGraph dsg, Node target) {
        return waitingFor(StoreView.of(dsg), target);
    }

    public static Set<Node> waitingFor(StoreView view, Node target) {
        Set<Node> nodes = new LinkedHashSet<>();
        view.select(Sparql.bind(WAITING, "target", target)).forEachRemaining(b -> nodes.add(b.get("n")));
        return nodes;
    }

    static void checkKnown(DatasetGraph dsg, OccurrenceKind kind, Node target) {
        checkKnown(StoreView.of(dsg), kind, target);
    }

    static void checkKnown(StoreView dsg, OccurrenceKind kind, Node target) {
        if (kind.namesCommitment()) {
            if (!Sparql.ask(dsg, IS_COMMITMENT, "t", target)) {
                throw new UserException("unknown commitment <" + target.getURI() + ">: no pg:Commitment with that IRI in the store");
            }
        } else if (!Sparql.ask(dsg, IS_KNOWN_EVENT, "t", target)) {
            throw new UserException("unknown event <" + target.getURI() + ">: nothing in the store describes or awaits it");
        }
    }

    private static void checkNotRecorded(StoreView view, OccurrenceKind kind, Node target, Node graph) {
        {
            RowSet rows = view.select(Sparql.bind(RECORDED, "t", target, "k", kind.typeNode()));
            if (rows.hasNext()) {
                var row = rows.next();
                throw new UserException(kind.option() + " of <" + target.getURI() + "> is already recorded (on "
                        + row.get("d").getLiteralLexicalForm() + ", <" + row.get("o").getURI()
                        + ">); run 'event remove' first to change it");
            }
        }
        if (view.ask(Sparql.bind(GRAPH_EXISTS, "g", graph))) {
            throw new UserException("graph <" + graph.getURI() + "> already exists; run 'event remove' first");
        }
    }

    /** No occurrence of this kind of this target but {@code self} (one written over the endpoint, already in place). */
    static void checkOnlyOne(DatasetGraph dsg, OccurrenceKind kind, Node target, Node self) {
        {
            RowSet rows = StoreView.of(dsg).select(Sparql.bind(OTHER_RECORDED, "t", target, "k", kind.typeNode(), "self", self));
            if (rows.hasNext()) {
                var row = rows.next();
                throw new UserException(kind.option() + " of <" + target.getURI() + "> is already recorded (on "
                        + row.get("d").getLiteralLexicalForm() + ", <" + row.get("o").getURI() + ">)");
            }
        }
    }

    /** An occurrence cannot precede the commitment it concerns, nor (for an awaited event) any commitment awaiting it. */
    static void checkNotBeforeMade(DatasetGraph dsg, OccurrenceKind kind, Node target, LocalDate date) {
        checkNotBeforeMade(StoreView.of(dsg), kind, target, date);
    }

    static void checkNotBeforeMade(StoreView view, OccurrenceKind kind, Node target, LocalDate date) {
        Query q = kind.namesCommitment() ? COMMITMENT_MADE : AWAITING_COMMITMENTS_MADE;
        String latestMade = null;
        Node latest = null;
        {
            RowSet rows = view.select(Sparql.bind(q, "t", target));
            while (rows.hasNext()) {
                var row = rows.next();
                String made = row.get("made") != null ? row.get("made").getLiteralLexicalForm()
                        : row.get("stated") != null ? row.get("stated").getLiteralLexicalForm()
                        : row.get("published") != null ? row.get("published").getLiteralLexicalForm() : null;
                // The latest made is the one to name: the occurrence is before it if it is before any.
                if (made != null && (latestMade == null || firstDay(made).compareTo(firstDay(latestMade)) > 0)) {
                    latestMade = made;
                    latest = row.get("k");
                }
            }
        }
        if (latestMade != null && date.toString().compareTo(firstDay(latestMade)) < 0) {
            throw new UserException(kind.option() + " on " + date + " is before <" + latest.getURI() + "> was made ("
                    + latestMade + ")");
        }
    }

    /** The first day of an xsd:date, xsd:gYearMonth or xsd:gYear lexical form. */
    private static String firstDay(String made) {
        return switch (made.length()) {
            case 4 -> made + "-01-01";
            case 7 -> made + "-01";
            default -> made.substring(0, Math.min(10, made.length()));
        };
    }

    private static Node sourceIri(String source) {
        if (!source.matches("https?://\\S+")) {
            throw new UserException("--source must be an http(s) URL, got '" + source + "'");
        }
        return Vocab.iri(source);
    }

    static Node xsdDate(LocalDate date) {
        return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
    }

    /**
     * The name an occurrence of {@code iri} takes: the slug itself for the project's own {@code id/event/{slug}} or
     * {@code id/commitment/{slug}}; for any other IRI its last segment plus a short hash of the whole IRI, so that two
     * targets ending alike never share an occurrence.
     */
    static String slugOf(Node iri) {
        String s = iri.getURI();
        String tail = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
        for (String kind : List.of("event/", "commitment/")) {
            if (s.equals(Vocab.ID + kind + tail) && tail.matches("[a-z0-9][a-z0-9-]*")) {
                return tail;
            }
        }
        String slug = tail.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "unnamed" : slug) + "-" + shortHash(s);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
