package org.pledgegraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The origins (scheme, host and port, exactly) of the endpoints on the federation allow-list, and the one way the
 * server fetches a document for {@code LOAD}: from those origins only, following a redirect only when it stays
 * among them. Java's client would follow a 302 from an allowed host to any host; this one never follows by itself.
 */
final class AllowedOrigins {
    static final int MAX_REDIRECTS = 5;

    /** Never follows redirects: SERVICE and LOAD see a 3xx as the answer it is. Built on first use (it starts TLS). */
    static HttpClient noRedirects() {
        return NoRedirects.CLIENT;
    }

    private static final class NoRedirects {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private final Set<String> origins = new TreeSet<>();

    AllowedOrigins(Collection<String> endpoints) {
        for (String endpoint : endpoints) {
            String origin = originOf(endpoint);
            if (origin != null) {
                origins.add(origin);
            }
        }
    }

    Set<String> origins() {
        return origins;
    }

    boolean allows(String url) {
        String origin = originOf(url);
        return origin != null && origins.contains(origin);
    }

    /** {@code scheme://host:port} with the default port spelled out, or null for anything but http(s) with a host. */
    static String originOf(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A fetched document: where it finally came from, its media type (may be null) and its bytes. */
    record Document(String url, String contentType, byte[] body) {}

    /**
     * GETs {@code url} from an allowed origin, following at most {@link #MAX_REDIRECTS} redirects that stay on allowed
     * origins; reads at most {@code maxBytes}. Throws {@link Refused} with the reason otherwise.
     */
    Document fetch(String url, long maxBytes, Duration timeout) {
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!allows(current)) {
                throw new Refused("<" + current + "> is not on an allowed origin " + origins
                        + (current.equals(url) ? "" : " (redirected from <" + url + ">)"));
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(current)).timeout(timeout)
                    .header("Accept", "text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.8, application/rdf+xml;q=0.7")
                    .GET().build();
            HttpResponse<InputStream> response;
            try {
                response = noRedirects().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new Refused("<" + current + "> could not be fetched: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused("<" + current + "> fetch interrupted");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElse(null);
                close(response);
                if (location == null) {
                    throw new Refused("<" + current + "> answered " + status + " without a Location");
                }
                current = URI.create(current).resolve(location).toString();
                continue;
            }
            if (status != 200) {
                close(response);
                throw new Refused("<" + current + "> answered " + status);
            }
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (body.length > maxBytes) {
                    throw new Refused("<" + current + "> is larger than " + maxBytes + " bytes");
                }
                return new Document(current, response.headers().firstValue("Content-Type").orElse(null), body);
            } catch (IOException e) {
                throw new Refused("<" + current + "> could not be read: " + e.getMessage());
            }
        }
        throw new Refused("<" + url + "> redirected more than " + MAX_REDIRECTS + " times");
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // Nothing to keep from a response we refuse.
        }
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
