package org.pledgegraph.server;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses writes a web page of another site makes a browser send. A browser that holds the server's credentials
 * (basic auth is cached) attaches them to a form, multipart or {@code text/plain} POST from any page, without asking
 * the server first; such a request names its page in {@code Origin} (and {@code Sec-Fetch-Site}, or at least
 * {@code Referer}). A write whose headers name another origin is refused with 403, and a {@code text/plain} write
 * with 415, since no SPARQL or RDF write is {@code text/plain}.
 * <p>
 * Form and multipart writes stay allowed from clients that are not a browser on another site (curl, scripts, the
 * W3C protocol suites use both) and from the server's own pages.
 */
public final class CrossSiteWrites implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!WriteGate.isWrite(request)) {
            chain.doFilter(req, res);
            return;
        }
        String own = request.getScheme().toLowerCase(Locale.ROOT) + "://" + String.valueOf(request.getHeader("Host")).toLowerCase(Locale.ROOT);
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        String referer = request.getHeader("Referer");
        String refusal = null;
        if (origin != null && !sameOrigin(origin, own)) {
            refusal = "Origin " + origin;
        } else if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            refusal = "Sec-Fetch-Site: " + site;
        } else if (origin == null && referer != null && !sameOrigin(originOf(referer), own)) {
            refusal = "Referer " + referer;
        }
        if (refusal != null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Cross-site write refused (" + refusal + " is not " + own + "): writes come from this server's pages or from non-browser clients");
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain")) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "text/plain writes are refused: send application/sparql-update, or an RDF media type such as text/turtle");
            return;
        }
        chain.doFilter(req, res);
    }

    private static boolean sameOrigin(String origin, String own) {
        return origin != null && origin.toLowerCase(Locale.ROOT).equals(own);
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
