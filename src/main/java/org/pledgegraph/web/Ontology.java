package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.StoreView;

/**
 * The ontology page's model: every pg: class and property with label, definition, domain, range, super-terms,
 * alignments (super-terms, equivalents and matches outside pg:) and example instances from the data, plus the class
 * diagram. Terms are anchored by local name, so {@code /ontology#Commitment} is the term
 * {@code https://w3id.org/pledgegraph/ontology#Commitment}.
 */
public record Ontology(String title, String description, String version, Ref license, String modified,
        List<Term> classes, List<Term> properties, ClassDiagram diagram, List<Ref> formats) {

    public record Term(String anchor, String iri, String kind, String label, String definition, List<Ref> domain,
            List<Ref> range, List<Ref> superTerms, List<Ref> subTerms, List<Ref> alignments, List<Ref> inverse,
            List<Ref> examples) {}

    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    static Ontology build(Site site, StoreView view) {
        Links links = site.links();
        Map<String, String[]> terms = new LinkedHashMap<>();
        view.select(WebQueries.get("ontology-terms")).forEachRemaining(row -> terms.put(row.get("term").getURI(),
                new String[] {PersonSection.text(row, "kind"), PersonSection.text(row, "label"), PersonSection.text(row, "comment")}));
        Map<String, Map<String, List<String>>> relations = new LinkedHashMap<>();
        Set<String> iris = new HashSet<>(terms.keySet());
        view.select(WebQueries.get("ontology-relations")).forEachRemaining(row -> {
            String other = row.get("other").getURI();
            iris.add(other);
            relations.computeIfAbsent(row.get("term").getURI(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get("relation").getURI(), k -> new ArrayList<>()).add(other);
        });
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (String term : terms.keySet()) {
            List<String> found = new ArrayList<>();
            view.select(Describe.bound("ontology-examples", "term", NodeFactory.createURI(term)))
                    .forEachRemaining(row -> found.add(row.get("example").getURI()));
            examples.put(term, found);
            iris.addAll(found);
        }
        Map<String, String> labels = Labels.of(view, iris);

        Map<String, List<String>> subs = new LinkedHashMap<>();
        relations.forEach((term, rel) -> {
            for (String relation : List.of(RDFS + "subClassOf", RDFS + "subPropertyOf")) {
                rel.getOrDefault(relation, List.of()).forEach(sup -> subs.computeIfAbsent(sup, k -> new ArrayList<>()).add(term));
            }
        });
        List<Term> classes = new ArrayList<>();
        List<Term> properties = new ArrayList<>();
        terms.forEach((iri, t) -> {
            Map<String, List<String>> rel = relations.getOrDefault(iri, Map.of());
            List<String> supers = new ArrayList<>(rel.getOrDefault(RDFS + "subClassOf", List.of()));
            supers.addAll(rel.getOrDefault(RDFS + "subPropertyOf", List.of()));
            List<String> aligned = new ArrayList<>(supers.stream().filter(s -> !s.startsWith(Vocab.PG)).toList());
            for (String r : List.of("http://www.w3.org/2002/07/owl#equivalentClass", "http://www.w3.org/2002/07/owl#equivalentProperty",
                    "http://www.w3.org/2004/02/skos/core#exactMatch", "http://www.w3.org/2004/02/skos/core#closeMatch",
                    "http://www.w3.org/2004/02/skos/core#broadMatch", "http://www.w3.org/2004/02/skos/core#narrowMatch",
                    "http://www.w3.org/2004/02/skos/core#relatedMatch")) {
                aligned.addAll(rel.getOrDefault(r, List.of()));
            }
            Term term = new Term(iri.substring(Vocab.PG.length()), links.printed(iri), t[0],
                    t[1] == null ? iri.substring(Vocab.PG.length()) : t[1], t[2],
                    refs(rel.getOrDefault(RDFS + "domain", List.of()), labels, links),
                    refs(rel.getOrDefault(RDFS + "range", List.of()), labels, links),
                    refs(supers.stream().filter(s -> s.startsWith(Vocab.PG)).toList(), labels, links),
                    refs(subs.getOrDefault(iri, List.of()), labels, links), refs(aligned, labels, links),
                    refs(rel.getOrDefault("http://www.w3.org/2002/07/owl#inverseOf", List.of()), labels, links),
                    refs(examples.getOrDefault(iri, List.of()), labels, links));
            ("class".equals(t[0]) ? classes : properties).add(term);
        });

        String title = "pledgegraph ontology", description = null, version = null, modified = null;
        Ref license = null;
        var header = view.select(WebQueries.get("ontology-header"));
        if (header.hasNext()) {
            Binding row = header.next();
            title = PersonSection.text(row, "title") != null ? PersonSection.text(row, "title") : title;
            description = PersonSection.text(row, "description");
            version = PersonSection.text(row, "version");
            modified = PersonSection.text(row, "modified");
            license = PersonSection.ref(row, "license", null, links);
        }
        return new Ontology(title, description, version, license, modified, classes, properties,
                ClassDiagram.of(classes), ThingPages.formats("/ontology"));
    }

    /** A term outside pg: shows as prefix:local (prov:Agent); ours by label. */
    private static List<Ref> refs(List<String> iris, Map<String, String> labels, Links links) {
        List<Ref> out = new ArrayList<>();
        for (String iri : iris) {
            String label = iri.startsWith(Vocab.BASE) ? labels.get(iri) : curie(iri);
            out.add(Ref.of(links, iri, label));
        }
        return out;
    }

    static String curie(String iri) {
        String shortForm = RdfAnswer.prefixes().shortForm(iri);
        return shortForm.equals(iri) ? null : shortForm;
    }
}
