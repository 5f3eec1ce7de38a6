package org.pledgegraph.server;

import java.net.URI;
import java.util.Set;

import org.apache.jena.query.QueryBuildException;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.UpdateSink;
import org.apache.jena.sparql.modify.request.QuadDataAccSink;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.Update;
import org.pledgegraph.store.Store;

/**
 * SPARQL Update over the store, with two rules of its own. {@code LOAD} may only fetch http(s) IRIs of hosts on the
 * federation allow-list: Jena's default reads local files ({@code LOAD <file:///etc/passwd>}) into the store. And
 * after the last operation of a request, still inside its transaction, the store's derivations run, so the next
 * query sees what the update implies.
 */
public final class GuardedUpdates implements UpdateEngineFactory {
    private final Store store;
    private final Set<String> loadHosts;

    private GuardedUpdates(Store store, Set<String> loadHosts) {
        this.store = store;
        this.loadHosts = loadHosts;
    }

    /** Registers the guard for this store; it takes precedence over Jena's engines for that dataset only. */
    public static GuardedUpdates install(Store store, Set<String> loadHosts) {
        GuardedUpdates factory = new GuardedUpdates(store, loadHosts);
        UpdateEngineRegistry.get().add(factory);
        return factory;
    }

    public void uninstall() {
        UpdateEngineRegistry.get().remove(this);
    }

    @Override
    public boolean accept(DatasetGraph dsg, Context context) {
        return wraps(dsg, store.dataset());
    }

    @Override
    public UpdateEngine create(DatasetGraph dsg, Binding inputBinding, Context context) {
        return new UpdateEngineMain(dsg, inputBinding, context) {
            @Override
            protected UpdateVisitor prepareWorker() {
                return new UpdateEngineWorker(dsg, inputBinding, context) {
                    @Override
                    public void visit(UpdateLoad update) {
                        checkLoad(update.getSource());
                        super.visit(update);
                    }
                };
            }

            @Override
            public UpdateSink getUpdateSink() {
                return new DerivingSink(super.getUpdateSink(), () -> store.derivation().apply(dsg));
            }
        };
    }

    void checkLoad(String source) {
        URI uri;
        try {
            uri = URI.create(source);
        } catch (IllegalArgumentException e) {
            throw refused("LOAD <" + source + "> refused: not an IRI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("LOAD <" + source + "> refused: only http and https IRIs may be loaded");
        }
        if (uri.getHost() == null || !loadHosts.contains(uri.getHost().toLowerCase())) {
            throw refused("LOAD <" + source + "> refused: host not on the allow-list " + loadHosts);
        }
    }

    /**
     * The refusal. The streaming update parser passes only QueryExceptions through unchanged, and Fuseki's update
     * servlet answers a QueryBuildException with 400 and its message after aborting the transaction.
     */
    private static QueryBuildException refused(String message) {
        return new QueryBuildException(message);
    }

    /** Whether {@code dsg} is the target or wraps it; TDB2's own dataset is itself a wrapper, so test each level. */
    private static boolean wraps(DatasetGraph dsg, DatasetGraph target) {
        for (DatasetGraph d = dsg; d != null; d = d instanceof DatasetGraphWrapper w ? w.getWrapped() : null) {
            if (d == target) {
                return true;
            }
        }
        return false;
    }

    /** Runs the derivations once the request's operations have all been applied, before the commit. */
    private static final class DerivingSink implements UpdateSink {
        private final UpdateSink delegate;
        private final Runnable derive;

        DerivingSink(UpdateSink delegate, Runnable derive) {
            this.delegate = delegate;
            this.derive = derive;
        }

        @Override
        public void send(Update update) {
            delegate.send(update);
        }

        @Override
        public QuadDataAccSink createInsertDataSink() {
            return delegate.createInsertDataSink();
        }

        @Override
        public QuadDataAccSink createDeleteDataSink() {
            return delegate.createDeleteDataSink();
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            delegate.close();
            derive.run();
        }
    }
}
