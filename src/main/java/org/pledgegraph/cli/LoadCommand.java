package org.pledgegraph.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"(Re)build the store's graphs from ontology/ and data/ in one transaction.",
                "Every file is parsed first; a file that fails names file:line:column and the store is left as it was.",
                "Graphs written by commands (recorded events, the Wikidata cache when data/cache/wikidata.ttl is absent)",
                "are kept unless --reset."})
final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--reset", description = "Empty the whole store first, command-written graphs included.")
    boolean reset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
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
}
