package org.pledgegraph.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** TRACE echoes a request back, headers included; nothing here needs it, so it is 405 everywhere. */
public final class NoTrace implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if ("TRACE".equalsIgnoreCase(((HttpServletRequest) req).getMethod())) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not allowed");
            return;
        }
        chain.doFilter(req, res);
    }
}
