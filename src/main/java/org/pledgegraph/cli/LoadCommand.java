package org.pledgegraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.load.BulkLoad;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"(Re)build the store's graphs from ontology/ and data/ in one transaction; or, given FILEs, bulk-load them "
                + "into one named graph (--graph).",
                "Every file is parsed first; a file that fails names file:line:column and the store is left as it was.",
                "Graphs written by commands (recorded events, the Wikidata cache when data/cache/wikidata.ttl is absent)",
                "are kept unless --reset.",
                "FILEs: any RDF syntax Jena reads, by extension (.nt, .ttl, .nq, .trig, .rdf, .jsonld), .gz too. They stream "
                        + "through TDB2's bulk loader (progress every few seconds), then the rules derive once; a bad file "
                        + "names file:line:column and leaves the store as it was."})
final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "RDF files to bulk-load (instead of ontology/ and data/).")
    List<Path> files = List.of();

    @Option(names = "--graph", paramLabel = "IRI", description = "The named graph FILEs go into (default: "
            + "https://w3id.org/pledgegraph/graph/source/ and the first file's name without extensions).")
    String graph;

    @Option(names = "--reset", description = "Empty the whole store first, command-written graphs included.")
    boolean reset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!files.isEmpty()) {
            return bulk();
        }
        if (graph != null) {
            throw new UserException("--graph needs FILEs to load");
        }
        try (Store store = storeOptions.openWithoutLoading()) {
            Map<String, Long> counts = storeOptions.loader().load(store, reset);
            var out = spec.commandLine().getOut();
            counts.forEach((graph, n) -> out.printf("%8d  %s%n", n, graph));
            store.graphSizes().forEach((graph, n) -> {
                if (!counts.containsKey(graph)) {
                    // The inferred graph is rebuilt by the rules in the same transaction; the others were kept.
                    out.printf("%8d  %s (%s)%n", n, graph, graph.equals(Vocab.GRAPH_INFERRED) ? "derived" : "kept");
                }
            });
            out.printf("%8d  triples in %s%n", store.tripleCount(), store.description());
            out.flush();
        }
        return 0;
    }

    private int bulk() {
        if (reset) {
            throw new UserException("--reset rebuilds from ontology/ and data/; it does not combine with FILEs");
        }
        String name = graph;
        if (name == null) {
            String file = files.get(0).getFileName().toString();
            name = Vocab.sourceGraph(file.replaceAll("\\..*$", ""));
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try (Store store = storeOptions.openWithoutLoading()) {
            if (store.isEmpty()) {
                // the rules need the ontology: a fresh store gets ontology/ and data/ first
                storeOptions.loader().load(store, false);
            }
            BulkLoad.Result[] done = new BulkLoad.Result[1];
            String target = name;
            // a bulk load derives for as long as its size needs; the server's bound is for single writes
            org.pledgegraph.activation.Materializer.withBound(java.time.Duration.ofHours(6),
                    () -> done[0] = new BulkLoad(store, err).load(files, Vocab.iri(target)));
            BulkLoad.Result r = done[0];
            out.printf(Locale.ROOT, "%,d triples into %s in %.1f s (%,.0f triples/s), derivation %.1f s%n", r.triples(), name,
                    r.millis() / 1000.0, r.triples() * 1000.0 / Math.max(1, r.millis()), r.deriveMillis() / 1000.0);
            out.printf("%8d  triples in %s%n", store.tripleCount(), store.description());
            out.flush();
        }
        return 0;
    }
}
