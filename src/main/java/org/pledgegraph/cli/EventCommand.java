package org.pledgegraph.cli;

import java.util.concurrent.Callable;

import org.pledgegraph.activation.EventLedger;
import org.pledgegraph.activation.OccurrenceKind;
import org.pledgegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "event", mixinStandardHelpOptions = true,
        description = {"Record or retract that something occurred: an awaited event entering into force, or a "
                + "commitment being withdrawn, suspended, fulfilled or lapsing.",
                "Each occurrence gets its own graph <https://w3id.org/pledgegraph/graph/source/event-{slug}>; the "
                + "inferred graph is brought up to date in the same transaction."},
        subcommands = {EventCommand.Add.class, EventCommand.Remove.class})
final class EventCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add or remove");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Record an occurrence, with its provenance, and recompute what follows from it.",
                    "Refused (exit 1, store unchanged): an unknown event or commitment, a malformed date, a date "
                    + "before the commitment was made, an occurrence already recorded."})
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--kind", required = true, paramLabel = "KIND",
                description = "entry-into-force (--of names the awaited event), or withdrawal, suspension, fulfilment, lapse (--of names the commitment).")
        String kind;

        @Option(names = "--of", required = true, paramLabel = "IRI|SLUG",
                description = "The event or commitment: a full IRI, or its slug (russia-ukraine-ceasefire).")
        String of;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day it occurred.")
        String date;

        @Option(names = "--source", paramLabel = "URL", description = "Where this is reported (prov:wasDerivedFrom).")
        String source;

        @Option(names = "--note", paramLabel = "TEXT", description = "A comment kept with the occurrence.")
        String note;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            OccurrenceKind k = OccurrenceKind.parse(kind);
            var day = EventLedger.parseDate(date);
            try (Store store = storeOptions.open()) {
                EventLedger.Entry e = EventLedger.add(store, k, of, day, source, note);
                var out = spec.commandLine().getOut();
                out.printf("recorded %s of <%s> on %s as <%s> in graph <%s>%n", e.kind(), e.target().getURI(), e.date(),
                        e.occurrence().getURI(), e.graph().getURI());
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Retract a recorded occurrence (drop its graph) and recompute what followed from it.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "As for 'event add'.")
        String kind;

        @Option(names = "--of", required = true, paramLabel = "IRI|SLUG", description = "As for 'event add'.")
        String of;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            OccurrenceKind k = OccurrenceKind.parse(kind);
            try (Store store = storeOptions.open()) {
                EventLedger.Entry e = EventLedger.remove(store, k, of);
                var out = spec.commandLine().getOut();
                out.printf("removed %s of <%s> (was on %s): graph <%s> dropped%n", e.kind(), e.target().getURI(), e.date(),
                        e.graph().getURI());
                out.flush();
            }
            return 0;
        }
    }
}
