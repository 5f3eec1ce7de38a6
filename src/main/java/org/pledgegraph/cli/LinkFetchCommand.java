package org.pledgegraph.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;
import org.pledgegraph.wikidata.CacheFile;
import org.pledgegraph.wikidata.CacheGraph;
import org.pledgegraph.wikidata.FileBackedWrite;
import org.pledgegraph.wikidata.LinkableEntities;
import org.pledgegraph.wikidata.WikidataApi;
import org.pledgegraph.wikidata.WikidataItem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Cache Wikidata's facts about every linked item in graph " + Vocab.GRAPH_WIKIDATA + ":",
                "labels and descriptions in en, fr, de, uk, it, pl; P31, P17, P27, P463; P39 with start/end qualifiers,",
                "in Wikidata's own terms (wdt:, p:/ps:/pq:), stamped with the retrieval time. Replaces the graph in one",
                "transaction with data/cache/wikidata.ttl, the (git-ignored) snapshot that `load` restores: both change",
                "or neither; an HTTP error leaves both as they were. Then serve/query/export work offline."})
final class LinkFetchCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Mixin
    WikidataOptions wikidata;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WikidataApi api = new WikidataApi(wikidata.endpoints());
        try (Store store = storeOptions.openLoaded()) {
            Set<String> ids = LinkableEntities.linkedItems(store);
            Instant retrieved = Instant.now();
            Map<String, WikidataItem> items = api.entities(ids, CacheGraph.LANGUAGES);
            Graph cache = CacheGraph.of(items.values(), retrieved, wikidata.apiUrl);
            // The snapshot file is the source of truth that `load` restores: it and the graph change together.
            FileBackedWrite.apply(store, dsg -> {
                dsg.removeGraph(Vocab.iri(Vocab.GRAPH_WIKIDATA));
                dsg.addGraph(Vocab.iri(Vocab.GRAPH_WIKIDATA), cache);
                return storeOptions.mem ? Map.of() : Map.of(storeOptions.project.resolve(CacheFile.RELATIVE),
                        CacheFile.content(cache, retrieved, wikidata.apiUrl));
            });
            for (String id : ids) {
                out.printf("%-10s %s%n", id, items.containsKey(id) ? "fetched" : "not found on Wikidata");
            }
            out.printf("%d linked items, %d fetched: %d triples in %s, retrieved %s%s%n", ids.size(), items.size(),
                    cache.size(), Vocab.GRAPH_WIKIDATA, retrieved, storeOptions.mem ? "" : " (snapshot " + CacheFile.RELATIVE + ")");
            out.flush();
        }
        return 0;
    }
}
