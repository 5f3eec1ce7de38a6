package org.pledgegraph.wikidata;

/**
 * One candidate of {@code wbsearchentities}.
 *
 * @param matchType what the search text matched: {@code label} or {@code alias} (Wikidata's {@code match.type})
 * @param matchText the label or alias it matched
 */
public record SearchHit(String id, String label, String description, String matchType, String matchText) {}
