package org.pledgegraph.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.pledgegraph.store.Store;

/**
 * What every page shares: the store (read through {@link Store#query} only: pages never write), the templates, and
 * how links are written.
 */
public final class Site {
    private final Store store;
    private final Templates templates;
    private final Links links;

    public Site(Store store, Templates templates, Links links) {
        this.store = store;
        this.templates = templates;
        this.links = links;
    }

    public Store store() {
        return store;
    }

    public Templates templates() {
        return templates;
    }

    public Links links() {
        return links;
    }

    /** Sends a rendered page; pages show the store as it is now, so browsers revalidate. */
    public void page(HttpServletResponse response, int status, String template, Object model) throws IOException {
        response.setHeader("Cache-Control", "no-cache");
        templates.send(response, status, template, model);
    }
}
