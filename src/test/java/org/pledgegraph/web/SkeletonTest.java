package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.support.Http;

/** The web skeleton over HTTP: the home page, the stylesheet from the jar, security headers, reads only. */
class SkeletonTest {
    @RegisterExtension
    static final WebServer web = new WebServer();

    @Test
    void homePageIsHtmlAndLinksToEverything() {
        HttpResponse<String> r = Http.get(web.url("/"), "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        String html = r.body();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        for (String link : new String[] {"href=\"/commitments\"", "href=\"/query\"", "href=\"/ontology\"",
                "href=\"/sources\"", "href=\"/pledgegraph/sparql\"", "href=\"/assets/pledgegraph.css\"",
                "href=\"/id/source/coalition-summit-2026-01-07\"", "href=\"/id/summit/",
                "href=\"/id/commitment/security-guarantees\"", "href=\"/id/person/emmanuel-macron\""}) {
            assertTrue(html.contains(link), "home page lacks " + link);
        }
        assertTrue(html.contains(">Emmanuel Macron</a>"), "labels, not slugs");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/assets/pledgegraph.css", "/no/such/page"}) {
            HttpResponse<String> r = Http.get(web.url(path), "*/*");
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
                    path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), path);
        }
    }

    @Test
    void stylesheetComesFromTheJar() {
        HttpResponse<String> r = Http.get(web.url("/assets/pledgegraph.css"), "text/css");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(r.body().contains("--accent"));
    }

    @Test
    void assetsRefuseWhatIsNotAnAsset() {
        assertEquals(404, Http.get(web.url("/assets/../web/queries/home.rq"), "*/*").statusCode());
        assertEquals(404, Http.get(web.url("/assets/"), "*/*").statusCode());
        assertEquals(404, Http.get(web.url("/assets/nothing.css"), "*/*").statusCode());
        assertEquals(404, Http.get(web.url("/webjars/x/1/x.class"), "*/*").statusCode());
    }

    @Test
    void pagesAreReadOnlyAndAskForNoCredentials() {
        HttpResponse<String> r = Http.post(web.url("/"), "text/plain", "x", "*/*", null);
        assertEquals(405, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").isEmpty());
    }
}
