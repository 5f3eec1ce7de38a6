package org.pledgegraph.web;

import java.nio.file.Path;

import org.pledgegraph.Vocab;
import org.pledgegraph.server.ServerAddOn;
import org.pledgegraph.server.ServerSettings;
import org.pledgegraph.store.Store;

/**
 * The web front as a server add-on: pages rendered on the server from templates, static assets from the jar, and
 * security headers on every response. {@code serve} hands it to {@code PledgeServer.start}; it reads the store through
 * {@link Store#query} and never writes.
 */
public final class Web implements ServerAddOn {
    private final Site site;
    private final Path project;

    /** The web front over a store, with the source texts under the current folder. */
    public Web(Store store, Links links) {
        this(store, links, Path.of(""));
    }

    /** The web front over a store; source texts ({@code pg:textFile}) are read under {@code project}. */
    public Web(Store store, Links links, Path project) {
        this.site = new Site(store, new Templates(), links);
        this.project = project;
    }

    public Site site() {
        return site;
    }

    @Override
    public void addTo(Routes routes) {
        routes.filter("/*", new SecurityHeaders());
        routes.servlet("/assets/*", Assets.own());
        routes.servlet("/webjars/*", Assets.webjars());
        routes.servlet("", new HomePage(site));

        // Linked data: /id/..., /ontology, /graph/..., service description, VoID (web-pages).
        routes.servlet("/id/*", new ThingPages(site, project));
        routes.servlet("/sources", new SourcesPage(site));
        OntologyPage ontology = new OntologyPage(site);
        GraphPages voidGraph = GraphPages.fixed(site, Vocab.GRAPH + "void");
        routes.servlet("/ontology", ontology);
        routes.servlet("/.well-known/void", voidGraph);
        // The dataset's IRIs (https://w3id.org/pledgegraph/dataset[/...]) are described by the VoID graph.
        routes.servlet("/dataset", voidGraph);
        routes.servlet("/dataset/*", voidGraph);
        for (Representation r : Representation.values()) {
            routes.servlet("/ontology." + r.suffix(), ontology);
            routes.servlet("/.well-known/void." + r.suffix(), voidGraph);
        }
        routes.servlet("/graph/*", GraphPages.named(site));
        routes.servlet("/graph", GraphPages.named(site));
        routes.filter("/" + ServerSettings.DATASET + "/sparql", new ServiceDescription(site));

        // Query page and commitments dashboard (web-app).
        routes.servlet("/query", new QueryPage(site, Catalog.fromClasspath()));
        routes.servlet("/commitments", new CommitmentsPage(site));
    }
}
