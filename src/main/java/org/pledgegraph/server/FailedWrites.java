package org.pledgegraph.server;

import org.apache.jena.fuseki.servlets.HttpAction;

/** What the write handlers (Graph Store, SPARQL Update) do alike when a write fails: end its transaction, say why. */
final class FailedWrites {
    private FailedWrites() {}

    /** Aborts the action's write unless it has already ended (Fuseki clears the active dataset at commit or abort). */
    static void abortIfActive(HttpAction action) {
        if (action.getActiveDSG() != null) {
            action.abortSilent();
        }
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
