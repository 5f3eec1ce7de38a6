package org.pledgegraph.wikidata;

import java.util.List;
import java.util.Map;

/** An item as {@code wbgetentities} gives it: labels and descriptions by language, and its statements by property. */
public record WikidataItem(String id, Map<String, String> labels, Map<String, String> descriptions,
        Map<String, List<WikidataStatement>> claims) {

    public List<WikidataStatement> statements(String property) {
        return claims.getOrDefault(property, List.of());
    }

    public List<String> values(String property) {
        return statements(property).stream().map(WikidataStatement::value).filter(v -> v != null).toList();
    }

    /**
     * The values Wikidata's RDF gives as {@code wdt:} (its "truthy" statements): those of the best rank, that is the
     * preferred statements if there are any, else the normal ones.
     */
    public List<String> truthyValues(String property) {
        List<WikidataStatement> all = statements(property);
        boolean anyPreferred = all.stream().anyMatch(WikidataStatement::preferred);
        return all.stream().filter(st -> !anyPreferred || st.preferred())
                .map(WikidataStatement::value).filter(v -> v != null).toList();
    }

    public String label(String lang) {
        return labels.get(lang);
    }
}
