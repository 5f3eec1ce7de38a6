package org.pledgegraph.wikidata;

/**
 * One statement of an item: its Wikidata statement id, the item value (null for other values), its rank
 * ({@code preferred} or {@code normal}; deprecated statements are not kept) and, for positions held, the start and end
 * time qualifiers (P580, P582) as Wikidata writes them, e.g. {@code +2017-05-14T00:00:00Z}.
 */
public record WikidataStatement(String id, String value, String rank, String start, String end) {

    public boolean preferred() {
        return "preferred".equals(rank);
    }
}
