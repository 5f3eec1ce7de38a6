package org.pledgegraph.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

/**
 * Writes the store, or one graph of it, in a standard syntax. Turtle and TriG group each subject's triples and sort
 * subjects, predicates and objects, so that two exports diff line by line. JSON-LD is written as a JSON-LD 1.1
 * dataset: one node object with {@code @id} and {@code @graph} per named graph, so graph names survive the trip.
 */
public final class Exporter {
    public enum Format { ttl, trig, nt, nq, jsonld }

    private Exporter() {}

    public static void export(Store store, String graphIri, Format format, OutputStream out) {
        store.read(dsg -> {
            if (graphIri != null && !dsg.containsGraph(Vocab.iri(graphIri))) {
                throw new UserException("no graph <" + graphIri + "> in the store; graphs: " + store.graphSizes().keySet());
            }
            switch (format) {
                case ttl, nt -> writeGraph(graphIri == null ? union(dsg) : dsg.getGraph(Vocab.iri(graphIri)), format, out);
                case trig, nq -> writeDataset(dsg, graphIri, format, out);
                case jsonld -> writeJsonLd(dsg, graphIri, out);
            }
            return null;
        });
    }

    private static Graph union(DatasetGraph dsg) {
        Graph union = GraphFactory.createDefaultGraph();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> union.add(q.asTriple()));
        return union;
    }

    /** One graph in a graph format (ttl, nt); Turtle and N-Triples sorted as {@link #export} writes them. */
    public static void writeGraph(Graph graph, Format format, OutputStream out) {
        switch (format) {
            case ttl -> {
                StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
                stream.start();
                new java.util.TreeMap<>(Vocab.PREFIXES.getNsPrefixMap()).forEach(stream::prefix);
                sorted(graph).forEach(stream::triple);
                stream.finish();
            }
            case nt -> {
                StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
                stream.start();
                sorted(graph).forEach(stream::triple);
                stream.finish();
            }
            default -> throw new IllegalArgumentException(format + " is not a format for one graph without its name");
        }
    }

    /**
     * The named graphs (all, or the one asked for) as a JSON-LD 1.1 dataset, by Jena's JSON-LD 1.1 writer of a
     * DatasetGraph: each graph keeps its name, where a plain JSON-LD graph would merge them all into one.
     */
    private static void writeJsonLd(DatasetGraph dsg, String graphIri, OutputStream out) {
        DatasetGraph copy = DatasetGraphFactory.create();
        copy.prefixes().putAll(Vocab.PREFIXES.getNsPrefixMap());
        if (graphIri != null) {
            Node g = Vocab.iri(graphIri);
            dsg.getGraph(g).find().forEachRemaining(t -> copy.add(Quad.create(g, t)));
        } else {
            dsg.find().forEachRemaining(copy::add);
        }
        RDFDataMgr.write(out, copy, RDFFormat.JSONLD11_PRETTY);
    }

    private static void writeDataset(DatasetGraph dsg, String graphIri, Format format, OutputStream out) {
        List<Node> graphs = new ArrayList<>();
        if (graphIri != null) {
            graphs.add(Vocab.iri(graphIri));
        } else {
            dsg.listGraphNodes().forEachRemaining(graphs::add);
            graphs.sort(Comparator.comparing(Node::getURI));
        }
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format == Format.trig ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS);
        stream.start();
        if (format == Format.trig) {
            new java.util.TreeMap<>(Vocab.PREFIXES.getNsPrefixMap()).forEach(stream::prefix);
        }
        for (Node g : graphs) {
            for (Triple t : sorted(dsg.getGraph(g))) {
                stream.quad(Quad.create(g, t));
            }
        }
        stream.finish();
    }

    /** Subjects in IRI order (blank nodes last), rdf:type first among a subject's predicates, then by term. */
    static List<Triple> sorted(Graph graph) {
        List<Triple> triples = new ArrayList<>(graph.size());
        graph.find().forEachRemaining(triples::add);
        triples.sort(Comparator.comparing((Triple t) -> key(t.getSubject()))
                .thenComparing(t -> t.getPredicate().equals(RDF.type.asNode()) ? "" : key(t.getPredicate()))
                .thenComparing(t -> key(t.getObject())));
        return triples;
    }

    private static String key(Node n) {
        if (n.isURI()) {
            return "1" + n.getURI();
        }
        if (n.isBlank()) {
            return "3" + n.getBlankNodeLabel();
        }
        return "2" + n.toString();
    }

}
