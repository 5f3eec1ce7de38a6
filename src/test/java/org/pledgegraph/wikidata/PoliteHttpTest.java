package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's manners on their own: Retry-After as an HTTP date, a Retry-After too long to wait, a 4xx not retried. */
class PoliteHttpTest {
    ReplayServer wikidata;
    PoliteHttp http;
    URI search;

    @BeforeEach
    void start() throws Exception {
        wikidata = new ReplayServer();
        WikidataEndpoints endpoints = WikidataEndpoints.live().withApi(wikidata.apiUrl())
                .withTimeout(Duration.ofSeconds(2)).withMinInterval(Duration.ZERO);
        http = new PoliteHttp(endpoints);
        search = new WikidataApi(endpoints).searchUri("Ada Example", 7);
    }

    @AfterEach
    void stop() {
        wikidata.close();
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        // HTTP dates have whole seconds: two seconds ahead is at least one second of waiting.
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        wikidata.script(new ReplayServer.Scripted(503, "", Map.of("Retry-After", at), 0));
        String body = http.get(search, "application/json");
        assertTrue(body.contains("Q900000101"));
        var times = wikidata.requestTimes();
        assertEquals(2, times.size());
        assertTrue(times.get(1) - times.get(0) >= 1_000_000_000L, "retried before the date in Retry-After");
    }

    @Test
    void aRetryAfterLongerThanWeWaitFailsAtOnce() {
        wikidata.script(new ReplayServer.Scripted(429, "", Map.of("Retry-After", "3600"), 0));
        WikidataUnavailable e = assertThrows(WikidataUnavailable.class, () -> http.get(search, "application/json"));
        assertTrue(e.getMessage().contains("after 3600 s, longer than the 120 s we wait"), e.getMessage());
        assertEquals(1, wikidata.requests().size());
    }

    @Test
    void aClientErrorIsNotRetried() {
        wikidata.script(new ReplayServer.Scripted(403, "", Map.of(), 0));
        WikidataUnavailable e = assertThrows(WikidataUnavailable.class, () -> http.get(search, "application/json"));
        assertTrue(e.getMessage().startsWith("Wikidata answered HTTP 403 to http://127.0.0.1:"), e.getMessage());
        assertEquals(1, wikidata.requests().size());
    }

    @Test
    void anApiErrorObjectIsReported() {
        wikidata.script(new ReplayServer.Scripted(200,
                "{\"error\":{\"code\":\"maxlag\",\"info\":\"Waiting for a database server: 7 seconds lagged.\"}}", Map.of(), 0));
        WikidataUnavailable e = assertThrows(WikidataUnavailable.class,
                () -> new WikidataApi(WikidataEndpoints.live().withApi(wikidata.apiUrl()).withMinInterval(Duration.ZERO))
                        .search("Ada Example", 7));
        assertTrue(e.getMessage().contains("reported an error") && e.getMessage().contains("7 seconds lagged"), e.getMessage());
    }
}
