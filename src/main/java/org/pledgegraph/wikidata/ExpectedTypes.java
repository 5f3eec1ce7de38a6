package org.pledgegraph.wikidata;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Wikidata classes (values of P31, instance of) that confirm a candidate's type for each kind of ours. Offline we
 * cannot follow P279 (subclass of), so the lists name the classes such items carry directly; an item typed only by a
 * class not listed is reported as a type mismatch for review rather than linked: a miss costs a review, a wrong link
 * costs a fact.
 */
public final class ExpectedTypes {
    private ExpectedTypes() {}

    static final Map<String, Set<String>> BY_KIND = Map.of(
            "person", Set.of("Q5"),                                // human
            "state", Set.of("Q3624078", "Q6256"),                  // sovereign state, country
            "city", Set.of("Q515", "Q1549591", "Q5119"),           // city, big city, capital city
            "organization", Set.of("Q484652", "Q43229", "Q245065"), // international organization, organization, intergovernmental organization
            "venue", Set.of("Q16560", "Q41176"),                   // palace, building
            "platform", Set.of("Q202833", "Q35127"));              // social media, website

    /** In id order, so that messages read the same on every run. */
    public static Set<String> forKind(String kind) {
        return new java.util.TreeSet<>(BY_KIND.getOrDefault(kind, Set.of()));
    }

    public static boolean confirms(String kind, List<String> instanceOf) {
        return instanceOf.stream().anyMatch(forKind(kind)::contains);
    }
}
