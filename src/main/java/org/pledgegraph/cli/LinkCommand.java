package org.pledgegraph.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link our entities to Wikidata and cache Wikidata's facts about them.",
        subcommands = {LinkWikidataCommand.class, LinkFetchCommand.class})
final class LinkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: wikidata or fetch");
    }
}
