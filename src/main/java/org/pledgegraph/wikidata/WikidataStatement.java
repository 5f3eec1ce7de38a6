package org.pledgegraph.wikidata;

/**
 * One statement of an item: its Wikidata statement id, the property, the item value (null for other values) and, for
 * positions held, the start and end time qualifiers (P580, P582) as Wikidata writes them, e.g. {@code +2017-05-14T00:00:00Z}.
 */
public record WikidataStatement(String id, String property, String value, String start, int startPrecision, String end,
        int endPrecision) {}
