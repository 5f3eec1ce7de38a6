package org.pledgegraph.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.support.LocalVirtuoso;

/**
 * The backend suite on Virtuoso Open Source, started by the test with a private ini on loopback ports; skipped, with
 * the reason printed, where Virtuoso is not installed. A test that hangs (Virtuoso has, on queries it cannot plan)
 * fails after ten minutes instead of holding the build.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtuosoBackendTest extends BackendSuite {
    @TempDir
    static Path serverDir;

    static LocalVirtuoso virtuoso;

    @BeforeAll
    static void start() {
        // Runs wherever Virtuoso is installed (.ci/run installs it): about 35 s on a quiet machine. On a machine
        // shared with other builds one run waited 13 minutes for an update that Virtuoso then failed ("SR171:
        // Transaction timed out"): opt out there with -Dpledgegraph.virtuoso=false.
        if (!Boolean.parseBoolean(System.getProperty("pledgegraph.virtuoso", "true"))) {
            System.out.println("VirtuosoBackendTest skipped: -Dpledgegraph.virtuoso=false");
            Assumptions.abort("skipped: -Dpledgegraph.virtuoso=false");
        }
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

    /**
     * class-hierarchy also lists the classes of other namespaces: Virtuoso does not apply its outer FILTER STRSTARTS.
     * (cameo-codes and commitments differed too while they tested the kind with {@code rdfs:subClassOf+} inside
     * FILTER NOT EXISTS, which Virtuoso misreads; they now use the rules' closure and give the expected rows.)
     */
    @Override
    java.util.Set<String> knownDifferences() {
        return java.util.Set.of("class-hierarchy");
    }

    /** Virtuoso keeps "90000000000.0"^^xsd:decimal as "90000000000"^^xsd:integer: the value, not the datatype. */
    @Override
    boolean numbersAsValues() {
        return true;
    }

    @Override
    java.util.Set<String> engineGraphs() {
        return java.util.Set.of("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                "http://localuriqaserver/sparql");
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
