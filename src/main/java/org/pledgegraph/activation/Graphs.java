package org.pledgegraph.activation;

import org.apache.jena.graph.Node;
import org.pledgegraph.Vocab;

/** The graphs and terms of activation, as nodes. */
final class Graphs {
    private Graphs() {}

    static final Node INFERRED = Vocab.iri(Vocab.GRAPH_INFERRED);
    static final Node ONTOLOGY = Vocab.iri(Vocab.GRAPH_ONTOLOGY);
    /** Each recorded occurrence lives in a graph of its own: {@code graph/source/event-{slug}}. */
    static final String EVENT_GRAPH_PREFIX = Vocab.GRAPH_SOURCE_PREFIX + "event-";
    /** Occurrences are named {@code id/occurrence/{target}-{kind}}. */
    static final String OCCURRENCE_PREFIX = Vocab.ID + "occurrence/";

    static Node pg(String local) {
        return Vocab.iri(Vocab.PG + local);
    }
}
