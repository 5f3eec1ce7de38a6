package org.pledgegraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.pledgegraph.Vocab;
import org.pledgegraph.activation.Materializer;
import org.pledgegraph.store.Derivation;
import org.pledgegraph.store.Store;

/**
 * A TDB2 store of synthetic data for the HTTP benchmarks: the ontology, {@code summits} generated summits, and the
 * inferred graph the rules make of them, as {@code pledgegraph load} would leave it. Parsed straight into the store.
 */
final class SyntheticStore {
    private SyntheticStore() {}

    /** Builds the store in {@code dir} (replacing what is there); the number of triples generated. */
    static long build(Path dir, Path ontology, int summits, long seed) throws IOException {
        Bench.deleteTree(dir);
        Path data = dir.resolveSibling(dir.getFileName() + ".nt");
        long triples = new SyntheticData(seed).write(summits, data);
        try (Store store = Store.open(dir)) {
            store.setDerivation(Derivation.NONE);
            store.write(dsg -> {
                Node ontologyGraph = Vocab.iri(Vocab.GRAPH_ONTOLOGY);
                try (Stream<Path> files = Files.list(ontology)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                        RDFParser.source(f).lang(Lang.TURTLE).parse(StreamRDFLib.graph(dsg.getGraph(ontologyGraph)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                RDFParser.source(data).lang(Lang.NTRIPLES).parse(StreamRDFLib.graph(dsg.getGraph(Bench.SYNTHETIC_GRAPH)));
            });
            store.write(Materializer.fromRules()::recomputeAll);
        } finally {
            Files.deleteIfExists(data);
        }
        return triples;
    }

    /** A copy of a closed TDB2 store, for a second server over the same data. */
    static void copy(Path from, Path to) throws IOException {
        Bench.deleteTree(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("tdb.lock")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
