package org.pledgegraph.load;

import java.nio.file.Path;
import java.util.Optional;

import org.pledgegraph.Vocab;

/**
 * Which named graph a file of the project fills. The layout is the contract of docs/design.md: ontology files make
 * one graph, each source its own graph, background facts and link sets graphs of their own.
 */
public final class GraphLayout {
    private GraphLayout() {}

    /** The graph for a project-relative path, or empty when the file is not RDF that the layout knows. */
    public static Optional<String> graphFor(Path relative) {
        String name = relative.getFileName().toString();
        if (!name.endsWith(".ttl")) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - ".ttl".length());
        Path parent = relative.getParent();
        String dir = parent == null ? "" : parent.toString().replace('\\', '/');
        switch (dir) {
            case "ontology":
                return Optional.of(Vocab.GRAPH_ONTOLOGY);
            case "data/sources":
                return Optional.of(Vocab.sourceGraph(stem));
            case "data/background":
                return Optional.of(Vocab.GRAPH_BACKGROUND);
            case "data/links":
                return Optional.of(Vocab.linksGraph(stem));
            case "data":
                // The VoID description of the dataset and its link sets.
                return stem.equals("void") ? Optional.of(Vocab.GRAPH + "void") : Optional.empty();
            case "data/cache":
                // The snapshot that `link fetch` writes next to the graph it stores (issue: linked to Wikidata).
                return stem.equals("wikidata") ? Optional.of(Vocab.GRAPH_WIKIDATA) : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
