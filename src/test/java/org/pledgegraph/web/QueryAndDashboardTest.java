package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.support.Http;

/**
 * The query page and the dashboard as a browser without JavaScript gets them: plain GETs of a real server over the
 * repository's store, answered with server-rendered tables.
 */
class QueryAndDashboardTest {
    @RegisterExtension
    static final WebServer web = new WebServer();

    static final Pattern BODY_ROW = Pattern.compile("<tr[ >]");

    static String page(String path, int status) {
        HttpResponse<String> r = Http.get(web.url(path), "text/html");
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return r.body();
    }

    static List<String> committed(String html) {
        Matcher m = Pattern.compile("data-commitment=\"https://w3id.org/pledgegraph/id/commitment/([^\"]+)\"").matcher(html);
        return m.results().map(r -> r.group(1)).sorted().toList();
    }

    static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertTrue(start >= 0, "no " + from);
        return html.substring(start, html.indexOf(to, start));
    }

    @Test
    void theCatalogIsEveryQueryFileWithItsTitleAndQuestion() throws IOException {
        Catalog catalog = Catalog.fromClasspath();
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Path.of("queries"))) {
            list.filter(p -> p.toString().endsWith(".rq")).forEach(p -> files.add(p.getFileName().toString().replace(".rq", "")));
        }
        assertEquals(files, new TreeSet<>(catalog.entries().stream().map(Catalog.Entry::name).toList()));
        Catalog.Entry status = catalog.get("status-as-of").orElseThrow();
        assertEquals("Status of every commitment as of a date", status.title());
        assertTrue(status.question().endsWith("by the source's words or by a reading of them?"), status.question());
        assertEquals(Files.readString(Path.of("queries/status-as-of.rq"), StandardCharsets.UTF_8), status.text());
        String html = page("/query", 200);
        for (Catalog.Entry e : catalog.entries()) {
            assertTrue(html.contains("href=\"/query?name=" + e.name() + "\""), e.name());
        }
    }

    @Test
    void aCatalogQueryIsAnsweredOnTheServer() {
        String html = page("/query?name=conditional-commitments", 200);
        assertTrue(html.contains("<h1>Commitments waiting for a condition</h1>"), "its title");
        String table = between(html, "<tbody>", "</tbody>");
        assertEquals(7, BODY_ROW.matcher(table).results().count(), table);
        assertTrue(table.contains("will be activated once a ceasefire enters into force"));
        assertTrue(table.contains("<a href=\"/id/event/russia-ukraine-ceasefire\">event:russia-ukraine-ceasefire</a>"),
                "IRIs link to their local pages");
        assertTrue(html.contains("class=\"CodeMirror") || html.contains("id=\"query-text\""), "the editor's text area");
    }

    @Test
    void anOwnQueryNeedsNoPrefixDeclarationAndLinksItsDownloads() {
        String query = "SELECT ?c WHERE { ?c pg:hasActivationCondition ?x } ORDER BY ?c";
        String html = page("/query?query=" + Http.encode(query), 200);
        assertEquals(7, BODY_ROW.matcher(between(html, "<tbody>", "</tbody>")).results().count());
        Matcher csv = Pattern.compile("id=\"download-csv\" href=\"([^\"]+)\"").matcher(html);
        assertTrue(csv.find());
        HttpResponse<String> download = Http.get(web.url(csv.group(1).replace("&amp;", "&")), "*/*");
        assertEquals(200, download.statusCode(), download.body());
        assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = download.body().lines().toList();
        assertEquals("c", lines.get(0));
        assertEquals(8, lines.size(), "header and seven rows: " + lines);
    }

    @Test
    void badQueriesAndNamesAreClearErrors() {
        String html = page("/query?query=" + Http.encode("SELEC ?x WHERE {}"), 400);
        assertTrue(html.contains("The query does not parse: Lexical error at line 1"), html);
        assertTrue(page("/query?name=no-such-query", 404).contains("There is no catalog query named"));
        assertTrue(page("/commitments?asOf=tomorrow", 400).contains("is not a date of the form YYYY-MM-DD"));
    }

    @Test
    void dashboardFiltersAndCounts() {
        String html = page("/commitments?asOf=2026-01-07", 200);
        assertEquals(13, committed(html).size());
        assertTrue(html.contains("<strong>7</strong> <span class=\"badge pending\">pending</span>"), between(html, "id=\"counts\"", "</ul>"));
        assertTrue(html.contains("<strong>6</strong> <span class=\"badge active\">active</span>"));
        assertEquals(List.of("ceasefire-monitoring-mechanism", "germany-possible-deployments", "multinational-reassurance-force", "response-to-future-aggression", "security-guarantees", "uk-france-military-hubs", "us-support-reassurance-force"),
                committed(page("/commitments?asOf=2026-01-07&status=pending", 200)));
        assertEquals(List.of("uk-france-military-hubs"),
                committed(page("/commitments?asOf=2026-01-07&guarantor=" + Http.encode("https://w3id.org/pledgegraph/id/state/france"), 200)));
        assertEquals(List.of("eu-loan-90bn"),
                committed(page("/commitments?asOf=2026-01-07&kind=" + Http.encode("https://w3id.org/pledgegraph/ontology#LoanCommitment"), 200)));
        assertEquals(13, committed(page("/commitments?asOf=2026-01-07&source="
                + Http.encode("https://w3id.org/pledgegraph/id/source/coalition-summit-2026-01-07"), 200)).size());
        String before = page("/commitments?asOf=2025-11-30", 200);
        assertTrue(before.contains("<strong>13</strong> <span class=\"badge pending\">pending</span>"), "nothing made yet is active");
    }

    @Test
    void supposingTheCeasefireWritesNothing() {
        long triples = web.store().tripleCount();
        String html = page("/commitments?asOf=2026-01-07&suppose=2026-06-01", 200);
        String would = between(html, "id=\"would-become-active\"", "</ul>");
        for (String slug : List.of("security-guarantees", "ceasefire-monitoring-mechanism", "uk-france-military-hubs")) {
            assertTrue(would.contains("/id/commitment/" + slug + "\""), slug);
        }
        assertTrue(html.contains("as of 2026-06-01"), "asked about the supposed day");
        assertEquals(triples, web.store().tripleCount(), "nothing recorded");
        assertTrue(page("/commitments?asOf=2026-06-02", 200).contains("<strong>7</strong> <span class=\"badge pending\">pending</span>"));
    }
}
