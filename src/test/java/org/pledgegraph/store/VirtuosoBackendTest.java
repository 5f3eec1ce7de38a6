package org.pledgegraph.store;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.support.LocalVirtuoso;

/**
 * The backend suite on Virtuoso Open Source, started by the test with a private ini on loopback ports; skipped, with
 * the reason printed, where Virtuoso is not installed.
 */
class VirtuosoBackendTest extends BackendSuite {
    @TempDir
    static Path serverDir;

    static LocalVirtuoso virtuoso;

    @BeforeAll
    static void start() {
        LocalVirtuoso.missing().ifPresent(why -> System.out.println("VirtuosoBackendTest skipped: " + why));
        Assumptions.assumeTrue(LocalVirtuoso.missing().isEmpty(), () -> "skipped: " + LocalVirtuoso.missing().orElse(""));
        virtuoso = LocalVirtuoso.start(serverDir);
    }

    @AfterAll
    static void stop() {
        if (virtuoso != null) {
            virtuoso.close();
        }
    }

    /**
     * Virtuoso 7.2.5 stops on status-as-of.rq with "SQ156: Internal Optimized compiler error: Bad dfe in
     * sqlo_place_exp", or, written as Jena writes it, gets no answer at all (docs/deploy.md has the constructs).
     */
    @Override
    java.util.Set<String> knownHangs() {
        return java.util.Set.of("status-as-of");
    }

    @Override
    List<String> storeArgs() {
        return List.of("--store-url", virtuoso.url());
    }

    @Override
    Store open() {
        return wired(RemoteStore.connect(RemoteEndpoints.of(virtuoso.url(), null, null, null)));
    }
}
