package org.pledgegraph;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;

/** The project's namespaces, graph names and prefixes: the names every part of pledgegraph shares. */
public final class Vocab {
    private Vocab() {}

    public static final String BASE = "https://w3id.org/pledgegraph/";
    public static final String ONTOLOGY = BASE + "ontology";
    public static final String PG = ONTOLOGY + "#";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";

    public static final String GRAPH_ONTOLOGY = GRAPH + "ontology";
    public static final String GRAPH_BACKGROUND = GRAPH + "background";
    public static final String GRAPH_INFERRED = GRAPH + "inferred";
    public static final String GRAPH_WIKIDATA = GRAPH + "wikidata";
    public static final String GRAPH_LINKS_PREFIX = GRAPH + "links/";
    public static final String GRAPH_SOURCE_PREFIX = GRAPH + "source/";

    /** Wikidata's RDF namespaces, as its query service and entity dumps write them. */
    public static final String WD = "http://www.wikidata.org/entity/";
    public static final String WDS = WD + "statement/";
    public static final String WDT = "http://www.wikidata.org/prop/direct/";
    public static final String WIKIDATA_P = "http://www.wikidata.org/prop/";
    public static final String PS = WIKIDATA_P + "statement/";
    public static final String PQ = WIKIDATA_P + "qualifier/";
    /** PROV-O (Jena has no vocabulary class for it). */
    public static final String PROV = "http://www.w3.org/ns/prov#";

    public static String sourceGraph(String slug) {
        return GRAPH_SOURCE_PREFIX + slug;
    }

    public static String linksGraph(String name) {
        return GRAPH_LINKS_PREFIX + name;
    }

    public static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** The kinds of thing under {@code id/}; each has a prefix of its own name, e.g. {@code person:emmanuel-macron}. */
    public static final java.util.List<String> KINDS = java.util.List.of(
            "person", "state", "organization", "city", "venue", "summit", "event", "statement", "document",
            "commitment", "condition", "tenure", "post", "role", "stance", "assessment", "amount", "annotation",
            "selector", "source", "occurrence", "concept", "platform", "link");

    /** The prefixes that exports and the query catalog use; one table so that every output reads alike. */
    public static final PrefixMapping PREFIXES = prefixes();


    private static PrefixMapping prefixes() {
        PrefixMapping pm = new PrefixMappingImpl().setNsPrefix("pg", PG);
        KINDS.forEach(kind -> pm.setNsPrefix(kind, ID + kind + "/"));
        return pm
            .setNsPrefix("org", "http://www.w3.org/ns/org#")
            .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("prov", PROV)
            .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("time", "http://www.w3.org/2006/time#")
            .setNsPrefix("schema", "https://schema.org/")
            .setNsPrefix("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/")
            .setNsPrefix("void", "http://rdfs.org/ns/void#")
            .setNsPrefix("wd", WD)
            .setNsPrefix("wdt", WDT)
            .setNsPrefix("p", WIKIDATA_P)
            .setNsPrefix("ps", PS)
            .setNsPrefix("pq", PQ)
            .lock();
    }
}
