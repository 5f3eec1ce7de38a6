package org.pledgegraph.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RIOT;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.pledgegraph.Vocab;

/** Writes a graph as the RDF representation asked for, with the prefixes it uses (and only those). */
final class RdfAnswer {
    private static final PrefixMapping COMMON = new PrefixMappingImpl()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
            .setNsPrefix("prov", Vocab.PROV)
            .setNsPrefix("org", "http://www.w3.org/ns/org#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("schema", "https://schema.org/")
            .setNsPrefix("time", "http://www.w3.org/2006/time#")
            .setNsPrefix("wd", Vocab.WD)
            .setNsPrefix("void", "http://rdfs.org/ns/void#")
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("sd", "http://www.w3.org/ns/sparql-service-description#")
            .setNsPrefix("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/")
            .setNsPrefixes(Vocab.PREFIXES)
            .lock();

    private RdfAnswer() {}

    /** The prefixes the answers use (read only). */
    static PrefixMapping prefixes() {
        return COMMON;
    }

    static void send(HttpServletResponse response, Graph graph, Representation as) throws IOException {
        withUsedPrefixes(graph);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(as.mediaType() + (as == Representation.RDFXML ? "" : "; charset=utf-8"));
        response.setHeader("Cache-Control", "no-cache");
        OutputStream out = response.getOutputStream();
        // "@prefix" rather than SPARQL-style PREFIX: older Turtle parsers (rapper 2.0.x) read it too.
        RDFWriter.source(graph).format(as.format()).set(RIOT.symTurtleDirectiveStyle, "at").output(out);
    }

    /** Keeps the prefixes whose namespace some IRI of the graph starts with. */
    static void withUsedPrefixes(Graph graph) {
        Set<String> iris = new HashSet<>();
        graph.find().forEachRemaining(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                if (n.isURI()) {
                    iris.add(n.getURI());
                } else if (n.isLiteral() && n.getLiteralDatatypeURI() != null) {
                    iris.add(n.getLiteralDatatypeURI());
                }
            }
        });
        for (Map.Entry<String, String> e : COMMON.getNsPrefixMap().entrySet()) {
            if (iris.stream().anyMatch(i -> i.startsWith(e.getValue()))) {
                graph.getPrefixMapping().setNsPrefix(e.getKey(), e.getValue());
            }
        }
    }
}
