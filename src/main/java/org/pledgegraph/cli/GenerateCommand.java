package org.pledgegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.bench.SyntheticData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write synthetic data of the article's shape (actors, offices, summits, statements, commitments "
                + "with and without conditions, awaited events, provenance) for benchmarks.",
                "Deterministic for a seed. About 250 triples a summit: --summits 40300 gives about 10 million.",
                "Synthetic data is not fact: never put it under data/."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--summits", required = true, paramLabel = "N", description = "How many summits.")
    int summits;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where to write: N-Triples, or Turtle when FILE ends in .ttl.")
    Path output;

    @Option(names = "--project", paramLabel = "DIR",
            description = "The project whose data/ holds facts only (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (summits < 1) {
            throw new UserException("--summits must be at least 1, got " + summits);
        }
        Path data = project.resolve("data").toAbsolutePath().normalize();
        if (output.toAbsolutePath().normalize().startsWith(data)) {
            throw new UserException("refusing to write synthetic data under data/ (" + output + "): data/ holds facts only");
        }
        try {
            Path folder = output.toAbsolutePath().getParent();
            if (folder != null) {
                java.nio.file.Files.createDirectories(folder);
            }
        } catch (java.io.IOException e) {
            throw new UserException("cannot create the folder of " + output + ": " + e.getMessage(), e);
        }
        long triples = new SyntheticData(seed).write(summits, output);
        spec.commandLine().getOut().printf("wrote %d triples (%d summits, seed %d) to %s%n", triples, summits, seed, output);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
