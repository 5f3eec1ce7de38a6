package org.pledgegraph.validate;

import org.apache.jena.graph.Node;

/**
 * One result of a validation: the node that fails, the property path, what is wrong, and the shape that says so
 * ({@code pgsh:...}, also for the checks made in Java, which are named by deactivated shapes in ontology/shapes/).
 * {@code where} is the file:line where the node was first written, when the data came from a file.
 */
public record Violation(Node focus, String path, String message, String shape, String where) {
    public Violation withWhere(String at) {
        return new Violation(focus, path, message, shape, at);
    }
}
