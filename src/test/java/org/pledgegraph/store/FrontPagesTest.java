package org.pledgegraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.cli.Wiring;
import org.pledgegraph.load.Loader;
import org.pledgegraph.server.PledgeServer;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.support.Http;
import org.pledgegraph.support.StandaloneFuseki;
import org.pledgegraph.support.TestStores;
import org.pledgegraph.web.Links;
import org.pledgegraph.web.Web;

/**
 * The pages over a front: {@code serve --store-url} with the web add-on over a standalone Fuseki serves every page the
 * embedded server serves, with the same HTML. The crawl starts at the pages of the navigation and follows the local
 * links of every page it reaches (of each kind of thing, the first eight).
 */
class FrontPagesTest {
    @TempDir
    static Path serverDir;

    static StandaloneFuseki fuseki;
    static Store embeddedStore;
    static Store remoteStore;
    static PledgeServer embedded;
    static PledgeServer front;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(StandaloneFuseki.available(), "skipped: " + StandaloneFuseki.JAR + " is missing (mvn process-test-resources copies it)");
        fuseki = StandaloneFuseki.start(serverDir.resolve("fuseki"));
        remoteStore = RemoteStore.connect(RemoteEndpoints.of(fuseki.url(), null, null, null));
        Wiring.wire(remoteStore, TestStores.project());
        new Loader(TestStores.project()).load(remoteStore, true);
        embeddedStore = TestStores.loadedFromRepository();
        ServerSettings settings = ServerSettings.defaults().withPort(0);
        embedded = PledgeServer.start(embeddedStore, settings, List.of(new Web(embeddedStore, Links.w3id())));
        front = PledgeServer.start(remoteStore, settings, List.of(new Web(remoteStore, Links.w3id())));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {front, embedded, remoteStore, embeddedStore, fuseki}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing the rest matters more
                }
            }
        }
    }

    private static final Pattern RDF_SUFFIX = Pattern.compile("\\.(ttl|jsonld|nt|rdf)$");
    private static final Pattern THING = Pattern.compile("^/id/([^/]+)/");
    private int representations;
    private final java.util.Map<String, Integer> perKind = new java.util.HashMap<>();

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");

    @Test
    void everyPageOfTheEmbeddedServerIsTheSameOverAFront() {
        Deque<String> todo = new ArrayDeque<>(List.of("/", "/commitments", "/query", "/sources", "/ontology",
                "/.well-known/void", "/graph/", "/commitments?as-of=2026-06-02&suppose=2026-06-01&event="
                        + Http.encode("https://w3id.org/pledgegraph/id/event/russia-ukraine-ceasefire")));
        Set<String> seen = new LinkedHashSet<>(todo);
        List<String> differences = new ArrayList<>();
        int pages = 0;
        while (!todo.isEmpty()) {
            String path = todo.removeFirst();
            HttpResponse<String> expected = Http.get(embedded.baseUrl() + path, "text/html");
            HttpResponse<String> actual = Http.get(front.baseUrl() + path, "text/html");
            // Error pages name the address asked for, whose port differs.
            String expectedBody = expected.body().replace(embedded.baseUrl(), "BASE");
            String actualBody = actual.body().replace(front.baseUrl(), "BASE");
            pages++;
            if (expected.statusCode() != actual.statusCode() || !same(expected, expectedBody, actualBody)) {
                differences.add(path + ": embedded " + expected.statusCode() + ", front " + actual.statusCode() + "\n"
                        + firstDifference(expectedBody, actualBody));
            }
            String type = expected.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/html") || path.startsWith("/assets") || path.startsWith("/webjars")) {
                continue;
            }
            Matcher m = HREF.matcher(expected.body());
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                // Every kind of page, but of the things (/id/{kind}/...) the first few of each kind only, and the other
                // representations (.ttl, .jsonld, .nt, .rdf) of the first few: pages of one kind come from one
                // template and one query, and a crawl of all of them would take a minute of the build.
                boolean representation = RDF_SUFFIX.matcher(link).find();
                Matcher thing = THING.matcher(link);
                String kind = thing.find() ? thing.group(1) : null;
                if (!link.startsWith("/pledgegraph/") && !seen.contains(link)
                        && (representation ? representations++ < 20 : kind == null || perKind.merge(kind, 1, Integer::sum) <= 8)) {
                    seen.add(link);
                    todo.addLast(link);
                }
            }
        }
        System.out.println("FrontPagesTest: " + pages + " pages compared, " + differences.size() + " differ");
        assertTrue(pages > 50 && perKind.size() > 10, "the crawl reached " + pages + " pages, things of " + perKind.size() + " kinds");
        differences.forEach(d -> System.out.println("DIFF " + d.lines().findFirst().orElse("")));
        assertEquals(List.of(), differences);
    }

    /** HTML and text the same character for character; RDF the same graph (serialisers order triples as they come). */
    static boolean same(HttpResponse<String> expected, String expectedBody, String actualBody) {
        if (expectedBody.equals(actualBody)) {
            return true;
        }
        String type = expected.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").strip();
        if (type.equals("text/html")) {
            // Items whose labels are equal are listed in the order the store gives them (web/Entity sorts by label
            // only), which differs between two stores: the same lines, in another order, count as the same page.
            return expectedBody.lines().sorted().toList().equals(actualBody.lines().sorted().toList());
        }
        org.apache.jena.riot.Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(type);
        if (lang == null || !org.apache.jena.riot.RDFLanguages.isTriples(lang)) {
            return false;
        }
        org.apache.jena.graph.Graph a = org.apache.jena.riot.RDFParser.fromString(expectedBody, lang).toGraph();
        org.apache.jena.graph.Graph b = org.apache.jena.riot.RDFParser.fromString(actualBody, lang).toGraph();
        return a.isIsomorphicWith(b);
    }

    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 200);
        return "  embedded: ..." + a.substring(from, Math.min(a.length(), i + 300)) + "\n  front:    ..."
                + b.substring(from, Math.min(b.length(), i + 300));
    }
}
