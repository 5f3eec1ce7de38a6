package org.pledgegraph.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.pledgegraph.Vocab;
import org.pledgegraph.load.Loader;
import org.pledgegraph.store.Store;

/** The project under test: its files, the graphs the loader makes of them, and an in-memory store loaded from them. */
final class Project {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String PG = Vocab.PG;
    static final String ID = Vocab.ID;

    private static Map<String, Graph> graphs;
    private static Store store;

    private Project() {}

    /** Graph IRI to content, parsed by the project's own loader (which fails on warnings). */
    static synchronized Map<String, Graph> graphs() {
        if (graphs == null) {
            graphs = new Loader(ROOT).parse();
        }
        return graphs;
    }

    static Model model(String graphIri) {
        Graph g = graphs().get(graphIri);
        if (g == null) {
            throw new AssertionError("no graph " + graphIri);
        }
        return ModelFactory.createModelForGraph(g);
    }

    static Model ontology() {
        return model(Vocab.GRAPH_ONTOLOGY);
    }

    /** Every graph filled from data/ (sources, background, links). */
    static Model data() {
        Model m = ModelFactory.createDefaultModel();
        graphs().forEach((name, g) -> {
            if (!name.equals(Vocab.GRAPH_ONTOLOGY)) {
                m.add(ModelFactory.createModelForGraph(g));
            }
        });
        return m;
    }

    /** The source graphs only: graph IRI to the slug of its source. */
    static Map<String, String> sourceGraphs() {
        Map<String, String> out = new java.util.TreeMap<>();
        graphs().keySet().stream().filter(n -> n.startsWith(Vocab.GRAPH_SOURCE_PREFIX))
                .forEach(n -> out.put(n, n.substring(Vocab.GRAPH_SOURCE_PREFIX.length())));
        return out;
    }

    static synchronized Store store() {
        if (store == null) {
            // Opened and wired as the command line opens it, so derived graphs (rules) are there too.
            store = org.pledgegraph.support.TestStores.loadedFromRepository();
        }
        return store;
    }

    static boolean ask(String sparql) {
        Store s = store();
        return Txn.calculateRead(s.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(QueryFactory.create(sparql), DatasetFactory.wrap(s.dataset()))) {
                return qe.execAsk();
            }
        });
    }

    static ResultSetRewindable select(String sparql) {
        Store s = store();
        return Txn.calculateRead(s.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(QueryFactory.create(sparql), DatasetFactory.wrap(s.dataset()))) {
                ResultSet rs = qe.execSelect();
                return ResultSetFactory.makeRewindable(rs);
            }
        });
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(String dir, String suffix) {
        List<Path> out = new ArrayList<>();
        Path root = ROOT.resolve(dir);
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
