package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.server.ServiceAllowList;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/**
 * The live enrichment query through the server's SERVICE allow-list: answered by the replay server standing in for
 * the Wikidata Query Service, and failing cleanly, with the server still healthy, when the endpoint is unreachable.
 */
class FederationTest {
    static final Path LIVE = Path.of("queries/federated/wikidata-enrichment-live.rq");

    @TempDir
    Path tmp;

    /** The live query with its SERVICE endpoint pointed somewhere else: only the endpoint differs. */
    static String liveQueryAt(String endpoint) throws Exception {
        String query = Files.readString(LIVE);
        assertTrue(query.contains("SERVICE <" + ServiceAllowList.WIKIDATA_QUERY_SERVICE + ">"));
        return query.replace("SERVICE <" + ServiceAllowList.WIKIDATA_QUERY_SERVICE + ">", "SERVICE <" + endpoint + ">");
    }

    static HttpResponse<String> sparql(PledgeServer server, String query) {
        return Http.post(server.datasetUrl() + "/sparql", "application/sparql-query", query,
                "text/tab-separated-values", null);
    }

    @Test
    void theLiveQueryJoinsWikidataAnswersWithOurLinks() throws Exception {
        ReplayProject project = new ReplayProject(tmp);
        try (ReplayServer wikidata = new ReplayServer()) {
            assertEquals(0, project.run("load").exit());
            assertEquals(0, project.link(wikidata, "wikidata").exit()); // links state:exampliye to wd:Q900000131
            try (Store store = Store.open(project.store)) {
                PledgeServer server = PledgeServer.start(store, ServerSettings.defaults().withPort(0)
                        .withAllowedServices(List.of(wikidata.sparqlUrl())));
                try {
                    HttpResponse<String> r = sparql(server, liveQueryAt(wikidata.sparqlUrl()));
                    assertEquals(200, r.statusCode(), r.body());
                    assertEquals("?state\t?organization\n"
                            + "<https://w3id.org/pledgegraph/id/state/exampliye>\t"
                            + "<https://w3id.org/pledgegraph/id/organization/example-treaty-organization>\n", r.body());
                    assertTrue(wikidata.requests().stream().anyMatch(u -> u.startsWith("/sparql")), wikidata.requests().toString());
                } finally {
                    server.close();
                }
            }
        }
    }

    @Test
    void offlineTheLiveQueryFailsClearlyAndTheServerStaysHealthy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/sparql";
        ReplayProject project = new ReplayProject(tmp, Path.of("data"));
        assertEquals(0, project.run("load").exit());
        try (Store store = Store.open(project.store)) {
            org.pledgegraph.cli.Wiring.wire(store, project.dir);
            org.pledgegraph.support.CatalogSetup.apply(store, "wikidata-enrichment-cache");
            PledgeServer server = PledgeServer.start(store, ServerSettings.defaults().withPort(0)
                    .withAllowedServices(List.of(unreachable)));
            try {
                HttpResponse<String> failed = sparql(server, liveQueryAt(unreachable));
                assertTrue(failed.statusCode() >= 400, failed.statusCode() + " " + failed.body());
                assertTrue(failed.body().contains("127.0.0.1:" + closedPort) || failed.body().toLowerCase().contains("connect"),
                        "the error should say which endpoint could not be reached: " + failed.body());

                HttpResponse<String> ping = Http.get(server.baseUrl() + "/$/ping", "*/*");
                assertEquals(200, ping.statusCode());
                HttpResponse<String> cache = sparql(server, Files.readString(Path.of("queries/wikidata-enrichment-cache.rq")));
                assertEquals(200, cache.statusCode(), cache.body());
                assertEquals(12, cache.body().strip().lines().count(), "header and the 11 memberships of the cache: " + cache.body());
            } finally {
                server.close();
            }
        }
    }
}
