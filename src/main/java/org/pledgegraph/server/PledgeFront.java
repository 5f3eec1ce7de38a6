package org.pledgegraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Change;
import org.pledgegraph.store.RemoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code serve --store-url}: a stateless front over a remote store, with the embedded server's endpoints
 * ({@code /pledgegraph/sparql}, {@code /update}, {@code /data}, {@code /$/ping}) and its gates (body limit, writes only
 * with credentials). Queries are parsed and checked here (SERVICE allow-list, time limit) before they are sent on;
 * updates are parsed and checked here (no LOAD but of allow-listed http(s) hosts), then sent with their derivation as
 * one request. The front keeps nothing: a write is acknowledged only once the store has applied it, so any number of
 * fronts can serve one store and any of them can be killed without losing an acknowledged write.
 */
final class PledgeFront {
    private static final Logger LOG = LoggerFactory.getLogger(PledgeFront.class);

    private PledgeFront() {}

    static FusekiServer start(RemoteStore store, ServerSettings settings, List<ServerAddOn> addOns) {
        boolean writes = settings.authFile() != null;
        if (writes && !Files.isReadable(settings.authFile())) {
            throw new UserException("credentials file " + settings.authFile() + " is not readable");
        }
        Set<String> services = Set.copyOf(settings.allowedServices());
        String base = "/" + ServerSettings.DATASET;
        FusekiServer.Builder builder = FusekiServer.create()
                .port(settings.port())
                .enablePing(true)
                .enableCors(false)
                .realm(ServerSettings.REALM)
                .addFilter("/*", new BodyLimit(settings.maxBodyBytes()))
                .addFilter("/*", new NoTrace())
                .addFilter(base + "/*", new WriteGate(writes, ServerSettings.REALM))
                .addFilter(base + "/*", new CrossSiteWrites())
                .addServlet(base + "/sparql", new Queries(store, services, settings))
                .addServlet(base + "/update", new Updates(store, services))
                .addServlet(base + "/data", new GraphStore(store, services, settings));
        if (settings.readCors()) {
            builder.addFilter(base + "/*", new ReadCors());
        }
        // The pages (web/) read through Store.query, which a remote store answers like the embedded one.
        for (ServerAddOn addOn : addOns) {
            addOn.addTo(PledgeServer.routesOf(builder));
        }
        if (writes) {
            builder.securityHandler(WriteAuthentication.handler(settings.authFile(), ServerSettings.REALM, base));
        }
        FusekiServer fuseki = builder.build();
        if (writes) {
            fuseki.getJettyServer().setHandler(new PasswordThrottle(fuseki.getJettyServer().getHandler()));
        }
        for (Connector connector : fuseki.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(settings.host());
            }
        }
        fuseki.start();
        LOG.info("pledgegraph front over {} (query {}, update {}, data {})", store.description(), store.endpoints().query(),
                store.endpoints().update(), store.endpoints().data());
        return fuseki;
    }

    /** Refuses a SERVICE to an endpoint off the allow-list, anywhere in the query (sub-queries and EXISTS included). */
    static void checkServices(Query query, Set<String> allowed) {
        List<String> refused = new ArrayList<>();
        Walker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                Node service = op.getService();
                if (!service.isURI() || !allowed.contains(service.getURI())) {
                    refused.add(service.isURI() ? "<" + service.getURI() + ">" : service.toString());
                }
            }
        });
        if (!refused.isEmpty()) {
            throw new UserException("SERVICE " + refused.get(0) + " refused: not on the allow-list "
                    + (allowed.isEmpty() ? "(federation is off)" : allowed.toString()));
        }
    }

    private static void fail(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null ? "" : ContentType.create(type).getContentTypeStr();
    }

    /** The query endpoint: GET ?query=, POST of a form or of application/sparql-query. */
    static final class Queries extends HttpServlet {
        private final RemoteStore store;
        private final Set<String> services;
        private final ServerSettings settings;

        Queries(RemoteStore store, Set<String> services, ServerSettings settings) {
            this.store = store;
            this.services = services;
            this.settings = settings;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            answer(request.getParameter("query"), request, response);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String text = mediaType(request).equals("application/sparql-query") ? body(request) : request.getParameter("query");
            answer(text, request, response);
        }

        private void answer(String text, HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (text == null || text.isBlank()) {
                fail(response, 400, "no query: give it as ?query= or as an application/sparql-query body");
                return;
            }
            Query query;
            try {
                query = QueryFactory.create(text, Syntax.syntaxARQ);
                checkServices(query, services);
            } catch (QueryParseException e) {
                fail(response, 400, "Parse error: " + e.getMessage());
                return;
            } catch (UserException e) {
                fail(response, 422, e.getMessage());
                return;
            }
            String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
            try (QueryExec exec = store.exec(query, settings.queryTimeout())) {
                OutputStream out = response.getOutputStream();
                if (query.isSelectType() || query.isAskType()) {
                    Lang lang = accept.contains("text/csv") ? ResultSetLang.RS_CSV
                            : accept.contains("tab-separated-values") ? ResultSetLang.RS_TSV
                            : accept.contains("sparql-results+xml") ? ResultSetLang.RS_XML : ResultSetLang.RS_JSON;
                    response.setContentType(lang.getHeaderString() + ";charset=utf-8");
                    if (query.isSelectType()) {
                        ResultSetMgr.write(out, org.apache.jena.query.ResultSet.adapt(exec.select()), lang);
                    } else {
                        ResultSetMgr.write(out, exec.ask(), lang);
                    }
                } else {
                    Lang lang = accept.contains("application/n-triples") ? Lang.NTRIPLES
                            : accept.contains("application/ld+json") ? Lang.JSONLD
                            : accept.contains("application/rdf+xml") ? Lang.RDFXML : Lang.TURTLE;
                    response.setContentType(lang.getHeaderString() + ";charset=utf-8");
                    Graph graph = query.isConstructType() ? exec.construct() : exec.describe();
                    RDFDataMgr.write(out, graph, lang);
                }
            } catch (RuntimeException e) {
                if (!response.isCommitted()) {
                    response.reset();
                    fail(response, 502, "the store failed: " + e.getMessage());
                } else {
                    throw e;
                }
            }
        }
    }

    /** The update endpoint: POST of application/sparql-update or a form; the write gate has checked the login. */
    static final class Updates extends HttpServlet {
        private final RemoteStore store;
        private final Set<String> loadHosts;

        Updates(RemoteStore store, Set<String> services) {
            this.store = store;
            this.loadHosts = hostsOf(services);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String text = mediaType(request).equals("application/sparql-update") ? body(request) : request.getParameter("update");
            if (text == null || text.isBlank()) {
                fail(response, 400, "no update: give it as an application/sparql-update body or as update=");
                return;
            }
            UpdateRequest update;
            try {
                update = UpdateFactory.create(text, Syntax.syntaxARQ);
                for (Update op : update.getOperations()) {
                    if (op instanceof UpdateLoad load) {
                        checkLoad(load.getSource(), loadHosts);
                    }
                }
            } catch (QueryParseException e) {
                fail(response, 400, "Parse error: " + e.getMessage());
                return;
            } catch (UserException e) {
                fail(response, 400, e.getMessage());
                return;
            }
            try {
                apply(store, update);
                response.setStatus(204);
            } catch (UserException e) {
                fail(response, 400, e.getMessage());
            } catch (RuntimeException e) {
                fail(response, 502, "the store failed: " + e.getMessage());
            }
        }
    }

    /**
     * An update of INSERT DATA and DELETE DATA only is a change of known quads: it takes the store's change path (a
     * focused derivation). Anything else is sent as it is, followed by the full derivation, in one request.
     */
    static void apply(RemoteStore store, UpdateRequest update) {
        List<Quad> added = new ArrayList<>();
        List<Quad> removed = new ArrayList<>();
        boolean dataOnly = true;
        for (Update op : update.getOperations()) {
            if (op instanceof UpdateDataInsert insert) {
                added.addAll(insert.getQuads());
            } else if (op instanceof UpdateDataDelete delete) {
                removed.addAll(delete.getQuads());
            } else {
                dataOnly = false;
            }
        }
        boolean blank = added.stream().anyMatch(q -> q.getSubject().isBlank() || q.getObject().isBlank());
        if (dataOnly && !blank) {
            store.change(view -> new Quads(List.copyOf(added), List.copyOf(removed)));
        } else {
            store.updateAndDerive(update);
        }
    }

    record Quads(List<Quad> added, List<Quad> removed) implements Change {}

    static void checkLoad(String source, Set<String> hosts) {
        URI uri;
        try {
            uri = URI.create(source);
        } catch (IllegalArgumentException e) {
            throw new UserException("LOAD <" + source + "> refused: not an IRI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UserException("LOAD <" + source + "> refused: only http and https IRIs may be loaded");
        }
        if (uri.getHost() == null || !hosts.contains(uri.getHost().toLowerCase())) {
            throw new UserException("LOAD <" + source + "> refused: host not on the allow-list " + hosts);
        }
    }

    private static Set<String> hostsOf(Set<String> endpoints) {
        Set<String> hosts = new java.util.TreeSet<>();
        for (String endpoint : endpoints) {
            String host = URI.create(endpoint).getHost();
            if (host != null) {
                hosts.add(host.toLowerCase());
            }
        }
        return hosts;
    }

    /** The Graph Store Protocol with indirect graph identification: ?graph=IRI (or ?default, the union, read only). */
    static final class GraphStore extends HttpServlet {
        private final RemoteStore store;

        GraphStore(RemoteStore store, Set<String> services, ServerSettings settings) {
            this.store = store;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String graph = request.getParameter("graph");
            Graph content;
            if (graph != null) {
                content = store.getGraph(graph);
                if (content.isEmpty()) {
                    fail(response, 404, "No such graph: <" + graph + ">");
                    return;
                }
            } else {
                content = store.query(v -> v.construct(QueryFactory.create("CONSTRUCT WHERE { ?s ?p ?o }")));
            }
            String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
            Lang lang = accept.contains("application/n-triples") ? Lang.NTRIPLES
                    : accept.contains("application/ld+json") ? Lang.JSONLD : Lang.TURTLE;
            response.setContentType(lang.getHeaderString() + ";charset=utf-8");
            RDFDataMgr.write(response.getOutputStream(), content, lang);
        }

        @Override
        protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
            write(request, response, true);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            write(request, response, false);
        }

        @Override
        protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String graph = request.getParameter("graph");
            if (graph == null) {
                fail(response, 400, "DELETE needs ?graph=IRI");
                return;
            }
            if (store.getGraph(graph).isEmpty()) {
                fail(response, 404, "No such graph: <" + graph + ">");
                return;
            }
            store.updateAndDerive(new UpdateRequest(new UpdateDrop(Target.create(Vocab.iri(graph)), true)));
            response.setStatus(204);
        }

        private void write(HttpServletRequest request, HttpServletResponse response, boolean replace) throws IOException {
            String graph = request.getParameter("graph");
            if (graph == null) {
                fail(response, 400, "writes need ?graph=IRI");
                return;
            }
            Lang lang = RDFLanguages.contentTypeToLang(mediaType(request));
            if (lang == null || lang.equals(Lang.JSONLD)) {
                // JSON-LD could make the parser fetch a remote @context: refused here, as it is on the embedded server.
                fail(response, 415, "unsupported Content-Type '" + mediaType(request) + "': use Turtle, N-Triples or RDF/XML");
                return;
            }
            Graph content = GraphFactory.createDefaultGraph();
            try {
                RDFParser.source(request.getInputStream()).lang(lang).parse(content);
            } catch (RiotException e) {
                fail(response, 400, "Parse error: " + e.getMessage());
                return;
            }
            try {
                if (replace) {
                    store.putGraphs(Map.of(graph, content), false);
                } else {
                    List<Quad> added = new ArrayList<>();
                    content.find().forEachRemaining(t -> added.add(Quad.create(Vocab.iri(graph), t)));
                    if (added.stream().anyMatch(q -> q.getSubject().isBlank() || q.getObject().isBlank())) {
                        UpdateRequest insert = new UpdateRequest(RemoteStore.insertOf(added));
                        store.updateAndDerive(insert);
                    } else {
                        store.change(view -> new Quads(added, List.of()));
                    }
                }
                response.setStatus(replace ? 204 : 200);
            } catch (UserException e) {
                fail(response, 400, e.getMessage());
            }
        }
    }
}
