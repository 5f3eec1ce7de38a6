package org.pledgegraph.activation;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/** Small SPARQL helpers over the union of the store's graphs. */
final class Sparql {
    static final String PREFIXES = """
            PREFIX pg:   <https://w3id.org/pledgegraph/ontology#>
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            """;

    private Sparql() {}

    /** Parses once, with the prefixes above: the queries of the write path are built when the class loads. */
    static Query query(String text) {
        return QueryFactory.create(PREFIXES + text);
    }

    static boolean ask(DatasetGraph dsg, Query ask, String var, Node value) {
        return ask(org.pledgegraph.store.StoreView.of(dsg), ask, var, value);
    }

    static boolean ask(org.pledgegraph.store.StoreView view, Query ask, String var, Node value) {
        return view.ask(bind(ask, var, value));
    }

    /**
     * The query with variables replaced by values, pairwise ({@code "t", target, "k", kind}): written into the query
     * text, so that it can be sent to a remote store as it is.
     */
    static Query bind(Query query, Object... varsAndValues) {
        java.util.Map<org.apache.jena.sparql.core.Var, Node> values = new java.util.HashMap<>();
        for (int i = 0; i < varsAndValues.length; i += 2) {
            values.put(org.apache.jena.sparql.core.Var.alloc((String) varsAndValues[i]), (Node) varsAndValues[i + 1]);
        }
        return org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.syntaxSubstitute(query, values);
    }
}
