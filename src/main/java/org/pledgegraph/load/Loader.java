package org.pledgegraph.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

/**
 * Builds the file-backed graphs of the store from {@code ontology/} and {@code data/}. Every file is parsed before
 * the store is touched, then all graphs are replaced in one transaction, so a bad file leaves the store as it was.
 * Graphs that commands write (recorded events; the Wikidata cache unless its snapshot file exists) are kept.
 */
public final class Loader {
    private final Path project;

    public Loader(Path project) {
        this.project = project;
    }

    /** Parses every file of the layout; graph IRI to its merged content, in IRI order. */
    public Map<String, Graph> parse() {
        Map<String, Graph> graphs = new TreeMap<>();
        for (Path file : files()) {
            Path relative = project.relativize(file);
            GraphLayout.graphFor(relative).ifPresent(graphName -> {
                Graph graph = graphs.computeIfAbsent(graphName, g -> GraphFactory.createDefaultGraph());
                RDFParser.source(file)
                        .lang(Lang.TURTLE)
                        .errorHandler(new ParseFailure(relative.toString()))
                        .parse(graph);
            });
        }
        if (!graphs.containsKey(Vocab.GRAPH_ONTOLOGY)) {
            throw new UserException("no ontology found: expected " + project.resolve("ontology") + "/*.ttl "
                    + "(run from the project folder, or pass --project DIR)");
        }
        return graphs;
    }

    /** Replaces the file-backed graphs in one transaction and returns each graph with its triple count. */
    public Map<String, Long> load(Store store, boolean reset) {
        Map<String, Graph> graphs = parse();
        Map<String, Long> counts = new LinkedHashMap<>();
        graphs.forEach((name, graph) -> counts.put(name, (long) graph.size()));
        store.putGraphs(graphs, reset);
        return counts;
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
