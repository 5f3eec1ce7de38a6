package org.pledgegraph.server;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QueryBuildException;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.UpdateSink;
import org.apache.jena.sparql.modify.request.QuadDataAccSink;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.Update;
import org.pledgegraph.UserException;
import org.pledgegraph.load.StrictParse;

/**
 * SPARQL Update over the served dataset, with two rules of its own. {@code LOAD} may only fetch http(s) IRIs of the
 * origins on the federation allow-list, without following redirects off them, and parses strictly: Jena's default
 * reads local files ({@code LOAD <file:///etc/passwd>}) into the store and follows a 302 anywhere.
 * And after the last operation of a request, it tells the served dataset what the request changed when it was only
 * {@code INSERT DATA} and {@code DELETE DATA}, so that the derivation its commit runs ({@link DerivingDataset}) can
 * take the focused path.
 */
public final class GuardedUpdates implements UpdateEngineFactory {
    private final DerivingDataset served;
    private final AllowedOrigins loadOrigins;
    private final long maxLoadBytes;

    private GuardedUpdates(DerivingDataset served, AllowedOrigins loadOrigins, long maxLoadBytes) {
        this.served = served;
        this.loadOrigins = loadOrigins;
        this.maxLoadBytes = maxLoadBytes;
    }

    /**
     * Registers the guard for the dataset Fuseki serves; it takes precedence over Jena's engines for that dataset
     * only. Updates on the store's own dataset (the derivation's rules, the command line) are not its business.
     */
    static GuardedUpdates install(DerivingDataset served, AllowedOrigins loadOrigins, long maxLoadBytes) {
        GuardedUpdates factory = new GuardedUpdates(served, loadOrigins, maxLoadBytes);
        UpdateEngineRegistry.get().add(factory);
        return factory;
    }

    public void uninstall() {
        UpdateEngineRegistry.get().remove(this);
    }

    @Override
    public boolean accept(DatasetGraph dsg, Context context) {
        return wraps(dsg, served);
    }

    @Override
    public UpdateEngine create(DatasetGraph dsg, Binding inputBinding, Context context) {
        return new UpdateEngineMain(dsg, inputBinding, context) {
            @Override
            protected UpdateVisitor prepareWorker() {
                return new UpdateEngineWorker(dsg, inputBinding, context) {
                    @Override
                    public void visit(UpdateLoad update) {
                        load(dsg, update);
                    }
                };
            }

            @Override
            public UpdateSink getUpdateSink() {
                return new AnnouncingSink(super.getUpdateSink(), served);
            }
        };
    }

    /**
     * LOAD, done here rather than by Jena: Jena reads {@code file:} IRIs and follows redirects to any host. The
     * document must come from an allowed origin (scheme, host and port exactly), redirects are followed only within
     * those origins, and it is parsed strictly ({@link StrictParse}) before a triple reaches the target graph.
     */
    void load(DatasetGraph dsg, UpdateLoad update) {
        String source = update.getSource();
        try {
            if (AllowedOrigins.originOf(source) == null) {
                throw new AllowedOrigins.Refused("only http and https IRIs may be loaded");
            }
            AllowedOrigins.Document document = loadOrigins.fetch(source, maxLoadBytes, Duration.ofSeconds(30));
            Lang lang = document.contentType() == null ? null
                    : RDFLanguages.contentTypeToLang(ContentType.create(document.contentType()).getContentTypeStr());
            if (lang == null) {
                lang = RDFLanguages.resourceNameToLang(document.url(), null);
            }
            if (lang == null) {
                throw new AllowedOrigins.Refused("<" + document.url() + "> is not RDF (Content-Type " + document.contentType() + ")");
            }
            Graph graph = StrictParse.graph(new ByteArrayInputStream(document.body()), lang, document.url(), "LOAD <" + source + ">");
            Node target = update.getDest() == null ? Quad.defaultGraphNodeGenerated : update.getDest();
            graph.find().forEachRemaining(t -> dsg.add(Quad.create(target, t)));
        } catch (AllowedOrigins.Refused | UserException e) {
            if (!update.isSilent()) {
                throw refused("LOAD <" + source + "> refused: " + e.getMessage());
            }
        }
    }

    /**
     * The refusal. The streaming update parser passes only QueryExceptions through unchanged, and Fuseki's update
     * servlet answers a QueryBuildException with 400 and its message after aborting the transaction.
     */
    private static QueryBuildException refused(String message) {
        return new QueryBuildException(message);
    }

    /** Whether {@code dsg} is the target or wraps it (should a caller wrap the served dataset), testing each level. */
    private static boolean wraps(DatasetGraph dsg, DatasetGraph target) {
        for (DatasetGraph d = dsg; d != null; d = d instanceof DatasetGraphWrapper w ? w.getWrapped() : null) {
            if (d == target) {
                return true;
            }
        }
        return false;
    }

    /**
     * Announces, once the request's operations have all been applied, what they changed: when the request was only
     * INSERT DATA and DELETE DATA (up to {@link DerivingDataset#MAX_ANNOUNCED} quads), which quads, so that the
     * derivation at commit can do less (recording one occurrence need not recompute everything); otherwise that the
     * change is unknown.
     */
    private static final class AnnouncingSink implements UpdateSink {
        private final UpdateSink delegate;
        private final DerivingDataset served;
        private final List<Quad> added = new ArrayList<>();
        private final List<Quad> removed = new ArrayList<>();
        private boolean dataOnly = true;

        AnnouncingSink(UpdateSink delegate, DerivingDataset served) {
            this.delegate = delegate;
            this.served = served;
        }

        @Override
        public void send(Update update) {
            // A request parsed in full arrives here operation by operation; its data operations are announced too.
            if (update instanceof UpdateDataInsert insert) {
                insert.getQuads().forEach(q -> record(q, added));
            } else if (update instanceof UpdateDataDelete delete) {
                delete.getQuads().forEach(q -> record(q, removed));
            } else {
                dataOnly = false;
            }
            delegate.send(update);
        }

        private void record(Quad quad, List<Quad> log) {
            if (added.size() + removed.size() < DerivingDataset.MAX_ANNOUNCED) {
                log.add(quad);
            } else {
                dataOnly = false;
            }
        }

        @Override
        public QuadDataAccSink createInsertDataSink() {
            return new Recording(delegate.createInsertDataSink(), added);
        }

        @Override
        public QuadDataAccSink createDeleteDataSink() {
            return new Recording(delegate.createDeleteDataSink(), removed);
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            delegate.close();
            if (dataOnly) {
                try {
                    served.check(added, removed);
                } catch (UserException e) {
                    // Refused like a LOAD off the allow-list: 400 with the reason, the transaction aborted.
                    throw refused(e.getMessage());
                }
            }
            served.announce(dataOnly, added, removed);
        }

        /** Passes INSERT DATA / DELETE DATA quads on unchanged and keeps a copy. */
        private final class Recording extends QuadDataAccSink {
            private final QuadDataAccSink original;
            private final List<Quad> log;

            Recording(QuadDataAccSink original, List<Quad> log) {
                super(new org.apache.jena.atlas.lib.SinkNull<>());
                this.original = original;
                this.log = log;
            }

            @Override
            public void setGraph(Node graph) {
                super.setGraph(graph);
                original.setGraph(graph);
            }

            @Override
            public void addQuad(Quad quad) {
                record(quad);
                original.addQuad(quad);
            }

            @Override
            public void addTriple(Triple triple) {
                record(Quad.create(getGraph() == null ? Quad.defaultGraphNodeGenerated : getGraph(), triple));
                original.addTriple(triple);
            }

            @Override
            public void close() {
                original.close();
            }

            private void record(Quad quad) {
                AnnouncingSink.this.record(quad, log);
            }
        }
    }
}
