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
 * Cross-origin reads, for browser SPARQL clients (YASGUI and the like) with {@code serve --cors}. Fuseki's own CORS
 * filter echoes any origin and allows credentials; this one answers any origin without credentials, and only for the
 * read endpoints ({@code sparql}, and GET on {@code data}), so a web page can query the store but never write to it.
 */
public final class ReadCors implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        String method = request.getMethod();
        boolean query = path.endsWith("/sparql") && (method.equals("GET") || method.equals("POST") || method.equals("OPTIONS"));
        boolean read = path.endsWith("/data") && (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        if (request.getHeader("Origin") == null || !(query || read)) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", "Content-Type, Fuseki-Request-Id");
        if (method.equals("OPTIONS")) {
            response.setHeader("Access-Control-Allow-Methods", query ? "GET, POST, OPTIONS" : "GET, HEAD, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
            response.setHeader("Access-Control-Max-Age", "1800");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(req, res);
    }
}
