package org.pledgegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;
import org.pledgegraph.wikidata.FileBackedWrite;
import org.pledgegraph.wikidata.LinkFile;
import org.pledgegraph.wikidata.LinkRecord;
import org.pledgegraph.wikidata.LinkableEntities;
import org.pledgegraph.wikidata.LinkableEntity;
import org.pledgegraph.wikidata.LinksetCounts;
import org.pledgegraph.wikidata.Reconciler;
import org.pledgegraph.wikidata.Reconciliation;
import org.pledgegraph.wikidata.SearchHit;
import org.pledgegraph.wikidata.WikidataApi;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "wikidata", mixinStandardHelpOptions = true,
        description = {"Reconcile every unlinked person, state, organization, city, venue and platform with Wikidata.",
                "Searches by label and aliases (wbsearchentities), confirms P31 and, for persons, P39 (wbgetentities).",
                "Writes a link only when exactly one candidate passes, into graph links/wikidata and appended to",
                "data/links/wikidata.ttl (so that `load` keeps it), and sets the void:triples of the Wikidata linksets",
                "in graph void and data/void.ttl to the real counts; ambiguous cases and misses are printed for review.",
                "Any HTTP error or timeout stops the command with exit 1 before anything is written; the store and the",
                "files change together or not at all."})
final class LinkWikidataCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Mixin
    WikidataOptions wikidata;

    @Option(names = "--dry-run", description = "Print what would be linked; write nothing.")
    boolean dryRun;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "0.8",
            description = "Ignore candidates scoring below S: 1.0 label = our label, 0.9 label = an alias of ours, "
                    + "0.8 a Wikidata alias = a name of ours, 0.5 other (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (minScore < 0 || minScore > 1) throw new UserException("--min-score must be between 0 and 1");
        PrintWriter out = spec.commandLine().getOut();
        Reconciler reconciler = new Reconciler(new WikidataApi(wikidata.endpoints()), minScore);
        try (Store store = storeOptions.openLoaded()) {
            List<LinkableEntity> entities = LinkableEntities.unlinked(store);
            // Ask Wikidata about every entity first: a failure midway leaves the store and the file untouched.
            List<Reconciliation> results = new ArrayList<>();
            for (LinkableEntity entity : entities) {
                results.add(reconciler.reconcile(entity));
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Graph links = GraphFactory.createDefaultGraph();
            int linked = 0, ambiguous = 0, missed = 0;
            for (Reconciliation r : results) {
                if (r instanceof Reconciliation.Linked l) {
                    linked++;
                    out.printf(Locale.ROOT, "linked     %-34s wd:%s \"%s\"%s score %.2f%n", l.entity().curie(),
                            l.hit().id(), l.hit().label(),
                            l.hit().description() == null ? "" : " (" + l.hit().description() + ")", l.score());
                    LinkRecord.reconciled(l, today).find().forEach(links::add);
                } else if (r instanceof Reconciliation.Ambiguous a) {
                    ambiguous++;
                    out.printf("ambiguous  %-34s %s%n", a.entity().curie(), describe(a.candidates()));
                } else if (r instanceof Reconciliation.Missed m) {
                    missed++;
                    out.printf("missed     %-34s %s%n", m.entity().curie(), m.reason());
                }
            }
            if (!dryRun && linked > 0) {
                // data/links/wikidata.ttl (and the linkset counts of data/void.ttl) are the source of truth: the store
                // and the files change together or not at all.
                Instant now = Instant.now();
                FileBackedWrite.apply(store, dsg -> {
                    Node graph = Vocab.iri(Vocab.linksGraph("wikidata"));
                    links.find().forEach(t -> dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
                    Map<String, Long> counts = LinksetCounts.update(dsg);
                    Map<Path, String> files = new LinkedHashMap<>();
                    if (!storeOptions.mem) {
                        Path project = storeOptions.project;
                        files.put(project.resolve(LinkFile.RELATIVE), LinkFile.appended(project, links, now));
                        String voidTtl = LinksetCounts.rewritten(project, counts);
                        if (voidTtl != null) files.put(project.resolve(LinksetCounts.RELATIVE), voidTtl);
                    }
                    return files;
                });
            }
            out.printf("%d entities without a link: %d linked, %d ambiguous, %d missed%s%n", entities.size(), linked,
                    ambiguous, missed, dryRun ? " (dry run: nothing written)"
                            : linked > 0 ? " (written to graph links/wikidata" + (storeOptions.mem ? ")"
                                    : " and " + LinkFile.RELATIVE + "; VoID link counts updated)") : "");
            out.flush();
        }
        return 0;
    }

    private static String describe(List<SearchHit> candidates) {
        List<String> parts = new ArrayList<>();
        candidates.forEach(h -> parts.add("wd:" + h.id() + " \"" + h.label() + "\""
                + (h.description() == null ? "" : " (" + h.description() + ")")));
        return String.join(" | ", parts);
    }
}
