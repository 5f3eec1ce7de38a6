package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.pledgegraph.store.StoreView;

/** The labels of a page's IRIs, in one query per few hundred ({@code web/queries/labels.rq}); English preferred. */
final class Labels {
    private static final int CHUNK = 400;
    private static final Var THING = Var.alloc("thing");

    private Labels() {}

    static Map<String, String> of(StoreView view, Collection<String> iris) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Integer> rank = new HashMap<>();
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(iris));
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Binding> values = new ArrayList<>();
            for (String iri : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                values.add(BindingFactory.binding(THING, NodeFactory.createURI(iri)));
            }
            Query query = WebQueries.get("labels").cloneQuery();
            query.setValuesDataBlock(List.of(THING), values);
            view.select(query).forEachRemaining(row -> {
                Node label = row.get("label");
                if (label == null || !label.isLiteral()) {
                    return;
                }
                String iri = row.get("thing").getURI();
                String lang = label.getLiteralLanguage();
                int r = "en".equalsIgnoreCase(lang) ? 0 : lang.isEmpty() ? 1 : lang.toLowerCase().startsWith("en") ? 2 : 3;
                if (r < rank.getOrDefault(iri, 9)) {
                    rank.put(iri, r);
                    labels.put(iri, label.getLiteralLexicalForm());
                }
            });
        }
        return labels;
    }
}
