package org.pledgegraph.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on every response of the server. The Content-Security-Policy allows scripts, styles, images and
 * fetches from this origin only: no inline script, no eval, no plugin, no framing, forms post only here. Values on the
 * pages are escaped by the templates; the policy is the second wall if one ever is not.
 */
public final class SecurityHeaders implements Filter {
    /** The policy of every page. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The policy for a page whose library injects {@code <style>} elements (editors such as CodeMirror do): the same,
     * with inline styles allowed. Scripts stay {@code 'self'} only.
     */
    public static final String CSP_INLINE_STYLES = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Content-Security-Policy", CSP);
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "same-origin");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        }
        chain.doFilter(request, response);
    }

    /** Lets one page's response allow inline styles (call before writing the body). */
    public static void allowInlineStyles(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP_INLINE_STYLES);
    }
}
