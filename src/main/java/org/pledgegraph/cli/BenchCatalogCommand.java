package org.pledgegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.bench.CatalogBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Measure every catalog query (queries/*.rq) on an existing TDB2 store, as written (the first page "
                + "of a paged query) beside the 100 ms target; the whole list of each paged query; optionally the texts "
                + "of a former catalog in the same run, alternated, and Oxigraph (npm, in memory) on each whole list over "
                + "the same quads. Prints a Markdown table (ms: wall median with min-max, and thread CPU time).",
                "Only reads the store; stop 'serve' first. Example: git archive 9207a00 queries | tar -x -C /tmp/before; "
                        + "pledgegraph bench catalog --store S --before /tmp/before/queries --oxigraph"})
final class BenchCatalogCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "DIR", required = true, description = "The TDB2 store to query (read only).")
    Path store;

    @Option(names = "--queries", paramLabel = "DIR", description = "The catalog (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}/queries")
    Path queries;

    @Option(names = "--before", paramLabel = "DIR", description = "A former catalog's folder: each query of the same "
            + "name runs beside the current one, alternated.")
    Path before;

    @Option(names = "--repeat", description = "Timed runs of each query (whole lists: at most 3) (default: ${DEFAULT-VALUE}).",
            defaultValue = "9")
    int repeat;

    @Option(names = "--warmup", paramLabel = "ROUNDS", description = "Untimed runs of each query first (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int warmup;

    @Option(names = "--whole-lists", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also run each paged query without its page lines (default: ${DEFAULT-VALUE}).")
    boolean wholeLists;

    @Option(names = "--oxigraph", description = "Also answer each whole list with Oxigraph 0.5.11 (npm, installed into "
            + "--work on first use) over an N-Quads copy of the store.")
    boolean oxigraph;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "target/bench")
    Path work;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (repeat < 1 || warmup < 0) {
            throw new UserException("--repeat must be at least 1 and --warmup at least 0");
        }
        if (!Files.isDirectory(store)) {
            throw new UserException("no store at " + store);
        }
        for (Path dir : before == null ? List.of(queries) : List.of(queries, before)) {
            if (!Files.isDirectory(dir)) {
                throw new UserException("no query folder at " + dir);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(BenchCommand.machine());
        out.printf("store %s, queries %s%s, %d warm-up + %d timed runs%n", store, queries, before == null ? "" : ", before " + before,
                warmup, repeat);
        out.flush();
        List<CatalogBench.Row> rows = new CatalogBench(new CatalogBench.Settings(store, queries, Optional.ofNullable(before), repeat,
                warmup, wholeLists, oxigraph, work), out).run();
        out.println();
        out.println(CatalogBench.table(rows, before != null, oxigraph));
        out.flush();
        return 0;
    }
}
