package org.pledgegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pledgegraph.load.SourceAdd;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "source", mixinStandardHelpOptions = true,
        description = "Add a source text to the project (data/sources/), to annotate by quoting it (docs/sources.md).",
        subcommands = {SourceCommand.Add.class})
final class SourceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Store FILE as data/sources/SLUG.txt (UTF-8, NFC, LF line ends) and start data/sources/SLUG.ttl",
                    "with the source's description. Refused: invalid UTF-8 (with its byte offset), an existing slug,",
                    "a malformed slug, date or URL. Then add facts and their quotes to the .ttl and run 'load'."})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.txt", description = "The text of the source, UTF-8.")
        Path file;

        @Option(names = "--slug", required = true, paramLabel = "SLUG", description = "Its name: lowercase letters, digits, '-'.")
        String slug;

        @Option(names = "--title", required = true, paramLabel = "TITLE", description = "Its title (rdfs:label, dcterms:title).")
        String title;

        @Option(names = "--published", required = true, paramLabel = "YYYY-MM-DD", description = "Its publication date.")
        String published;

        @Option(names = "--url", paramLabel = "URL", description = "Where it was published (schema:url).")
        String url;

        @Option(names = "--publisher", paramLabel = "NAME", description = "Who published it (dcterms:publisher).")
        String publisher;

        @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en", description = "Its language, a BCP 47 tag (default: ${DEFAULT-VALUE}).")
        String lang;

        @Option(names = "--project", paramLabel = "DIR", description = "Folder with data/ (default: ${DEFAULT-VALUE}).",
                defaultValue = "${env:PLEDGEGRAPH_PROJECT:-.}")
        Path project;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SourceAdd.Added added = new SourceAdd(project).add(file, new SourceAdd.Description(slug, title, published, url, publisher, lang));
            var out = spec.commandLine().getOut();
            out.printf("added %s (%d code points, %d lines)%n", added.text(), added.codePoints(), added.lines());
            out.printf("wrote %s: add the facts and their quotes, then run 'pledgegraph load'%n", added.turtle());
            out.flush();
            return 0;
        }
    }
}
