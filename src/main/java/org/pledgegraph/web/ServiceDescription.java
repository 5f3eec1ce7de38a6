package org.pledgegraph.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.Vocab;

/**
 * The SPARQL 1.1 Service Description of the query endpoint: a GET (or HEAD) of {@code /pledgegraph/sparql} that
 * carries no {@code query} answers with it, as RDF by {@code Accept} (Turtle by default) or, for a browser, as a page
 * that shows it. Every other request goes on to Fuseki. The description lists the result formats, the union default
 * graph, and every named graph with its size.
 */
public final class ServiceDescription implements Filter {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    static final String VOID = "http://rdfs.org/ns/void#";

    /** The page's model: the endpoint's address and the description in Turtle. */
    public record Page(String endpoint, String turtle) {}

    private final Site site;

    public ServiceDescription(Site site) {
        this.site = site;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || request.getQueryString() != null && request.getParameter("query") != null) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Vary", "Accept");
        String accept = request.getHeader("Accept");
        Optional<Representation> as = Conneg.chooseDataFirst(accept);
        if (as.isEmpty()) {
            ThingPages.Asked.notAcceptable(response);
            return;
        }
        String endpoint = request.getRequestURL().toString();
        Model sd = describe(endpoint);
        if (as.get().isRdf()) {
            RdfAnswer.send(response, sd.getGraph(), as.get());
        } else {
            ByteArrayOutputStream turtle = new ByteArrayOutputStream();
            RDFDataMgr.write(turtle, sd, RDFFormat.TURTLE_PRETTY);
            site.page(response, 200, "sparql.jte", new Page(endpoint, turtle.toString(StandardCharsets.UTF_8)));
        }
    }

    Model describe(String endpoint) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD).setNsPrefix("void", VOID).setNsPrefix("formats", FORMATS);
        Resource service = m.createResource(endpoint + "#service").addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(m.createProperty(SD + "endpoint"), m.createResource(endpoint))
                .addProperty(m.createProperty(SD + "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(m.createProperty(SD + "feature"), m.createResource(SD + "UnionDefaultGraph"));
        for (String format : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "JSON-LD", "N-Triples", "RDF_XML")) {
            service.addProperty(m.createProperty(SD + "resultFormat"), m.createResource(FORMATS + format));
        }
        Resource dataset = m.createResource(endpoint + "#dataset").addProperty(RDF.type, m.createResource(SD + "Dataset"));
        service.addProperty(m.createProperty(SD + "defaultDataset"), dataset);
        dataset.addProperty(m.createProperty(VOID + "sparqlEndpoint"), m.createResource(endpoint));
        Resource defaultGraph = m.createResource(endpoint + "#default-graph").addProperty(RDF.type, m.createResource(SD + "Graph"));
        dataset.addProperty(m.createProperty(SD + "defaultGraph"), defaultGraph);
        long[] total = {0};
        site.store().query(view -> {
            view.select(WebQueries.get("graphs")).forEachRemaining(row -> {
                String g = row.get("graph").getURI();
                long n = Long.parseLong(row.get("triples").getLiteralLexicalForm());
                total[0] += n;
                Resource named = m.createResource().addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
                        .addProperty(m.createProperty(SD + "name"), m.createResource(g))
                        .addProperty(m.createProperty(SD + "graph"), m.createResource()
                                .addProperty(RDF.type, m.createResource(SD + "Graph"))
                                .addProperty(m.createProperty(VOID + "triples"), m.createTypedLiteral(java.math.BigInteger.valueOf(n))));
                dataset.addProperty(m.createProperty(SD + "namedGraph"), named);
            });
            return null;
        });
        defaultGraph.addProperty(m.createProperty(VOID + "triples"), m.createTypedLiteral(java.math.BigInteger.valueOf(total[0])));
        dataset.addProperty(m.createProperty(VOID + "vocabulary"), m.createResource(Vocab.ONTOLOGY));
        return m;
    }
}
