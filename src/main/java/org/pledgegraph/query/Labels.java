package org.pledgegraph.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.StoreView;

/**
 * The names people read for IRIs: rdfs:label, else skos:prefLabel (English or untagged first), else the IRI's own
 * name (an id path, a prefixed name). Looked up in one query for a whole table (a few for a very long one), through the store's
 * SPARQL view, so that it works on every backend.
 */
public final class Labels {
    private final Map<String, String> names;

    private Labels(Map<String, String> names) {
        this.names = names;
    }

    public static Labels none() {
        return new Labels(Map.of());
    }

    private static final Var THING = Var.alloc("s");
    private static final int CHUNK = 2000;
    private static final Query LABELS = QueryFactory.create("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?s ?label ?rank WHERE {
              { ?s rdfs:label ?label BIND (0 AS ?rank) } UNION { ?s skos:prefLabel ?label BIND (1 AS ?rank) }
            }""");

    /** The labels of the given IRIs: one query per {@value #CHUNK} IRIs (their values given as a VALUES block). */
    public static Labels of(StoreView view, Collection<String> iris) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(iris));
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> bestRank = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<Binding> values = wanted.subList(from, Math.min(wanted.size(), from + CHUNK)).stream()
                    .map(iri -> BindingFactory.binding(THING, NodeFactory.createURI(iri))).toList();
            Query query = LABELS.cloneQuery();
            query.setValuesDataBlock(List.of(THING), values);
            view.select(query).forEachRemaining(row -> {
                Node s = row.get("s");
                Node label = row.get("label");
                if (!s.isURI() || !label.isLiteral()) {
                    return;
                }
                String lang = label.getLiteralLanguage();
                // rdfs:label before skos:prefLabel; within each, English or untagged before other languages.
                int rank = ((Number) row.get("rank").getLiteralValue()).intValue() * 2
                        + (lang.isEmpty() || lang.toLowerCase().startsWith("en") ? 0 : 1);
                Integer seen = bestRank.get(s.getURI());
                if (seen == null || rank < seen || (rank == seen && label.getLiteralLexicalForm().compareTo(best.get(s.getURI())) < 0)) {
                    best.put(s.getURI(), label.getLiteralLexicalForm());
                    bestRank.put(s.getURI(), rank);
                }
            });
        }
        return new Labels(best);
    }

    /** The label of an IRI, or its own name where it has none. */
    public String of(String iri) {
        String label = names.get(iri);
        return label != null ? label : ownName(iri);
    }

    public boolean has(String iri) {
        return names.containsKey(iri);
    }

    /** An IRI's name without a label: {@code state/germany} for an id, {@code pg:Commitment} for a prefixed term. */
    public static String ownName(String iri) {
        if (iri.startsWith(Vocab.ID)) {
            return iri.substring(Vocab.ID.length());
        }
        String shortForm = Vocab.PREFIXES.shortForm(iri);
        return shortForm;
    }
}
