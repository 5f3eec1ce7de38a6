package org.pledgegraph.server;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIteratorWrapper;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.bulk.ChainingServiceExecutorBulk;
import org.apache.jena.sparql.service.bulk.ServiceExecutorBulk;
import org.apache.jena.sparql.util.Context;

/**
 * Federated queries only to endpoints on a list. Jena tries any SERVICE IRI by default, which turns a public endpoint
 * into a proxy for requests to any host its machine can reach; this link of the service chain refuses all others.
 * A refusal is a {@link QueryDeniedException}, which Fuseki answers with 422 and the reason. Redirects are not
 * followed: an allowed endpoint that answers 302 to another host gets no request sent there.
 */
public final class ServiceAllowList implements ChainingServiceExecutorBulk {
    public static final String WIKIDATA_QUERY_SERVICE = "https://query.wikidata.org/sparql";
    public static final List<String> DEFAULT = List.of(WIKIDATA_QUERY_SERVICE);

    private final Set<String> allowed;

    public ServiceAllowList(List<String> allowed) {
        this.allowed = new TreeSet<>(allowed);
    }

    /** Installs the list for every query over a dataset with this context. */
    public void installIn(Context context) {
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        registry.addBulkLink(this);
        ServiceExecutorRegistry.set(context, registry);
    }

    public Set<String> allowed() {
        return allowed;
    }

    @Override
    public QueryIterator createExecution(OpService opService, QueryIterator input, ExecutionContext execCxt,
            ServiceExecutorBulk chain) {
        check(opService.getService());
        String endpoint = opService.getService().getURI();
        // An allowed endpoint's 302 is its answer, not an errand to another host. Set here, per query, rather than on
        // the dataset: building an HTTP client initialises TLS, a fifth of a short command's start-up.
        execCxt.getContext().set(ARQ.httpQueryClient, AllowedOrigins.noRedirects());
        try {
            return new NoRedirects(chain.createExecution(opService, input, execCxt), endpoint);
        } catch (QueryExceptionHTTP e) {
            throw redirectRefused(e, endpoint);
        }
    }

    /** Fuseki would pass an endpoint's 3xx on to the client, without its Location: it is a refusal instead. */
    private static RuntimeException redirectRefused(QueryExceptionHTTP e, String endpoint) {
        if (e.getStatusCode() >= 300 && e.getStatusCode() < 400) {
            return new QueryDeniedException("SERVICE <" + endpoint + "> answered a redirect (" + e.getStatusCode()
                    + "): redirects are not followed");
        }
        return e;
    }

    /** The remote call happens as the results are read; a redirect met there is refused too. */
    private static final class NoRedirects extends QueryIteratorWrapper {
        private final String endpoint;

        NoRedirects(QueryIterator results, String endpoint) {
            super(results);
            this.endpoint = endpoint;
        }

        @Override
        protected boolean hasNextBinding() {
            try {
                return super.hasNextBinding();
            } catch (QueryExceptionHTTP e) {
                throw redirectRefused(e, endpoint);
            }
        }

        @Override
        protected Binding moveToNextBinding() {
            try {
                return super.moveToNextBinding();
            } catch (QueryExceptionHTTP e) {
                throw redirectRefused(e, endpoint);
            }
        }
    }

    /** Refuses (with a {@link QueryDeniedException}) any endpoint but a constant IRI on the list. */
    public void check(Node service) {
        if (!service.isURI()) {
            throw new QueryDeniedException("SERVICE " + service + " refused: the endpoint must be a constant IRI on the allow-list");
        }
        if (!allowed.contains(service.getURI())) {
            throw new QueryDeniedException("SERVICE <" + service.getURI() + "> refused: not on the allow-list "
                    + (allowed.isEmpty() ? "(federation is off)" : allowed.toString()));
        }
    }
}
