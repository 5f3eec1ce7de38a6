package org.pledgegraph.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.OccurrenceCheck;

/**
 * Validates data against the model: the SHACL shapes of {@code ontology/shapes/}, then the checks SHACL cannot make
 * (selectors against the source's text, every fact of a source annotated, the sense of occurrences), all in one
 * report. The data graph is every graph but the inferred one ({@link AssertedGraph}), so that shapes can follow a
 * value into another graph (a state typed in a source graph, its class in the ontology graph).
 * <p>
 * Three scopes, so that a write pays only for what it touched: {@link #all} (load, validate), {@link #graphs} (a
 * write that touched these graphs: every subject in them) and {@link #nodes} (a write of known quads about a few
 * occurrences: those nodes only).
 */
public final class Validator {
    private static final String OCCURRENCE_SENSE = Report.SHAPES + "OccurrenceMakesSense";
    private final SourceTexts texts;

    public Validator(SourceTexts texts) {
        this.texts = texts;
    }

    /** Below this many quads, {@link #all} validates a copy in memory: SHACL reads it far faster than a view. */
    static final long COPY_BELOW = 500_000;

    /** Every node of every graph. */
    public Report all(DatasetGraph dsg) {
        Graph data = AssertedGraph.copyIfSmall(dsg, COPY_BELOW);
        List<Violation> out = new ArrayList<>(shacl(ShaclValidator.get().validate(ShapesLibrary.shapes(), data)));
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(graphs::add);
        javaChecks(dsg, data, graphs, out);
        // The occurrences: the nodes typed with one of the occurrence classes (OccurrenceCheck.isOccurrence), found
        // by class rather than by reading every type of every node.
        Set<Node> occurrences = new LinkedHashSet<>();
        for (Node type : OccurrenceCheck.occurrenceTypes()) {
            data.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), type)
                    .forEachRemaining(t -> occurrences.add(t.getSubject()));
        }
        occurrenceSense(dsg, data, occurrences, out);
        return new Report(out);
    }

    /** Every subject of these graphs (named graphs, or {@link Quad#defaultGraphIRI}), and the Java checks of each. */
    public Report graphs(DatasetGraph dsg, Collection<Node> graphs) {
        Set<Node> focus = new LinkedHashSet<>();
        List<Node> present = new ArrayList<>();
        for (Node g : graphs) {
            Graph graph = graph(dsg, g);
            if (graph == null) {
                continue;
            }
            present.add(g);
            graph.find().forEachRemaining(t -> focus.add(t.getSubject()));
        }
        Graph data = AssertedGraph.copyIfSmall(dsg, COPY_BELOW);
        List<Violation> out;
        if (data instanceof AssertedGraph) {
            out = new ArrayList<>(nodeViolations(dsg, data, focus));
        } else {
            // A small store: one pass over an in-memory copy is faster than a validation per node, by ten times on
            // the repository's source graph. Only the results about the graphs' subjects count.
            out = new ArrayList<>(shacl(ShaclValidator.get().validate(ShapesLibrary.shapes(), data)).stream()
                    .filter(v -> focus.contains(v.focus())).toList());
            Set<Node> occurrences = new LinkedHashSet<>();
            for (Node node : focus) {
                if (OccurrenceCheck.isOccurrence(data, node)) {
                    occurrences.add(node);
                }
            }
            occurrenceSense(dsg, data, occurrences, out);
        }
        javaChecks(dsg, data, present, out);
        return new Report(out);
    }

    /** These nodes only, against every shape that targets them. */
    public Report nodes(DatasetGraph dsg, Collection<Node> focus) {
        return new Report(nodeViolations(dsg, new AssertedGraph(dsg), new LinkedHashSet<>(focus)));
    }

    private List<Violation> nodeViolations(DatasetGraph dsg, Graph data, Set<Node> focus) {
        List<Violation> out = new ArrayList<>();
        Set<Node> occurrences = new LinkedHashSet<>();
        for (Node node : focus) {
            List<Violation> found = shacl(ShaclValidator.get().validate(ShapesLibrary.shapes(), data, node));
            out.addAll(found);
            if (found.isEmpty() && OccurrenceCheck.isOccurrence(data, node)) {
                occurrences.add(node);
            }
        }
        occurrenceSense(dsg, data, occurrences, out);
        return out;
    }

    private void javaChecks(DatasetGraph dsg, Graph data, List<Node> graphs, List<Violation> out) {
        SelectorCheck selectors = new SelectorCheck(texts);
        for (Node g : graphs) {
            if (g.isURI() && g.getURI().equals(Vocab.GRAPH_INFERRED)) {
                continue;
            }
            Graph graph = graph(dsg, g);
            if (graph == null) {
                continue;
            }
            out.addAll(selectors.check(graph, data));
            out.addAll(AnnotationCoverage.check(g, graph));
        }
    }

    /** Occurrences whose form passed: is each about something known, and not before it was made? */
    private static void occurrenceSense(DatasetGraph dsg, Graph data, Set<Node> occurrences, List<Violation> out) {
        Set<Node> malformed = new LinkedHashSet<>();
        out.forEach(v -> malformed.add(v.focus()));
        for (Node o : occurrences) {
            if (!malformed.contains(o)) {
                OccurrenceCheck.problem(dsg, data, o)
                        .ifPresent(p -> out.add(new Violation(o, null, p, OCCURRENCE_SENSE, null)));
            }
        }
    }

    private static Graph graph(DatasetGraph dsg, Node g) {
        if (Quad.isDefaultGraph(g)) {
            return dsg.getDefaultGraph();
        }
        return dsg.containsGraph(g) ? dsg.getGraph(g) : null;
    }

    private static List<Violation> shacl(ValidationReport report) {
        List<Violation> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            String path = e.resultPath() == null ? null : e.resultPath().toString(new org.apache.jena.sparql.core.Prologue(Vocab.PREFIXES));
            out.add(new Violation(e.focusNode(), path, message(e), ShapesLibrary.name(e.source()), null));
        }
        return out;
    }

    private static String message(ReportEntry e) {
        if (e.constraint() instanceof org.apache.jena.shacl.engine.constraint.ShNode node && e.value() != null) {
            // Jena says "Node[<shape>] at focusNode <value>"; say which value fails which shape, in prefixed names.
            String shape = node.toString().replaceFirst("^Node\\[<?", "").replaceFirst(">?\\]$", "");
            return Report.label(e.value()) + " is not a " + Report.shortShape(shape);
        }
        String m = e.message();
        if (e.value() != null && m != null && !m.contains(e.value().toString())) {
            m = m + " (value: " + Report.label(e.value()) + ")";
        }
        return m;
    }
}
