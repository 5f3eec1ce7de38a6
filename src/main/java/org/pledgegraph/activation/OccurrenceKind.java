package org.pledgegraph.activation;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.pledgegraph.UserException;

/**
 * What can be recorded as having occurred: an awaited event entering into force, or something happening to a
 * commitment. The first meets activation conditions; the others change a commitment's status from their date on.
 */
public enum OccurrenceKind {
    ENTRY_INTO_FORCE("entry-into-force", "EntryIntoForce", "event"),
    WITHDRAWAL("withdrawal", "Withdrawal", "commitment"),
    SUSPENSION("suspension", "Suspension", "commitment"),
    FULFILMENT("fulfilment", "Fulfilment", "commitment"),
    LAPSE("lapse", "Lapse", "commitment");

    private final String option;
    private final String className;
    private final String targetKind;

    OccurrenceKind(String option, String className, String targetKind) {
        this.option = option;
        this.className = className;
        this.targetKind = targetKind;
    }

    /** The spelling on the command line and in IRIs, e.g. {@code entry-into-force}. */
    public String option() {
        return option;
    }

    public Node typeNode() {
        return Graphs.pg(className);
    }

    /** The kind of thing it names: {@code event} (an awaited event) or {@code commitment}. */
    public String targetKind() {
        return targetKind;
    }

    public boolean namesCommitment() {
        return targetKind.equals("commitment");
    }

    public static OccurrenceKind parse(String text) {
        for (OccurrenceKind k : values()) {
            if (k.option.equals(text)) {
                return k;
            }
        }
        throw new UserException("unknown kind '" + text + "': expected one of " + options());
    }

    /** The kind whose class this is, if any. */
    public static java.util.Optional<OccurrenceKind> ofType(Node type) {
        return Arrays.stream(values()).filter(k -> k.typeNode().equals(type)).findFirst();
    }

    public static String options() {
        return Arrays.stream(values()).map(OccurrenceKind::option).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return option;
    }
}
