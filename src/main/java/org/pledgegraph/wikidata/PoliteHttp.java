package org.pledgegraph.wikidata;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * GET requests the way Wikimedia asks bots to make them: a User-Agent naming the project and a contact, one request
 * at a time with a minimum interval, and on 429 or 5xx a retry after the server's Retry-After (or an exponential
 * backoff when it gives none). Every failure ends as a {@link WikidataUnavailable} with a one-line reason.
 */
public final class PoliteHttp {
    private final WikidataEndpoints endpoints;
    private final HttpClient client;
    private long lastRequestNanos;

    public PoliteHttp(WikidataEndpoints endpoints) {
        this.endpoints = endpoints;
        this.client = HttpClient.newBuilder()
                .connectTimeout(endpoints.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The body of a 200 answer to {@code uri}, asking for {@code accept}. */
    public synchronized String get(URI uri, String accept) {
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 0; ; attempt++) {
            pace();
            HttpResponse<String> response;
            try {
                response = send(uri, accept);
            } finally {
                // The interval runs from the end of one exchange to the start of the next: never two at once.
                lastRequestNanos = System.nanoTime();
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable) {
                throw new WikidataUnavailable("Wikidata answered HTTP " + status + " to " + uri);
            }
            if (attempt >= endpoints.maxRetries()) {
                throw new WikidataUnavailable("Wikidata answered HTTP " + status + " to " + uri + " after "
                        + (attempt + 1) + " attempts");
            }
            Duration wait = retryAfter(response).orElse(backoff);
            if (wait.compareTo(endpoints.maxWait()) > 0) {
                throw new WikidataUnavailable("Wikidata asked to retry " + uri + " after " + wait.toSeconds()
                        + " s, longer than the " + endpoints.maxWait().toSeconds() + " s we wait");
            }
            sleep(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    private HttpResponse<String> send(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(endpoints.timeout())
                .header("User-Agent", WikidataEndpoints.USER_AGENT)
                .header("Accept", accept)
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new WikidataUnavailable("Wikidata did not answer " + uri + " within "
                    + endpoints.timeout().toSeconds() + " s", e);
        } catch (java.net.ConnectException e) {
            throw new WikidataUnavailable("cannot reach Wikidata at " + uri + ": connection refused or no network", e);
        } catch (IOException e) {
            throw new WikidataUnavailable("cannot reach Wikidata at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WikidataUnavailable("interrupted while asking " + uri, e);
        }
    }

    /** Waits until the minimum interval since the previous request has passed: the rate limit. */
    private void pace() {
        long now = System.nanoTime();
        long due = lastRequestNanos + endpoints.minInterval().toNanos();
        if (lastRequestNanos != 0 && now < due) {
            sleep(Duration.ofNanos(due - now));
        }
    }

    /** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
    static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException unreadable) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WikidataUnavailable("interrupted while waiting to retry", e);
        }
    }
}
