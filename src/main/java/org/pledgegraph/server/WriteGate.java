package org.pledgegraph.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The gate in front of the write endpoints ({@code update}, and Graph Store writes on {@code data}): with no
 * credentials file, writes are closed to everyone (401, never open); with one, a write without a login is 401 too.
 * Derivations are not its business: every write derives inside its own transaction, before the commit (see
 * {@link DerivingDataset}).
 */
public final class WriteGate implements Filter {
    private final boolean writesEnabled;
    private final String realm;

    public WriteGate(boolean writesEnabled, String realm) {
        this.writesEnabled = writesEnabled;
        this.realm = realm;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!isWrite(request)) {
            chain.doFilter(req, res);
            return;
        }
        if (!writesEnabled) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                    "Updates are disabled: start the server with --auth FILE to accept authenticated writes");
            return;
        }
        if (request.getUserPrincipal() == null) {
            // Jetty's constraints already demand a login for writes; this is the second lock on the same door.
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Writes need credentials");
            return;
        }
        chain.doFilter(req, res);
    }

    /** Whether the request writes: anything to {@code update}, and Graph Store writes to {@code data} or below it. */
    static boolean isWrite(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.endsWith("/update") || isGraphStoreWrite(request);
    }

    private static boolean isGraphStoreWrite(HttpServletRequest request) {
        String method = request.getMethod();
        boolean reads = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String path = request.getRequestURI();
        return (path.endsWith("/data") || path.contains("/data/")) && !reads;
    }
}
