package org.pledgegraph.server;

import static org.pledgegraph.server.FailedWrites.abortIfActive;
import static org.pledgegraph.server.FailedWrites.message;
import static org.pledgegraph.server.FailedWrites.rootCause;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.pledgegraph.UserException;
import org.pledgegraph.load.StrictParse;

/**
 * The Graph Store Protocol's writes over the served dataset, in place of Fuseki's own.
 * <ul>
 * <li>Bodies are read with {@link StrictParse} before the write lock is taken: a parser warning is a 400 that names
 * it, JSON-LD fetches no remote context, and nothing is half-loaded.</li>
 * <li>A POST to the endpoint itself with a triples body creates a new graph, named under the endpoint, and answers
 * 201 with its {@code Location} (GSP §5.5); a quads body is added to the dataset, as in Fuseki.</li>
 * <li>A write that creates its graph answers 201, one that changes an existing graph 204.</li>
 * <li>A failed commit (the derivation refused, see {@link DerivingDataset}) is an error with its reason: 400 when the
 * data was at fault, 500 otherwise. Fuseki's DELETE answered 204 regardless ({@code GSP_RW.execDeleteGSP},
 * jena-fuseki-core 5.6.0) and committed an empty transaction for a missing graph; here a missing graph aborts.</li>
 * </ul>
 */
final class GraphStoreWrites extends GSP_RW {
    @Override
    protected void execPutGSP(HttpAction action) {
        writeGraph(action, true);
    }

    @Override
    protected void execPostGSP(HttpAction action) {
        writeGraph(action, false);
    }

    @Override
    protected void execPostQuads(HttpAction action) {
        Lang lang = bodyLang(action);
        if (lang != null && RDFLanguages.isQuads(lang) && !RDFLanguages.isTriples(lang)) {
            writeQuads(action, false);
        } else {
            createGraph(action);
        }
    }

    @Override
    protected void execPutQuads(HttpAction action) {
        writeQuads(action, true);
    }

    private void writeGraph(HttpAction action, boolean replace) {
        Graph incoming = parseTriples(action);
        boolean created = inWrite(action, dsg -> {
            GraphTarget target = GraphTarget.determineTargetGSP(dsg, action);
            if (target.isUnion()) {
                ServletOps.errorBadRequest("Can't load into the union graph");
            }
            boolean existed = target.exists();
            Graph graph = target.graph();
            if (replace && existed) {
                graph.clear();
            }
            incoming.find().forEachRemaining(graph::add);
            return !existed;
        });
        if (created) {
            ServletOps.successCreated(action);
        } else {
            ServletOps.successNoContent(action);
        }
    }

    /** POST of triples to the endpoint itself: a new graph, named under the endpoint so that its name is its URL. */
    private void createGraph(HttpAction action) {
        Graph incoming = parseTriples(action);
        String endpoint = action.getRequest().getRequestURL().toString();
        String name = (endpoint.endsWith("/") ? endpoint : endpoint + "/") + "graph-" + UUID.randomUUID();
        Node graphName = NodeFactory.createURI(name);
        inWrite(action, dsg -> {
            incoming.find().forEachRemaining(t -> dsg.add(Quad.create(graphName, t)));
            return true;
        });
        action.setResponseHeader("Location", name);
        ServletOps.successCreated(action);
    }

    private void writeQuads(HttpAction action, boolean replace) {
        DatasetGraph incoming = parseQuads(action);
        inWrite(action, dsg -> {
            if (replace) {
                dsg.clear();
            }
            incoming.find().forEachRemaining(dsg::add);
            return false;
        });
        ServletOps.successNoContent(action);
    }

    @Override
    protected void execDeleteGSP(HttpAction action) {
        inWrite(action, dsg -> {
            GraphTarget target = GraphTarget.determineTargetGSP(dsg, action);
            if (target.isUnion()) {
                ServletOps.errorBadRequest("Can't delete the union graph");
            }
            if (!target.exists()) {
                ServletOps.errorNotFound("No such graph: " + target.label());
            }
            deleteGraph(dsg, action);
            return false;
        });
        ServletOps.successNoContent(action);
    }

    private interface Write {
        boolean apply(DatasetGraph dsg);
    }

    /**
     * Runs {@code write} in a write transaction of the served dataset and commits; any failure aborts, so the store is
     * exactly as before. Returns what {@code write} returned.
     */
    private boolean inWrite(HttpAction action, Write write) {
        action.beginWrite();
        try {
            boolean result = write.apply(decideDataset(action));
            action.commit();
            return result;
        } catch (ActionErrorException e) {
            abortIfActive(action);
            throw e;
        } catch (RuntimeException e) {
            abortIfActive(action);
            Throwable cause = rootCause(e);
            if (cause instanceof UserException) {
                ServletOps.errorBadRequest(message(e));
            }
            ServletOps.errorOccurred(message(e), e);
            return false;
        } finally {
            action.endWrite();
        }
    }

    private Graph parseTriples(HttpAction action) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (Body body : bodies(action)) {
            if (RDFLanguages.isQuads(body.lang) && !RDFLanguages.isTriples(body.lang)) {
                ServletOps.errorBadRequest(body.label + ": " + body.lang.getName() + " holds quads; a graph takes triples");
            }
            try {
                StrictParse.graph(body.in, body.lang, body.base, body.label).find().forEachRemaining(graph::add);
            } catch (UserException e) {
                ServletOps.errorBadRequest(e.getMessage());
            }
        }
        return graph;
    }

    private DatasetGraph parseQuads(HttpAction action) {
        List<Body> bodies = bodies(action);
        DatasetGraph all = null;
        for (Body body : bodies) {
            try {
                DatasetGraph one = StrictParse.dataset(body.in, body.lang, body.base, body.label);
                if (all == null) {
                    all = one;
                } else {
                    one.find().forEachRemaining(all::add);
                }
            } catch (UserException e) {
                ServletOps.errorBadRequest(e.getMessage());
            }
        }
        return all;
    }

    private record Body(InputStream in, Lang lang, String base, String label) {}

    /** The RDF documents of the request: its body, or each file of a multipart body (read here, in memory). */
    private static List<Body> bodies(HttpAction action) {
        ContentType ct = ActionLib.getContentType(action);
        if (ct == null) {
            ServletOps.errorBadRequest("No Content-Type: say which RDF syntax the body is in");
        }
        String base = ActionLib.wholeRequestURL(action.getRequest());
        List<Body> bodies = new ArrayList<>();
        try {
            if (isMultipart(ct)) {
                JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
                FileItemInputIterator parts = upload.getItemIterator(action.getRequest());
                while (parts.hasNext()) {
                    FileItemInput part = parts.next();
                    if (part.isFormField()) {
                        ServletOps.errorBadRequest("multipart body: only files are accepted (got field " + part.getFieldName() + ")");
                    }
                    String name = part.getName() == null || part.getName().isEmpty() ? part.getFieldName() : part.getName();
                    Lang lang = part.getContentType() == null ? null : RDFLanguages.contentTypeToLang(ContentType.create(part.getContentType()).getContentTypeStr());
                    if (lang == null && name != null) {
                        lang = RDFLanguages.pathnameToLang(name);
                    }
                    if (lang == null) {
                        ServletOps.errorBadRequest("multipart body: part " + name + " has no RDF media type");
                    }
                    byte[] bytes = part.getInputStream().readAllBytes();
                    bodies.add(new Body(new java.io.ByteArrayInputStream(bytes), lang, base, "part " + name));
                }
                if (bodies.isEmpty()) {
                    ServletOps.errorBadRequest("multipart body without a file");
                }
            } else {
                Lang lang = RDFLanguages.contentTypeToLang(ct.getContentTypeStr());
                if (lang == null) {
                    ServletOps.error(415, "Unsupported media type for RDF: " + ct.getContentTypeStr());
                }
                bodies.add(new Body(action.getRequestInputStream(), lang, base, "body"));
            }
        } catch (IOException e) {
            ServletOps.errorBadRequest("cannot read the request body: " + e.getMessage());
        }
        return bodies;
    }

    private static Lang bodyLang(HttpAction action) {
        ContentType ct = ActionLib.getContentType(action);
        if (ct == null || isMultipart(ct)) {
            return null;
        }
        return RDFLanguages.contentTypeToLang(ct.getContentTypeStr());
    }

    private static boolean isMultipart(ContentType ct) {
        String type = ct.getContentTypeStr();
        return type.equalsIgnoreCase(WebContent.contentTypeMultipartFormData)
                || type.equalsIgnoreCase(WebContent.contentTypeMultipartMixed);
    }

}
