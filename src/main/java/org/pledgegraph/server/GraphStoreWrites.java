package org.pledgegraph.server;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Fuseki's Graph Store Protocol writes, with DELETE corrected for a dataset whose commit can fail.
 * <p>
 * PUT and POST are Fuseki's own: they commit, and if the commit throws they abort and answer 500 with its message.
 * Fuseki's DELETE instead swallows any exception, commit included, and answers 204 regardless
 * ({@code GSP_RW.execDeleteGSP}, jena-fuseki-core 5.6.0); and for a graph that does not exist it commits an empty
 * write transaction before answering 404. Here a failed commit is a 500 with the reason (the served dataset has
 * already aborted the write, see {@link DerivingDataset}), and a missing graph aborts: nothing was written, so nothing
 * is derived.
 */
final class GraphStoreWrites extends GSP_RW {
    @Override
    protected void execDeleteGSP(HttpAction action) {
        action.beginWrite();
        try {
            DatasetGraph dsg = decideDataset(action);
            GraphTarget target = GraphTarget.determineTargetGSP(dsg, action);
            if (target.isUnion()) {
                ServletOps.errorBadRequest("Can't delete the union graph");
            }
            if (!target.exists()) {
                action.abort();
                ServletOps.errorNotFound("No such graph: " + target.label());
            }
            deleteGraph(dsg, action);
            action.commit();
        } catch (ActionErrorException e) {
            abortIfActive(action);
            throw e;
        } catch (RuntimeException e) {
            abortIfActive(action);
            ServletOps.errorOccurred(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } finally {
            action.endWrite();
        }
        ServletOps.successNoContent(action);
    }

    private static void abortIfActive(HttpAction action) {
        // The active dataset is cleared once the action's transaction has ended (by commit, abort or a failed commit).
        if (action.getActiveDSG() != null) {
            action.abortSilent();
        }
    }
}
