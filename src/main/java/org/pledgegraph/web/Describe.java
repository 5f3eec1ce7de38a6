package org.pledgegraph.web;

import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.pledgegraph.store.StoreView;

/** The description of one thing ({@code web/queries/describe.rq}): what its linked-data answers and its page show. */
public final class Describe {
    private Describe() {}

    /** The description of {@code iri}; empty when the store knows nothing of it. */
    public static Graph of(StoreView view, String iri) {
        return view.construct(bound("describe", "thing", NodeFactory.createURI(iri)));
    }

    /** Query {@code name} with variable {@code var} replaced by {@code value} everywhere. */
    static Query bound(String name, String var, Node value) {
        return QueryTransformOps.replaceVars(WebQueries.get(name), Map.of(Var.alloc(var), value));
    }
}
