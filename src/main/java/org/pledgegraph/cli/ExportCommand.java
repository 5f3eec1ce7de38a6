package org.pledgegraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pledgegraph.export.Exporter;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the store (the union of its graphs), or one graph, as RDF. TriG, N-Quads and JSON-LD (one "
                + "@graph per named graph, JSON-LD 1.1) keep graph names; Turtle and N-Triples merge them.",
                "Turtle and TriG are sorted by subject so that two exports diff cleanly."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", paramLabel = "FORMAT", description = "ttl, trig, nt, nq or jsonld (default: ${DEFAULT-VALUE}).",
            defaultValue = "ttl")
    Exporter.Format format;

    @Option(names = "--graph", paramLabel = "IRI", description = "Export only this named graph.")
    String graph;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        try (Store store = storeOptions.open()) {
            if (output == null) {
                Exporter.export(store, graph, format, System.out);
                System.out.flush();
            } else {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
                    Exporter.export(store, graph, format, out);
                }
            }
        }
        return 0;
    }
}
