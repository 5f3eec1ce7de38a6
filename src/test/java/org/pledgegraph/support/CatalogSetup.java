package org.pledgegraph.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.pledgegraph.store.Store;

/**
 * Extra graphs a catalog query needs that the repository does not ship: {@code src/test/resources/catalog/setup/{name}.trig}.
 * The Wikidata cache is one: it is written by {@code link fetch} with a network, so its query is tested on a fixture.
 */
public final class CatalogSetup {
    public static final Path DIR = Path.of("src/test/resources/catalog/setup");

    private CatalogSetup() {}

    public static Optional<Path> fileFor(String queryName) {
        Path file = DIR.resolve(queryName + ".trig");
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    public static DatasetGraph read(Path file) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.source(file).parse(dsg);
        return dsg;
    }

    /** Adds the setup graphs for a query to the store, in one transaction (and so through its derivations). */
    public static void apply(Store store, String queryName) {
        fileFor(queryName).ifPresent(file -> {
            DatasetGraph setup = read(file);
            store.write(dsg -> setup.find().forEachRemaining(dsg::add));
        });
    }
}
