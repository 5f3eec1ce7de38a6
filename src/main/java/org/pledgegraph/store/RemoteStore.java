package org.pledgegraph.store;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateRequest;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store behind a URL: any SPARQL 1.1 store, spoken to through the Query, Update and Graph Store protocols (Jena's
 * {@link RDFLink}). The store's default graph must be the union of its named graphs, as pledgegraph's own is (Fuseki:
 * {@code tdb2:unionDefaultGraph true}; Virtuoso and GraphDB do so without configuration).
 * <p>
 * Every write is one SPARQL Update request: the change (DELETE DATA, INSERT DATA, or DROP and INSERT DATA of a graph)
 * followed by its derivation as the rules' own INSERT ... WHERE ({@link Derivation#updateAfter}). A store that applies a
 * request atomically (Fuseki/TDB2, Virtuoso, GraphDB, Neptune: one transaction per request) therefore never shows a
 * change without its consequences. Every request this class sends is idempotent (INSERT DATA and DELETE DATA of the
 * same quads, DROP SILENT, rules that delete what they rederive), so a request whose answer was lost is simply sent
 * again: when the store is unreachable or busy, it retries with growing pauses before giving up.
 */
public final class RemoteStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStore.class);
    private static final Query ALL_QUADS = QueryFactory.create("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    /** Above this many triples, {@code putGraphs} sends each graph by Graph Store PUT rather than in one request. */
    static final long ONE_REQUEST_LIMIT = 100_000;
    /** How long a query of the commands may take before it is abandoned (the store may go on: its own limit applies). */
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(Long.getLong("pledgegraph.remote.queryTimeoutSeconds", 300));

    private final RemoteEndpoints endpoints;
    private final RDFLink link;
    private final Retry retry;
    private final boolean storeDerives;
    private volatile Derivation derivation = Derivation.NONE;

    private RemoteStore(RemoteEndpoints endpoints, Retry retry, boolean storeDerives) {
        this.endpoints = endpoints;
        this.retry = retry;
        this.storeDerives = storeDerives;
        if (endpoints.hasCredentials()) {
            // Jena answers a 401 challenge (Basic or Digest) with these, for the update and Graph Store URLs.
            for (String url : Set.of(endpoints.update(), endpoints.data())) {
                AuthEnv.get().registerUsernamePassword(URI.create(url), endpoints.user(), endpoints.password());
            }
        }
        this.link = RDFLinkHTTP.newBuilder()
                .queryEndpoint(endpoints.query())
                .updateEndpoint(endpoints.update())
                .gspEndpoint(endpoints.data())
                .build();
    }

    public static RemoteStore connect(RemoteEndpoints endpoints) {
        return new RemoteStore(endpoints, Retry.DEFAULT, false);
    }

    public static RemoteStore connect(RemoteEndpoints endpoints, Retry retry) {
        return new RemoteStore(endpoints, retry, false);
    }

    /**
     * A store that derives by itself: a pledgegraph server, whose every write derives before it commits. Writes are
     * sent without the derivation (it would run twice); the derivation still serves {@link #suppose}, on a copy.
     */
    public static RemoteStore connectToServer(RemoteEndpoints endpoints) {
        return new RemoteStore(endpoints, Retry.DEFAULT, true);
    }

    public RemoteEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public String description() {
        return endpoints.query();
    }

    @Override
    public void setDerivation(Derivation derivation) {
        this.derivation = derivation == null ? Derivation.NONE : derivation;
    }

    @Override
    public Derivation derivation() {
        return derivation;
    }

    private static final Query LATERAL_PROBE = QueryFactory.create(
            "SELECT * WHERE { VALUES ?x { 1 } LATERAL { BIND (?x AS ?y) } }", org.apache.jena.query.Syntax.syntaxARQ);
    private volatile Boolean lateral;

    private final StoreView view = new StoreView() {
        @Override
        public QueryExec exec(Query query) {
            return RemoteStore.this.exec(query, QUERY_TIMEOUT);
        }

        @Override
        public boolean lateral() {
            return supportsLateral();
        }
    };

    /** Asked once: Jena-based stores evaluate LATERAL; Virtuoso, GraphDB and most others refuse it (HTTP 400). */
    private boolean supportsLateral() {
        if (lateral == null) {
            boolean answer;
            try (QueryExec exec = link.query(LATERAL_PROBE)) {
                answer = exec.select().hasNext();
            } catch (RuntimeException e) {
                answer = false;
            }
            lateral = answer;
            LOG.debug("{} {} LATERAL", endpoints.query(), answer ? "evaluates" : "does not evaluate");
        }
        return lateral;
    }

    @Override
    public <T> T query(Function<StoreView, T> reader) {
        return retry.call("query " + endpoints.query(), () -> reader.apply(view));
    }

    @Override
    public <C extends Change> C change(Function<StoreView, C> plan) {
        C done = query(plan);
        UpdateRequest request = new UpdateRequest();
        if (!done.removed().isEmpty()) {
            request.add(new UpdateDataDelete(new QuadDataAcc(done.removed())));
        }
        if (!done.added().isEmpty()) {
            request.add(insertOf(done.added()));
        }
        if (request.getOperations().isEmpty()) {
            return done;
        }
        UpdateRequest derived = storeDerives ? new UpdateRequest()
                : query(v -> derivation.updateAfter(v, done.added(), done.removed()));
        send(request, derived);
        return done;
    }

    @Override
    public void putGraphs(Map<String, Graph> graphs, boolean reset) {
        long size = graphs.values().stream().mapToLong(Graph::size).sum();
        if (size <= ONE_REQUEST_LIMIT) {
            UpdateRequest request = new UpdateRequest();
            if (reset) {
                dropOwnGraphs(request);
            }
            graphs.forEach((name, graph) -> replaceGraph(request, Vocab.iri(name), graph));
            send(request, storeDerives ? new UpdateRequest() : derivationAll());
            return;
        }
        // The bulk path: one Graph Store PUT per graph (each atomic on its own), then the derivation in one request.
        if (reset) {
            UpdateRequest drop = new UpdateRequest();
            dropOwnGraphs(drop);
            if (!drop.getOperations().isEmpty()) {
                update(drop);
            }
        }
        graphs.forEach((name, graph) -> retry.run("PUT graph <" + name + ">", () -> link.put(Vocab.iri(name), graph)));
        send(new UpdateRequest(), storeDerives ? new UpdateRequest() : derivationAll());
    }

    /**
     * A reset drops pledgegraph's own graphs ({@code https://w3id.org/pledgegraph/graph/...}), not DROP ALL: a remote
     * store may hold other data, and Virtuoso keeps its own configuration in graphs (DROP ALL there breaks its SPARQL).
     */
    private void dropOwnGraphs(UpdateRequest request) {
        Query own = QueryFactory.create("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER STRSTARTS(STR(?g), \""
                + Vocab.GRAPH + "\") }");
        query(v -> {
            v.select(own).forEachRemaining(row -> request.add(new UpdateDrop(row.get("g"), true)));
            return null;
        });
    }

    @Override
    public Graph getGraph(String graphIri) {
        Query construct = QueryFactory.create("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + graphIri + "> { ?s ?p ?o } }");
        return query(v -> v.construct(construct));
    }

    /** On a copy of the store in memory: the remote store is never written. */
    @Override
    public <T> T suppose(Function<DatasetGraph, T> body) {
        try (EmbeddedStore copy = copy()) {
            DatasetGraph dsg = copy.dataset();
            dsg.begin(ReadWrite.WRITE);
            try {
                return body.apply(dsg);
            } finally {
                dsg.abort();
                dsg.end();
            }
        }
    }

    @Override
    public <T> T read(Function<DatasetGraph, T> reader) {
        try (EmbeddedStore copy = copy()) {
            return copy.read(reader);
        }
    }

    @Override
    public void write(Consumer<DatasetGraph> change) {
        writeOnCopy(dsg -> {
            change.accept(dsg);
            return null;
        });
    }

    @Override
    public <C extends Change> C writeChange(Function<DatasetGraph, C> change) {
        return writeOnCopy(change);
    }

    /**
     * Runs the change on a copy in memory, then sends the difference and the derivation as one request. A graph whose
     * difference involves a blank node is sent whole (DROP, then INSERT DATA): a blank node cannot be named in
     * DELETE DATA, nor can INSERT DATA reach an existing one.
     */
    private <T> T writeOnCopy(Function<DatasetGraph, T> change) {
        try (EmbeddedStore copy = copy()) {
            DatasetGraph dsg = copy.dataset();
            Set<Quad> before = Txn.calculateRead(dsg, () -> quadsOf(dsg));
            T result = Txn.calculateWrite(dsg, () -> change.apply(dsg));
            Set<Quad> after = Txn.calculateRead(dsg, () -> quadsOf(dsg));
            Map<Node, List<Quad>> added = byGraph(after, before);
            Map<Node, List<Quad>> removed = byGraph(before, after);
            Set<Node> graphs = new LinkedHashSet<>(added.keySet());
            graphs.addAll(removed.keySet());
            UpdateRequest request = new UpdateRequest();
            List<Quad> allAdded = new ArrayList<>();
            List<Quad> allRemoved = new ArrayList<>();
            boolean known = true;
            for (Node g : graphs) {
                List<Quad> plus = added.getOrDefault(g, List.of());
                List<Quad> minus = removed.getOrDefault(g, List.of());
                if (plus.stream().anyMatch(RemoteStore::hasBlank) || minus.stream().anyMatch(RemoteStore::hasBlank)) {
                    Graph whole = Txn.calculateRead(dsg, () -> {
                        Graph copyOf = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                        dsg.getGraph(g).find().forEachRemaining(copyOf::add);
                        return copyOf;
                    });
                    replaceGraph(request, g, whole);
                    known = false;
                    continue;
                }
                if (!minus.isEmpty()) {
                    request.add(new UpdateDataDelete(new QuadDataAcc(minus)));
                }
                if (!plus.isEmpty()) {
                    request.add(new UpdateDataInsert(new QuadDataAcc(plus)));
                }
                allAdded.addAll(plus);
                allRemoved.addAll(minus);
            }
            if (request.getOperations().isEmpty()) {
                return result;
            }
            boolean focused = known && result instanceof Change;
            UpdateRequest derived = storeDerives ? new UpdateRequest() : focused
                    ? query(v -> derivation.updateAfter(v, List.copyOf(allAdded), List.copyOf(allRemoved)))
                    : derivationAll();
            send(request, derived);
            return result;
        }
    }

    /** The whole store, copied into an embedded store in memory (one SELECT of every quad). */
    private EmbeddedStore copy() {
        EmbeddedStore copy = EmbeddedStore.inMemory();
        copy.setDerivation(derivation);
        List<Quad> quads = query(v -> {
            List<Quad> all = new ArrayList<>();
            v.select(ALL_QUADS).forEachRemaining(row -> all.add(Quad.create(row.get("g"), row.get("s"), row.get("p"), row.get("o"))));
            return all;
        });
        Txn.executeWrite(copy.dataset(), () -> quads.forEach(copy.dataset()::add));
        return copy;
    }

    private static Set<Quad> quadsOf(DatasetGraph dsg) {
        Set<Quad> quads = new HashSet<>();
        dsg.find().forEachRemaining(quads::add);
        return quads;
    }

    private static Map<Node, List<Quad>> byGraph(Set<Quad> these, Set<Quad> notIn) {
        Map<Node, List<Quad>> byGraph = new LinkedHashMap<>();
        for (Quad q : these) {
            if (!notIn.contains(q)) {
                byGraph.computeIfAbsent(q.getGraph(), g -> new ArrayList<>()).add(q);
            }
        }
        return byGraph;
    }

    private static boolean hasBlank(Quad q) {
        return q.getSubject().isBlank() || q.getObject().isBlank();
    }

    private static void replaceGraph(UpdateRequest request, Node graph, Graph content) {
        request.add(new UpdateDrop(graph, true));
        if (!content.isEmpty()) {
            List<Quad> quads = new ArrayList<>();
            content.find().forEachRemaining(t -> quads.add(Quad.create(graph, t)));
            request.add(insertOf(quads));
        }
    }

    /**
     * The operation that adds these quads: INSERT DATA, or, when a blank node is among them, {@code INSERT { ... }
     * WHERE {}}: SPARQL 1.1 allows blank nodes in INSERT DATA, but Virtuoso refuses them there ("not allowed in a
     * constant clause"); a template with blank nodes makes fresh ones on every store.
     */
    public static org.apache.jena.update.Update insertOf(List<Quad> quads) {
        if (quads.stream().noneMatch(RemoteStore::hasBlank)) {
            return new UpdateDataInsert(new QuadDataAcc(quads));
        }
        org.apache.jena.sparql.modify.request.UpdateModify insert = new org.apache.jena.sparql.modify.request.UpdateModify();
        quads.forEach(insert.getInsertAcc()::addQuad);
        insert.setHasInsertClause(true);
        insert.setElement(new org.apache.jena.sparql.syntax.ElementGroup());
        return insert;
    }

    private UpdateRequest derivationAll() {
        UpdateRequest all = derivation.updateAll();
        if (all == null) {
            throw new IllegalStateException("the derivation " + derivation + " has no SPARQL Update form: it cannot run on a remote store");
        }
        return all;
    }

    /** The change and its derivation, one request. */
    private void send(UpdateRequest change, UpdateRequest derived) {
        if (storeDerives) {
            derived = new UpdateRequest();
        }
        if (derived == null) {
            throw new IllegalStateException("the derivation " + derivation + " has no SPARQL Update form: it cannot run on a remote store");
        }
        UpdateRequest request = new UpdateRequest();
        change.getOperations().forEach(request::add);
        derived.getOperations().forEach(request::add);
        if (!request.getOperations().isEmpty()) {
            update(request);
        }
    }

    private void update(UpdateRequest request) {
        retry.run("update " + endpoints.update(), () -> link.update(request));
    }

    /**
     * Runs SPARQL Update operations followed by the full derivation, as one request (a front's updates other than
     * INSERT DATA and DELETE DATA: their effect is not known before the store runs them).
     */
    public void updateAndDerive(UpdateRequest operations) {
        send(operations, storeDerives ? new UpdateRequest() : derivationAll());
    }

    /** A query with its own time limit, sent as it is (a front's queries, already parsed and checked). */
    public QueryExec exec(Query query, Duration timeout) {
        return org.apache.jena.sparql.exec.http.QueryExecHTTP.service(endpoints.query()).query(WireQuery.of(query))
                .timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).build();
    }

    @Override
    public void close() {
        link.close();
    }

    /**
     * Sending again after a failure that may be passing: the store unreachable (connection refused or reset) or busy
     * (502, 503, 504). Any other answer is final. Safe because every request sent is idempotent.
     */
    public record Retry(int attempts, Duration firstPause, Duration maxPause) {
        public static final Retry DEFAULT = new Retry(8, Duration.ofMillis(250), Duration.ofSeconds(4));
        public static final Retry NONE = new Retry(1, Duration.ZERO, Duration.ZERO);

        void run(String what, Runnable action) {
            call(what, () -> {
                action.run();
                return null;
            });
        }

        <T> T call(String what, java.util.function.Supplier<T> action) {
            Duration pause = firstPause;
            for (int attempt = 1; ; attempt++) {
                try {
                    return action.get();
                } catch (HttpException | org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
                    if (!passing(status(e)) || attempt >= attempts) {
                        throw failure(what, e);
                    }
                    LOG.warn("{} failed ({}); attempt {} of {} in {} ms", what, message(e), attempt + 1, attempts, pause.toMillis());
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
                }
            }
        }

        private static int status(RuntimeException e) {
            return e instanceof HttpException h ? h.getStatusCode()
                    : ((org.apache.jena.sparql.engine.http.QueryExceptionHTTP) e).getStatusCode();
        }

        private static boolean passing(int status) {
            return status <= 0 || status == 502 || status == 503 || status == 504;
        }

        private static RuntimeException failure(String what, RuntimeException e) {
            int status = status(e);
            if (status == 401 || status == 403) {
                return new UserException(what + " refused (HTTP " + status + "): the store needs credentials for writes "
                        + "(--store-credentials FILE, a 'user: password' line)", e);
            }
            return new UserException(what + " failed: " + (status > 0 ? "HTTP " + status + ": " : "") + message(e), e);
        }

        private static String message(RuntimeException e) {
            String response = e instanceof HttpException h ? h.getResponse()
                    : ((org.apache.jena.sparql.engine.http.QueryExceptionHTTP) e).getResponse();
            String m = response != null && !response.isBlank() ? response.strip()
                    : e.getMessage() != null ? e.getMessage() : e.getCause() != null ? e.getCause().toString() : e.toString();
            int nl = m.indexOf('\n');
            return nl < 0 ? m : m.substring(0, nl);
        }

        private static void sleep(Duration pause) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
