package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.StoreView;

/**
 * What an entity page shows, built from the thing's description ({@link Describe}): its label and types, each of its
 * facts with the passages that state it, the links that point to it, the passages about it, and its Wikidata links
 * with their evidence. Kind-specific sections (commitment, person, summit) are added by their own classes.
 */
public record Entity(String iri, String printed, String label, String kind, List<Ref> types, String comment,
        List<Fact> facts, List<Fact> incoming, List<Passage> passages, List<WikidataLink> wikidata,
        List<Ref> formats, CommitmentSection commitment, PersonSection person, SummitSection summit,
        EventSection event) {

    /**
     * One property of the thing, its values, and the passages that state them (empty: none names them);
     * {@code derived}: every value was derived by the rules (graph inferred), so no source states it.
     */
    public record Fact(Ref property, List<Value> values, List<Passage> passages, boolean derived, int more) {}

    /** Links to a thing shown per property; a thing of the 10^6 scale may have thousands (its data has them all). */
    static final int MAX_INCOMING = 100;

    /**
     * One value: a linked thing ({@code ref}) or a literal ({@code text}, with its datatype or language as
     * {@code note}); a part the thing owns (an amount, a period) comes with its own facts in {@code details}.
     */
    public record Value(Ref ref, String text, String note, List<Fact> details) {
        public boolean isLink() {
            return ref != null;
        }
    }

    /** A Wikidata link: the item, whether verified (owl:sameAs) or a candidate, and its record's evidence. */
    public record WikidataLink(Ref item, boolean verified, String status, String method, String matchedLabel,
            String date, String evidence) {}

    private static final Set<String> NOT_FACTS = Set.of(RDF.type.getURI(), RDFS.label.getURI());
    private static final Set<String> NOT_INCOMING = Set.of(Passage.OA + "hasBody", Vocab.PG + "linkSubject");
    private static final String PG = Vocab.PG;

    /** The entity page's model; {@code description} is {@link Describe#of} of {@code iri}. */
    static Entity build(Site site, StoreView view, String iri, Graph description, java.time.LocalDate asOf) {
        Links links = site.links();
        Node thing = NodeFactory.createURI(iri);
        Set<String> iris = new HashSet<>();
        description.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                if (n.isURI()) {
                    iris.add(n.getURI());
                }
            }
        });
        Map<String, String> labels = Labels.of(view, iris);
        List<Passage> passages = Passage.about(description, thing, links, labels);

        List<Ref> types = new ArrayList<>();
        description.find(thing, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) {
                String type = t.getObject().getURI();
                // Ours by label; another vocabulary's by prefixed name (prov:Person), so that two "Person"s differ.
                types.add(Ref.of(links, type, Links.ours(type) ? labels.get(type) : Ontology.curie(type)));
            }
        });
        types.sort(Comparator.comparing(Ref::label));

        Set<String> derived = new HashSet<>();
        view.select(Describe.bound("derived", "thing", thing)).forEachRemaining(row ->
                derived.add(row.get("p").getURI() + " " + row.get("o")));
        List<Fact> facts = facts(description, thing, passages, labels, links, true, derived);
        List<Fact> incoming = incoming(description, thing, labels, links);
        List<WikidataLink> wikidata = wikidata(description, thing, labels, links);
        String comment = literal(description, thing, RDFS.comment.asNode());
        String label = labels.getOrDefault(iri, Ref.shortForm(iri));
        String kind = kindOf(iri);
        String path = Links.localPath(iri);
        List<Ref> formats = new ArrayList<>();
        for (Representation r : Representation.values()) {
            if (r.isRdf()) {
                formats.add(new Ref(iri, r.name().equals("RDFXML") ? "RDF/XML" : r.name().equals("JSONLD") ? "JSON-LD"
                        : r.name().equals("NTRIPLES") ? "N-Triples" : "Turtle", path + "." + r.suffix()));
            }
        }
        CommitmentSection commitment = "commitment".equals(kind) ? CommitmentSection.build(view, thing, links, description, labels, asOf) : null;
        PersonSection person = "person".equals(kind) ? PersonSection.build(view, thing, links) : null;
        SummitSection summit = "summit".equals(kind) ? SummitSection.build(view, thing, links) : null;
        EventSection event = "event".equals(kind) ? EventSection.build(view, thing, links, labels) : null;
        if (event != null && event.waiting().isEmpty()) {
            event = null;
        }
        return new Entity(iri, links.printed(iri), label, kind, types, comment, facts, incoming, passages, wikidata,
                formats, commitment, person, summit, event);
    }

    /** The kind of an id/ IRI: {@code person} for {@code …/id/person/x}. */
    static String kindOf(String iri) {
        if (!iri.startsWith(Vocab.ID)) {
            return "";
        }
        String rest = iri.substring(Vocab.ID.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static List<Fact> facts(Graph g, Node subject, List<Passage> passages, Map<String, String> labels,
            Links links, boolean withParts, Set<String> derived) {
        Map<String, List<Node>> byProperty = new LinkedHashMap<>();
        g.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            boolean wikidataLink = OWL.sameAs.getURI().equals(p) && t.getObject().isURI()
                    && t.getObject().getURI().startsWith(Vocab.WD);
            if (!NOT_FACTS.contains(p) && !wikidataLink && !RDFS.comment.getURI().equals(p)) {
                byProperty.computeIfAbsent(p, k -> new ArrayList<>()).add(t.getObject());
            }
        });
        List<Fact> facts = new ArrayList<>();
        byProperty.forEach((p, objects) -> {
            objects.sort(Comparator.comparing(o -> display(o, labels)));
            List<Value> values = new ArrayList<>();
            List<Passage> stating = new ArrayList<>();
            for (Node o : objects) {
                List<Fact> details = withParts && o.isURI() && !o.equals(subject) && isPart(g, o)
                        ? facts(g, o, List.of(), labels, links, false, Set.of()) : List.of();
                values.add(value(o, labels, links, details));
                for (Passage passage : passages) {
                    if (!stating.contains(passage) && passage.states(o)) {
                        stating.add(passage);
                    }
                }
            }
            boolean allDerived = objects.stream().allMatch(o -> derived.contains(p + " " + o));
            facts.add(new Fact(Ref.of(links, p, labels.get(p)), values, stating, allDerived, 0));
        });
        facts.sort(Comparator.comparing(f -> f.property().label().toLowerCase()));
        return facts;
    }

    /** A part the description holds the triples of (an amount, a condition), not an annotation's machinery. */
    private static boolean isPart(Graph g, Node o) {
        return g.contains(o, Node.ANY, Node.ANY) && !g.contains(o, Node.ANY, NodeFactory.createURI(Passage.OA + "Annotation"))
                && !g.contains(o, RDF.type.asNode(), NodeFactory.createURI(Passage.OA + "SpecificResource"))
                && !o.getURI().startsWith(Vocab.ID + "selector/");
    }

    private static List<Fact> incoming(Graph g, Node thing, Map<String, String> labels, Links links) {
        Map<String, List<Node>> byProperty = new LinkedHashMap<>();
        g.find(Node.ANY, Node.ANY, thing).forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            if (!NOT_INCOMING.contains(p) && !t.getSubject().equals(thing)) {
                byProperty.computeIfAbsent(p, k -> new ArrayList<>()).add(t.getSubject());
            }
        });
        List<Fact> facts = new ArrayList<>();
        byProperty.forEach((p, subjects) -> {
            subjects.sort(Comparator.comparing(s -> display(s, labels)));
            List<Value> values = subjects.stream().limit(MAX_INCOMING).map(s -> value(s, labels, links, List.of())).toList();
            facts.add(new Fact(Ref.of(links, p, labels.get(p)), values, List.of(), false, subjects.size() - values.size()));
        });
        facts.sort(Comparator.comparing(f -> f.property().label().toLowerCase()));
        return facts;
    }

    private static List<WikidataLink> wikidata(Graph g, Node thing, Map<String, String> labels, Links links) {
        List<WikidataLink> out = new ArrayList<>();
        for (Triple record : g.find(Node.ANY, NodeFactory.createURI(PG + "linkSubject"), thing).toList()) {
            Node r = record.getSubject();
            Node target = first(g, r, PG + "linkTarget");
            if (target == null || !target.isURI()) {
                continue;
            }
            boolean verified = g.contains(thing, OWL.sameAs.asNode(), target);
            out.add(new WikidataLink(Ref.of(links, target.getURI(), Ref.shortForm(target.getURI())), verified,
                    labelOf(first(g, r, PG + "linkStatus"), labels), labelOf(first(g, r, PG + "linkMethod"), labels),
                    literal(g, r, NodeFactory.createURI(PG + "matchedLabel")),
                    literal(g, r, NodeFactory.createURI(PG + "linkDate")),
                    literal(g, r, NodeFactory.createURI(PG + "linkEvidence"))));
        }
        // A sameAs without a record still shows.
        g.find(thing, OWL.sameAs.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(Vocab.WD)
                    && out.stream().noneMatch(w -> w.item().iri().equals(t.getObject().getURI()))) {
                out.add(new WikidataLink(Ref.of(links, t.getObject().getURI(), Ref.shortForm(t.getObject().getURI())),
                        true, null, null, null, null, null));
            }
        });
        return out;
    }

    private static String labelOf(Node n, Map<String, String> labels) {
        return n == null ? null : n.isURI() ? labels.getOrDefault(n.getURI(), Ref.shortForm(n.getURI()))
                : n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }

    private static Node first(Graph g, Node s, String p) {
        var it = g.find(s, NodeFactory.createURI(p), Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) {
                return o.getLiteralLexicalForm();
            }
        }
        return null;
    }

    static Value value(Node o, Map<String, String> labels, Links links, List<Fact> details) {
        if (o.isURI()) {
            return new Value(Ref.of(links, o.getURI(), labels.get(o.getURI())), null, null, details);
        }
        if (o.isLiteral()) {
            String dt = o.getLiteralDatatypeURI();
            String note = !o.getLiteralLanguage().isEmpty() ? (o.getLiteralLanguage().equals("en") ? null : o.getLiteralLanguage())
                    : dt == null || XSDDatatype.XSDstring.getURI().equals(dt) || RDF.dtLangString.getURI().equals(dt) ? null
                    : Ref.shortForm(dt);
            return new Value(null, o.getLiteralLexicalForm(), note, details);
        }
        return new Value(null, o.toString(), "blank node", details);
    }

    private static String display(Node n, Map<String, String> labels) {
        return n.isURI() ? labels.getOrDefault(n.getURI(), n.getURI()).toLowerCase()
                : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
