package org.pledgegraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.pledgegraph.Vocab;

/**
 * Named graphs: {@code /graph/} lists them; {@code /graph/{name}} is the graph {@code https://w3id.org/pledgegraph/graph/{name}},
 * its triples by {@code Accept} or suffix, or a page of the things it describes. {@code /.well-known/void} is the VoID
 * graph served the same way, and {@code /ontology} in RDF is the ontology graph.
 */
public final class GraphPages extends HttpServlet {
    public record Row(Ref graph, String path, long triples) {}

    /** A graph's page: its IRI, size and (the first 500) subjects. */
    public record Model(String iri, String printed, long triples, List<Ref> subjects, List<Ref> formats, List<Row> graphs) {}

    private final transient Site site;
    private final String fixedGraph;

    private GraphPages(Site site, String fixedGraph) {
        this.site = site;
        this.fixedGraph = fixedGraph;
    }

    static GraphPages named(Site site) {
        return new GraphPages(site, null);
    }

    /** One graph at a path of its own ({@code /.well-known/void}). */
    static GraphPages fixed(Site site, String graphIri) {
        return new GraphPages(site, graphIri);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        String path = fixedGraph != null ? request.getServletPath() : "/graph" + (request.getPathInfo() == null ? "" : request.getPathInfo());
        ThingPages.Asked asked = ThingPages.Asked.of(request, path, fixedGraph != null);
        if (asked.representation().isEmpty()) {
            ThingPages.Asked.notAcceptable(response);
            return;
        }
        Representation as = asked.representation().get();
        if (fixedGraph == null && (asked.path().equals("/graph") || asked.path().equals("/graph/"))) {
            List<Row> graphs = site.store().query(view -> {
                List<Row> rows = new ArrayList<>();
                view.select(WebQueries.get("graphs")).forEachRemaining(row -> {
                    String g = row.get("graph").getURI();
                    rows.add(new Row(Ref.of(site.links(), g, Links.ours(g) ? g.substring(Vocab.GRAPH.length()) : g),
                            Links.localPath(g), Long.parseLong(row.get("triples").getLiteralLexicalForm())));
                });
                return rows;
            });
            site.page(response, 200, "graphs.jte", new Model(Vocab.GRAPH, site.links().printed(Vocab.GRAPH), 0, List.of(),
                    List.of(), graphs));
            return;
        }
        String iri = fixedGraph != null ? fixedGraph : Vocab.BASE + asked.path().substring(1);
        Object answer = site.store().query(view -> {
            long size = size(view, iri);
            if (size == 0) {
                return null;
            }
            if (as.isRdf()) {
                return view.construct(Describe.bound("graph-triples", "graph", NodeFactory.createURI(iri)));
            }
            List<Ref> subjects = new ArrayList<>();
            view.select(Describe.bound("graph-subjects", "graph", NodeFactory.createURI(iri))).forEachRemaining(row ->
                    subjects.add(PersonSection.ref(row, "subject", "label", site.links())));
            return new Model(iri, site.links().printed(iri), size, subjects, ThingPages.formats(asked.path()), List.of());
        });
        if (answer == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no named graph <" + iri + ">");
        } else if (answer instanceof Graph graph) {
            RdfAnswer.send(response, graph, as);
        } else {
            site.page(response, 200, "graph.jte", answer);
        }
    }

    private static long size(org.pledgegraph.store.StoreView view, String iri) {
        long[] n = {0};
        view.select(WebQueries.get("graphs")).forEachRemaining(row -> {
            if (row.get("graph").getURI().equals(iri)) {
                n[0] = Long.parseLong(row.get("triples").getLiteralLexicalForm());
            }
        });
        return n[0];
    }
}
