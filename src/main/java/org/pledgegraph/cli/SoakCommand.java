package org.pledgegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.pledgegraph.UserException;
import org.pledgegraph.bench.Soak;
import org.pledgegraph.bench.Wrk;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Load test: serve --auth on a free loopback port over a fresh store of the project's files; wrk "
                + "on a catalog query while a writer records and retracts an occurrence over the update endpoint and "
                + "/$/ping is polled; prints failures, latencies, request rate and the server's peak memory.",
                "Exit 0 when nothing failed and every ping answered within 2 s, else 1. Needs wrk (Debian: apt-get "
                + "install wrk); without it, prints why and does nothing."})
final class SoakCommand implements Callable<Integer> {
    @Option(names = "--duration", paramLabel = "SECONDS", description = "How long wrk loads the server (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    int duration;

    @Option(names = "--connections", description = "wrk's concurrent connections (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    int connections;

    @Option(names = "--query", paramLabel = "FILE", description = "The catalog query to load the server with (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}/queries/participants.rq")
    Path query;

    @Option(names = "--heap", paramLabel = "SIZE", description = "-Xmx of the server (default: the JVM's own, as serve runs).")
    String heap;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: ${DEFAULT-VALUE}).", defaultValue = "target/bench")
    Path work;

    @Option(names = "--project", paramLabel = "DIR", description = "Folder with ontology/ and data/ (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String missing = Wrk.missing();
        if (missing != null) {
            out.println("bench soak: skipped: " + missing);
            out.flush();
            return 0;
        }
        if (duration < 1 || connections < 1) {
            throw new UserException("--duration and --connections must be at least 1");
        }
        if (!Files.isRegularFile(query)) {
            throw new UserException("no such query file: " + query);
        }
        out.println(BenchCommand.machine());
        Soak.Settings settings = new Soak.Settings(work, project, query, Duration.ofSeconds(duration), connections, heap);
        Soak.Result result = new Soak(settings, out).run();
        out.println();
        out.println(Soak.report(settings, result));
        out.flush();
        if (!result.passed()) {
            throw new UserException("load test failed: " + (result.firstError() == null ? "see the table" : result.firstError()));
        }
        return 0;
    }
}
