package org.pledgegraph.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The shapes of the model, one file per area in {@code ontology/shapes/}, packaged in the jar under {@code /shapes/}
 * and parsed once. {@link #FILES} lists them (a jar cannot be listed); a test checks it against the folder.
 */
public final class ShapesLibrary {
    public static final List<String> FILES = List.of("amount.ttl", "annotation.ttl", "commitment.ttl", "condition.ttl",
            "event.ttl", "link.ttl", "occurrence.ttl", "office.ttl", "statement.ttl");

    private static final Graph GRAPH = load();
    private static final Shapes SHAPES = Shapes.parse(GRAPH);

    private ShapesLibrary() {}

    public static Shapes shapes() {
        return SHAPES;
    }

    public static Graph graph() {
        return GRAPH;
    }

    /**
     * The shape to name for a result: a property shape written as a blank node is named by the node shape that holds
     * it, so that a report always says {@code pgsh:Something}.
     */
    static String name(Node shape) {
        if (shape.isURI()) {
            return shape.getURI();
        }
        var holders = GRAPH.find(Node.ANY, SHACL.property, shape);
        try {
            if (holders.hasNext()) {
                return name(holders.next().getSubject());
            }
        } finally {
            holders.close();
        }
        // A shape inside sh:or / sh:node lists: name whichever IRI shape leads to it, else the blank node.
        var parents = GRAPH.find(Node.ANY, Node.ANY, shape);
        try {
            if (parents.hasNext()) {
                return name(parents.next().getSubject());
            }
        } finally {
            parents.close();
        }
        return "_:" + shape.getBlankNodeLabel();
    }

    private static Graph load() {
        Graph g = GraphFactory.createDefaultGraph();
        for (String file : FILES) {
            try (InputStream in = ShapesLibrary.class.getResourceAsStream("/shapes/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("/shapes/" + file + " is not on the classpath (is ontology/shapes/ in the build?)");
                }
                RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return g;
    }
}
