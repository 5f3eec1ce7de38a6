package org.pledgegraph.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.FmtUtils;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.StoreView;

/**
 * The names people read for IRIs: rdfs:label, else skos:prefLabel (English or untagged first), else the IRI's own
 * name (an id path's last segment, a prefixed name). Looked up in one query for a whole table, through the store's
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

    /** The labels of the given IRIs, in one query. */
    public static Labels of(StoreView view, Collection<String> iris) {
        Set<String> wanted = new LinkedHashSet<>(iris);
        if (wanted.isEmpty()) {
            return none();
        }
        String values = wanted.stream().map(iri -> FmtUtils.stringForURI(iri)).collect(Collectors.joining(" "));
        Query query = QueryFactory.create("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?s ?label ?rank WHERE {
                  VALUES ?s { %s }
                  { ?s rdfs:label ?label BIND (0 AS ?rank) } UNION { ?s skos:prefLabel ?label BIND (1 AS ?rank) }
                }""".formatted(values));
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> bestRank = new HashMap<>();
        RowSet rows = view.select(query);
        rows.forEachRemaining(row -> {
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
