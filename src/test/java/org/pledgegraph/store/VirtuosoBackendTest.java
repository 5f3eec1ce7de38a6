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
        // Not part of every build: ~70 s on a quiet machine, but with the machine loaded one run waited 13 minutes
        // for an update that Virtuoso then failed ("SR171: Transaction timed out"). Opt in with -Dpledgegraph.virtuoso=true.
        boolean optedIn = Boolean.getBoolean("pledgegraph.virtuoso");
        if (!optedIn) {
            System.out.println("VirtuosoBackendTest skipped: opt in with -Dpledgegraph.virtuoso=true (docs/deploy.md)");
        }
        Assumptions.assumeTrue(optedIn, "skipped: opt in with -Dpledgegraph.virtuoso=true");
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
