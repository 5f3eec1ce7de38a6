package org.pledgegraph.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.EmbeddedStore;
import org.pledgegraph.store.Store;
import org.pledgegraph.validate.Locations;
import org.pledgegraph.validate.Refused;
import org.pledgegraph.validate.Report;
import org.pledgegraph.validate.SourceTexts;
import org.pledgegraph.validate.Validator;

/**
 * Builds the file-backed graphs of the store from {@code ontology/} and {@code data/}: the door for files. Every file
 * is parsed strictly ({@link StrictParse}) and the quotes of each source expanded into annotations
 * ({@link QuoteAnnotations}) before the store is touched; then all graphs are replaced in one transaction, whose
 * validation and derivation (the store's {@link org.pledgegraph.store.Derivation}) run before it commits. A bad file
 * or invalid data leaves the store as it was, and the error says file:line. Graphs that commands write (recorded
 * events; the Wikidata cache unless its snapshot file exists) are kept.
 */
public final class Loader {
    private final Path project;

    /** The files of a project as graphs, with where each subject was written. */
    public record Parsed(Map<String, Graph> graphs, Locations where) {
        /** An in-memory dataset of these graphs, to validate without a store. */
        public DatasetGraph dataset() {
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            graphs.forEach((name, g) -> dsg.addGraph(Vocab.iri(name), g));
            return dsg;
        }
    }

    public Loader(Path project) {
        this.project = project;
    }

    /** Parses every file of the layout; graph IRI to its merged content, in IRI order. */
    public Map<String, Graph> parse() {
        return read().graphs();
    }

    /** Parses every file of the layout, expanding quotes, and records where each subject was written. */
    public Parsed read() {
        Map<String, Graph> graphs = new TreeMap<>();
        Locations where = new Locations();
        for (Path file : files()) {
            Path relative = project.relativize(file);
            GraphLayout.graphFor(relative).ifPresent(graphName -> {
                Graph graph = graphs.computeIfAbsent(graphName, g -> GraphFactory.createDefaultGraph());
                String name = relative.toString().replace('\\', '/');
                Graph parsed = StrictParse.file(file, name, where);
                if (name.startsWith("data/sources/")) {
                    expandQuotes(parsed, relative, where);
                }
                parsed.find().forEachRemaining(graph::add);
            });
        }
        if (!graphs.containsKey(Vocab.GRAPH_ONTOLOGY)) {
            throw new UserException("no ontology found: expected " + project.resolve("ontology") + "/*.ttl "
                    + "(run from the project folder, or pass --project DIR)");
        }
        return new Parsed(graphs, where);
    }

    /** Validates the project's files as {@code load} would load them, without a store. */
    public Report validate() {
        Parsed parsed = read();
        return new Validator(SourceTexts.under(project)).all(parsed.dataset()).locatedBy(parsed.where());
    }

    /** Replaces the file-backed graphs in one transaction and returns each graph with its triple count. */
    public Map<String, Long> load(Store store, boolean reset) {
        Parsed parsed = read();
        Map<String, Long> counts = new LinkedHashMap<>();
        parsed.graphs().forEach((name, graph) -> counts.put(name, (long) graph.size()));
        if (!(store instanceof EmbeddedStore)) {
            // A remote store runs the rules, not the shapes: validate the files here, before anything is sent.
            Report report = new Validator(SourceTexts.under(project)).all(parsed.dataset());
            if (!report.conforms()) {
                throw new Refused(report.locatedBy(parsed.where()));
            }
        }
        try {
            // An embedded store validates (everything) and derives inside the write (validate.ValidatingDerivation).
            store.putGraphs(parsed.graphs(), reset);
        } catch (Refused e) {
            throw new Refused(e.report().locatedBy(parsed.where()));
        }
        return counts;
    }

    private void expandQuotes(Graph graph, Path relative, Locations where) {
        String stem = relative.getFileName().toString().replaceFirst("\\.ttl$", "");
        Path textFile = project.resolve("data/sources/" + stem + ".txt");
        if (!Files.isRegularFile(textFile)) {
            // No text: nothing to quote from. A quote left unexpanded is then refused by the annotation shape.
            return;
        }
        try {
            String text = Files.readString(textFile, StandardCharsets.UTF_8);
            QuoteAnnotations.expand(graph, stem, text, "data/sources/" + stem + ".txt", where);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("ontology", "data")) {
            Path root = project.resolve(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
