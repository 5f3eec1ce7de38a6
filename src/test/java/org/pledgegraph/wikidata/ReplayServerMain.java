package org.pledgegraph.wikidata;

import java.nio.file.Path;

/**
 * Runs the replay server by itself, for trying the `link` commands by hand and for the example output of
 * docs/wikidata.md: {@code java -cp ... org.pledgegraph.wikidata.ReplayServerMain [entities-dir]}. Stop it with Ctrl-C.
 */
public final class ReplayServerMain {
    private ReplayServerMain() {}

    public static void main(String[] args) throws Exception {
        Path entities = args.length > 0 ? Path.of(args[0]) : ReplayServer.FILES.resolve("entities");
        ReplayServer server = new ReplayServer(entities);
        System.out.println("api " + server.apiUrl());
        System.out.println("sparql " + server.sparqlUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
