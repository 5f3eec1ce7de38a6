package org.pledgegraph.wikidata;

import java.net.URI;
import java.time.Duration;

/**
 * Where Wikidata answers and how patiently we ask. Only the base URLs differ between the live service and the local
 * replay server of the tests, so the same code runs against both.
 *
 * @param api          the MediaWiki action API ({@code wbsearchentities}, {@code wbgetentities})
 * @param timeout      per request, connection included
 * @param minInterval  at least this long between two requests (the rate limit)
 * @param maxRetries   how many times a 429 or 5xx answer is retried before giving up
 * @param maxWait      the longest Retry-After we honour; a server asking for longer makes the command fail
 */
public record WikidataEndpoints(URI api, Duration timeout, Duration minInterval, int maxRetries,
        Duration maxWait) {
    public static final String API = "https://www.wikidata.org/w/api.php";
    public static final String USER_AGENT =
            "pledgegraph/0.1 (https://w3id.org/pledgegraph; linked data of diplomatic commitments) java.net.http";

    public static WikidataEndpoints live() {
        return new WikidataEndpoints(URI.create(API), Duration.ofSeconds(30),
                Duration.ofMillis(500), 4, Duration.ofSeconds(120));
    }

    public WikidataEndpoints withApi(String url) {
        return new WikidataEndpoints(URI.create(url), timeout, minInterval, maxRetries, maxWait);
    }

    public WikidataEndpoints withTimeout(Duration t) {
        return new WikidataEndpoints(api, t, minInterval, maxRetries, maxWait);
    }

    public WikidataEndpoints withMinInterval(Duration i) {
        return new WikidataEndpoints(api, timeout, i, maxRetries, maxWait);
    }
}
