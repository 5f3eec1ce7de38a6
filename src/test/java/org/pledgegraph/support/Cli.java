package org.pledgegraph.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pledgegraph.cli.PledgeGraph;

import picocli.CommandLine;

/**
 * The command line run in this process, as {@code pledgegraph} would run it, with what it prints on its own output and
 * error writers captured. (Commands that write straight to {@code System.out}, such as query and export, are not
 * captured here.)
 */
public final class Cli {
    private Cli() {}

    /** What a command printed and returned. */
    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PledgeGraph.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@link #run} on a project folder and its store: {@code --project} and {@code --store} follow {@code args}. */
    public static Run inProject(Path project, Path store, String... args) {
        List<String> argv = new ArrayList<>(Arrays.asList(args));
        argv.addAll(List.of("--project", project.toString(), "--store", store.toString()));
        return run(argv.toArray(String[]::new));
    }
}
