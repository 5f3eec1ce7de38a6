package org.pledgegraph.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.NodeFactory;
import org.pledgegraph.Vocab;

/** {@code /ontology}: the documentation page, or (by Accept or suffix) the ontology graph as RDF. */
final class OntologyPage extends HttpServlet {
    private final transient Site site;

    OntologyPage(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        ThingPages.Asked asked = ThingPages.Asked.of(request, request.getServletPath());
        if (asked.representation().isEmpty() || !asked.path().equals("/ontology")) {
            if (asked.representation().isEmpty()) {
                ThingPages.Asked.notAcceptable(response);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        Representation as = asked.representation().get();
        if (as.isRdf()) {
            var graph = site.store().query(view -> view.construct(Describe.bound("graph-triples", "graph",
                    NodeFactory.createURI(Vocab.GRAPH_ONTOLOGY))));
            RdfAnswer.send(response, graph, as);
        } else {
            site.page(response, 200, "ontology.jte", site.store().query(view -> Ontology.build(site, view)));
        }
    }
}
