package org.pledgegraph.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;

/**
 * Where each subject was first written: {@code file:line}, recorded while parsing, so that a report can point at the
 * line to fix rather than at an IRI to search for.
 */
public final class Locations {
    private final Map<Node, String> first = new HashMap<>();

    public void record(Node subject, String file, long line) {
        if (line > 0) {
            first.putIfAbsent(subject, file + ":" + line);
        } else {
            first.putIfAbsent(subject, file);
        }
    }

    /** Records that {@code node} was written where {@code like} was (a node made from it, e.g. an expanded quote). */
    public void same(Node node, Node like) {
        String at = first.get(like);
        if (at != null) {
            first.putIfAbsent(node, at);
        }
    }

    public Optional<String> of(Node node) {
        return Optional.ofNullable(first.get(node));
    }

    public void addAll(Locations other) {
        other.first.forEach(first::putIfAbsent);
    }
}
