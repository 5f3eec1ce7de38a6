package org.pledgegraph.store;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.support.StandaloneFuseki;

/** The backend suite on a standalone Jena Fuseki server in its own process, as a remote SPARQL 1.1 store. */
class FusekiBackendTest extends BackendSuite {
    @TempDir
    static Path serverDir;

    static StandaloneFuseki fuseki;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(StandaloneFuseki.available(), "skipped: " + StandaloneFuseki.JAR + " is missing (mvn process-test-resources copies it)");
        fuseki = StandaloneFuseki.start(serverDir);
    }

    @AfterAll
    static void stop() {
        if (fuseki != null) {
            fuseki.close();
        }
    }

    @Override
    List<String> storeArgs() {
        return List.of("--store-url", fuseki.url());
    }

    @Override
    Store open() {
        return wired(RemoteStore.connect(RemoteEndpoints.of(fuseki.url(), null, null, null)));
    }
}
