package org.pledgegraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.jena.tdb2.DatabaseMgr;
import org.pledgegraph.UserException;
import org.pledgegraph.store.EmbeddedStore;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * TDB2 never overwrites a block: every commit appends new copies of the index blocks it changed, so a store that takes
 * many small writes grows (about 120 KB per one-triple write on the seed store) until it is compacted into a new
 * generation and the old one deleted.
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compact the embedded TDB2 store: write its live data into a new generation and delete the old one",
                "(the space every commit left behind). Stop 'serve' first: the store must not be in use."})
final class CompactCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!storeOptions.isDirectory()) {
            throw new UserException("compact works on a store directory (--store), not on --mem or --store-url");
        }
        String before = generations(storeOptions.store);
        try (Store store = storeOptions.openWithoutLoading()) {
            if (!(store instanceof EmbeddedStore embedded)) {
                throw new UserException("store " + storeOptions.store + " is in use by a running 'pledgegraph serve': stop it, then compact");
            }
            long triples = embedded.tripleCount();
            DatabaseMgr.compact(embedded.dataset(), true);
            var out = spec.commandLine().getOut();
            out.printf("compacted %s: %d triples, %s -> %s%n", storeOptions.store, triples, before,
                    generations(storeOptions.store));
            out.flush();
        }
        return PledgeGraph.OK;
    }

    /** The store's generation folders (Data-0001, ...): compaction writes the next and deletes the others. */
    private static String generations(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return String.join(", ", entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).sorted().toList());
        }
    }
}
