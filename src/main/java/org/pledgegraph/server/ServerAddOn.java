package org.pledgegraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

/**
 * What another part of pledgegraph (the web pages) adds to the server, on the same port and in the same process:
 * servlets and filters beside Fuseki's endpoints. The server stays ignorant of what they serve; the add-on never sees
 * the Fuseki builder, so it cannot loosen the server's security settings.
 */
@FunctionalInterface
public interface ServerAddOn {
    void addTo(Routes routes);

    /** Where an add-on registers what it serves. Path specs use servlet syntax. */
    interface Routes {
        /**
         * Serves {@code pathSpec} ({@code ""} for the root alone, {@code "/x"}, {@code "/x/*"}) with the servlet. Servlets
         * are asked after Fuseki's dataset dispatch, so {@code /pledgegraph/...} stays Fuseki's.
         */
        Routes servlet(String pathSpec, HttpServlet servlet);

        /**
         * Runs the filter before Fuseki dispatches (after the server's own body limit and write gate), so it may also
         * answer on a dataset path, e.g. a GET of the query endpoint that carries no query.
         */
        Routes filter(String pathSpec, Filter filter);
    }
}
