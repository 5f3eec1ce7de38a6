package org.pledgegraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.pledgegraph.UserException;
import org.pledgegraph.query.QueryRunner;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query from FILE (or - for standard input) against the store or an endpoint.")
final class QueryCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE|-", description = "The query file, or - to read standard input.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "table")
    QueryRunner.Format format;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Ask this SPARQL endpoint instead of the local store.")
    String endpoint;

    @Override
    public Integer call() throws IOException {
        String name = file.equals("-") ? "<stdin>" : file;
        Query query = QueryRunner.parse(read(file), name);
        if (endpoint != null) {
            QueryRunner.runRemote(endpoint, query, format, System.out);
        } else {
            try (Store store = storeOptions.open()) {
                QueryRunner.runLocal(store, query, format, System.out);
            }
        }
        System.out.flush();
        return 0;
    }

    private static String read(String file) throws IOException {
        if (file.equals("-")) {
            try (InputStream in = System.in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException("no such query file: " + file);
        }
    }
}
