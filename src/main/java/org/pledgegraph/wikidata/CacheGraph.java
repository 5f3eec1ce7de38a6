package org.pledgegraph.wikidata;

import java.time.Instant;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.pledgegraph.Vocab;

/**
 * Wikidata's statements about our linked items, written with Wikidata's own RDF terms (as its query service and
 * entity dumps write them) so that a query over the cache reads like a query to the live service: {@code rdfs:label}
 * and {@code schema:description} per language, {@code wdt:} for the direct values of P31, P17, P27 and P463, and
 * {@code p:P39/ps:P39} with {@code pq:P580}/{@code pq:P582} for positions held, where the qualifiers matter.
 */
public final class CacheGraph {
    public static final List<String> LANGUAGES = List.of("en", "fr", "de", "uk", "it", "pl");
    public static final List<String> DIRECT = List.of("P31", "P17", "P27", "P463");
    public static final String WDT = Vocab.WDT;
    public static final String P = Vocab.WIKIDATA_P;
    public static final String PS = Vocab.PS;
    public static final String PQ = Vocab.PQ;
    public static final String WDS = Vocab.WDS;
    /** Wikidata's RDF writes descriptions with http://schema.org/ (not the https:// namespace of Vocab.PREFIXES). */
    public static final String SCHEMA_DESCRIPTION = "http://schema.org/description";
    static final String PROV_GENERATED = Vocab.PROV + "generatedAtTime";

    private CacheGraph() {}

    public static Graph of(Iterable<WikidataItem> items, Instant retrieved, String source) {
        Graph g = GraphFactory.createDefaultGraph();
        for (WikidataItem item : items) {
            Node s = Vocab.iri(Vocab.WD + item.id());
            item.labels().forEach((lang, text) -> {
                if (LANGUAGES.contains(lang)) g.add(s, RDFS.label.asNode(), NodeFactory.createLiteralLang(text, lang));
            });
            item.descriptions().forEach((lang, text) -> {
                if (LANGUAGES.contains(lang)) {
                    g.add(s, Vocab.iri(SCHEMA_DESCRIPTION), NodeFactory.createLiteralLang(text, lang));
                }
            });
            for (String property : DIRECT) {
                for (String value : item.truthyValues(property)) {
                    g.add(s, Vocab.iri(WDT + property), Vocab.iri(Vocab.WD + value));
                }
            }
            for (WikidataStatement st : item.statements("P39")) {
                if (st.value() == null || st.id() == null) continue;
                // Wikidata's RDF names a statement wds:{id} with the '$' of the JSON id written as '-'.
                Node statement = Vocab.iri(WDS + st.id().replace('$', '-'));
                g.add(s, Vocab.iri(P + "P39"), statement);
                g.add(statement, Vocab.iri(PS + "P39"), Vocab.iri(Vocab.WD + st.value()));
                if (st.start() != null) g.add(statement, Vocab.iri(PQ + "P580"), time(st.start()));
                if (st.end() != null) g.add(statement, Vocab.iri(PQ + "P582"), time(st.end()));
            }
        }
        Node graph = Vocab.iri(Vocab.GRAPH_WIKIDATA);
        g.add(graph, Vocab.iri(PROV_GENERATED), NodeFactory.createLiteralDT(retrieved.toString(), XSDDatatype.XSDdateTime));
        g.add(graph, DCTerms.source.asNode(), Vocab.iri(source));
        return g;
    }

    /** Wikidata's JSON writes "+2017-05-14T00:00:00Z"; its RDF writes the same instant as xsd:dateTime without the sign. */
    static Node time(String wikidataTime) {
        String lexical = wikidataTime.startsWith("+") ? wikidataTime.substring(1) : wikidataTime;
        // Month or year precision comes as "2017-00-00T00:00:00Z", which is no xsd:dateTime; Wikidata's RDF writes
        // the first day of the period instead.
        lexical = lexical.replaceFirst("^(-?\\d{4,})-00-00T", "$1-01-01T").replaceFirst("^(-?\\d{4,}-\\d{2})-00T", "$1-01T");
        return NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdateTime);
    }
}
