package org.pledgegraph.wikidata;

import java.util.List;

/** What the reconciler concluded for one entity: a link to write, or a case for a person to review. */
public sealed interface Reconciliation {
    LinkableEntity entity();

    /** Exactly one candidate passed search, score and type (and office) checks. */
    record Linked(LinkableEntity entity, SearchHit hit, double score, List<String> evidence) implements Reconciliation {}

    /** More than one candidate passed: nothing is written. */
    record Ambiguous(LinkableEntity entity, List<SearchHit> candidates) implements Reconciliation {}

    /** No candidate passed; the reason says what was found and why it failed. */
    record Missed(LinkableEntity entity, String reason) implements Reconciliation {}
}
