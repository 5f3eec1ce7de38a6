package org.pledgegraph.server;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Direct graph identification of the Graph Store Protocol (§4.1): below the Graph Store endpoint
 * ({@code /pledgegraph/data/...}) the request URL is itself the graph's name. {@code PUT /pledgegraph/data/person/1.ttl}
 * writes the graph {@code <http://HOST:PORT/pledgegraph/data/person/1.ttl>}, and so do GET, HEAD, POST and DELETE, as
 * if the request had said {@code /pledgegraph/data?graph=<that URL>}: this filter hands Fuseki exactly that request.
 * A graph created by POST to the endpoint is named this way, so its {@code Location} can be used directly.
 */
public final class DirectGraphs implements Filter {
    private final String endpointPath;

    /** @param endpointPath the Graph Store endpoint, e.g. {@code /pledgegraph/data} */
    public DirectGraphs(String endpointPath) {
        this.endpointPath = endpointPath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = request.getRequestURI();
        if (!path.startsWith(endpointPath + "/") || path.length() == endpointPath.length() + 1) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getQueryString() != null) {
            ((HttpServletResponse) res).sendError(HttpServletResponse.SC_BAD_REQUEST,
                    "A graph named by its URL takes no query string: use " + endpointPath + "?graph=IRI instead");
            return;
        }
        String graph = request.getRequestURL().toString();
        chain.doFilter(new Indirect(request, graph), res);
    }

    /** The same request, addressed to the endpoint with {@code ?graph=}. */
    private final class Indirect extends HttpServletRequestWrapper {
        private final String graph;

        Indirect(HttpServletRequest request, String graph) {
            super(request);
            this.graph = graph;
        }

        @Override
        public String getRequestURI() {
            return endpointPath;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            int at = url.indexOf(endpointPath + "/");
            return new StringBuffer(url.substring(0, at + endpointPath.length()));
        }

        @Override
        public String getServletPath() {
            return endpointPath;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return "graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8);
        }

        @Override
        public String getParameter(String name) {
            return "graph".equals(name) ? graph : null;
        }

        @Override
        public String[] getParameterValues(String name) {
            return "graph".equals(name) ? new String[] {graph} : null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of("graph", new String[] {graph});
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(java.util.List.of("graph"));
        }
    }
}
