package org.pledgegraph.server;

import static org.pledgegraph.server.FailedWrites.abortIfActive;
import static org.pledgegraph.server.FailedWrites.message;
import static org.pledgegraph.server.FailedWrites.rootCause;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.shared.OperationDeniedException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.pledgegraph.UserException;

/**
 * The SPARQL Update endpoint, in place of Fuseki's own: the request is read and parsed in full before the write lock
 * is taken, and runs with a time limit.
 * <ul>
 * <li>The body must be UTF-8: a malformed byte anywhere, even in a comment, is a 400 that says where (Fuseki's
 * decoder replaced it and applied nothing, with 204).</li>
 * <li>{@code using-graph-uri} / {@code using-named-graph-uri} together with {@code USING} or {@code WITH} in the
 * request is a 400 (SPARQL 1.1 Protocol §2.2.3; Fuseki answered 500).</li>
 * <li>The update stops at the timeout (the query timeout of the server): the transaction is aborted and the write
 * lock released, and the answer is a 503. (A client that goes away is not noticed before then: Jetty reports no
 * closed connection while a request is handled without reading.)</li>
 * <li>A refused or failing operation (LOAD off the allow-list, CREATE of an existing graph, data the derivation
 * refuses) is a 400 with the reason; only a fault of the server is a 500.</li>
 * </ul>
 */
final class UpdateRequests extends SPARQL_Update {
    private final Duration timeout;

    UpdateRequests(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        UpdateRequest request = parse(action, readUtf8(action, input));
        action.beginWrite();
        try {
            UpdateExec exec = UpdateExec.dataset(action.getActiveDSG()).update(request)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
            exec.execute();
            action.commit();
        } catch (ActionErrorException e) {
            abortIfActive(action);
            throw e;
        } catch (QueryCancelledException e) {
            abortIfActive(action);
            ServletOps.error(503, "Update stopped after " + timeout.toSeconds() + " s, the server's time limit: nothing was applied");
        } catch (QueryBuildException | QueryExceptionHTTP | UpdateException | QueryParseException e) {
            abortIfActive(action);
            ServletOps.errorBadRequest(message(e));
        } catch (OperationDeniedException e) {
            abortIfActive(action);
            throw e;
        } catch (RuntimeException e) {
            abortIfActive(action);
            if (rootCause(e) instanceof UserException) {
                ServletOps.errorBadRequest(message(e));
            }
            if (rootCause(e) instanceof QueryCancelledException) {
                ServletOps.error(503, "Update stopped: " + message(rootCause(e)));
            }
            ServletOps.errorOccurred(message(e), e);
        } finally {
            action.endWrite();
        }
    }

    private static String readUtf8(HttpAction action, InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readAllBytes();
        } catch (IOException e) {
            ServletOps.errorBadRequest("Cannot read the update: " + e.getMessage());
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            ServletOps.errorBadRequest("The update is not UTF-8: malformed byte at offset " + offsetOfMalformed(bytes));
        } catch (CharacterCodingException e) {
            ServletOps.errorBadRequest("The update is not UTF-8: " + e.getMessage());
        }
        return null;
    }

    private static int offsetOfMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    private static UpdateRequest parse(HttpAction action, String update) {
        UsingList using = usingList(action);
        try {
            return UpdateFactory.read(using, new ByteArrayInputStream(update.getBytes(StandardCharsets.UTF_8)),
                    Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (QueryException | UpdateException e) {
            // A syntax error, or the protocol's dataset and USING / WITH in the request at once (SPARQL 1.1 Protocol,
            // 2.2.3), which the parser reports as a QueryException around an UpdateException.
            ServletOps.errorBadRequest(message(e));
        }
        return null;
    }

    private static UsingList usingList(HttpAction action) {
        UsingList using = new UsingList();
        String[] graphs = action.getRequest().getParameterValues(HttpNames.paramUsingGraphURI);
        String[] named = action.getRequest().getParameterValues(HttpNames.paramUsingNamedGraphURI);
        if (graphs != null) {
            for (String g : graphs) {
                using.addUsing(iri(g));
            }
        }
        if (named != null) {
            for (String g : named) {
                using.addUsingNamed(iri(g));
            }
        }
        return using;
    }

    private static Node iri(String iri) {
        try {
            return NodeFactory.createURI(IRIx.create(iri).str());
        } catch (RuntimeException e) {
            ServletOps.errorBadRequest("SPARQL Update: bad IRI in the protocol's dataset: " + iri);
            return null;
        }
    }
}
