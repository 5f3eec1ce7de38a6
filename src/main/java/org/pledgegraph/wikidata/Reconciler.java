package org.pledgegraph.wikidata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the Wikidata item of one entity: {@code wbsearchentities} by its label and each alias, a score per candidate,
 * then {@code wbgetentities} to confirm the type (P31) and, for persons with offices in our data, a position held
 * (P39) whose English label is one of our post labels. A link results only when exactly one candidate passes.
 */
public final class Reconciler {
    static final int SEARCH_LIMIT = 7;
    private static final List<String> EN = List.of("en");

    private final WikidataApi api;
    private final double minScore;

    public Reconciler(WikidataApi api, double minScore) {
        this.api = api;
        this.minScore = minScore;
    }

    public Reconciliation reconcile(LinkableEntity entity) {
        // The URLs of the requests made for this entity, as sent and in order: the link record's evidence.
        List<String> evidence = new ArrayList<>();
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        names.add(entity.label());
        names.addAll(entity.aliases());
        for (String name : names) {
            for (SearchHit hit : api.search(name, SEARCH_LIMIT, evidence)) {
                double score = score(entity, hit);
                if (score > scores.getOrDefault(hit.id(), -1.0)) {
                    scores.put(hit.id(), score);
                    hits.put(hit.id(), hit);
                }
            }
        }
        if (hits.isEmpty()) {
            return new Reconciliation.Missed(entity, "no search result for " + String.join(" / ", names));
        }
        List<String> scored = hits.keySet().stream().filter(id -> scores.get(id) >= minScore).toList();
        if (scored.isEmpty()) {
            return new Reconciliation.Missed(entity, hits.size() + " candidate(s) below score " + minScore + ": "
                    + describe(hits.values(), scores));
        }
        Map<String, WikidataItem> items = api.entities(scored, EN, evidence);
        List<String> typed = scored.stream().filter(id -> items.containsKey(id)
                && ExpectedTypes.confirms(entity.kind(), items.get(id).values("P31"))).toList();
        if (typed.isEmpty()) {
            return new Reconciliation.Missed(entity, "type mismatch: no candidate is an instance of "
                    + ExpectedTypes.forKind(entity.kind()) + " (" + describeTypes(scored, items, hits) + ")");
        }
        List<String> passed = typed;
        if (entity.kind().equals("person") && !entity.offices().isEmpty()) {
            passed = holdingOurOffice(entity, typed, items, evidence);
            if (passed.isEmpty()) {
                return new Reconciliation.Missed(entity, "no candidate held " + entity.offices() + " (P39) among "
                        + typed);
            }
        }
        if (passed.size() > 1) {
            return new Reconciliation.Ambiguous(entity, passed.stream().map(hits::get).toList());
        }
        String id = passed.get(0);
        return new Reconciliation.Linked(entity, hits.get(id), scores.get(id), evidence);
    }

    /** Candidates with a P39 value whose English label is one of the posts our data gives the person. */
    private List<String> holdingOurOffice(LinkableEntity entity, List<String> candidates, Map<String, WikidataItem> items,
            List<String> evidence) {
        Set<String> positions = new LinkedHashSet<>();
        candidates.forEach(id -> positions.addAll(items.get(id).values("P39")));
        if (positions.isEmpty()) return List.of();
        Map<String, WikidataItem> positionItems = api.entities(positions, EN, evidence);
        Set<String> ours = new LinkedHashSet<>();
        entity.offices().forEach(o -> ours.add(normal(o)));
        return candidates.stream().filter(id -> items.get(id).values("P39").stream()
                .map(positionItems::get)
                .anyMatch(p -> p != null && p.label("en") != null && ours.contains(normal(p.label("en"))))).toList();
    }

    /**
     * 1.0 when Wikidata's label is our label, 0.9 when it is one of our aliases, 0.8 when the search matched one of
     * Wikidata's aliases with a name of ours, 0.5 for anything else the search returned.
     */
    static double score(LinkableEntity entity, SearchHit hit) {
        String label = normal(hit.label());
        if (label.equals(normal(entity.label()))) return 1.0;
        if (entity.aliases().stream().map(Reconciler::normal).anyMatch(label::equals)) return 0.9;
        if ("alias".equals(hit.matchType()) && hit.matchText() != null) {
            String matched = normal(hit.matchText());
            if (matched.equals(normal(entity.label()))
                    || entity.aliases().stream().map(Reconciler::normal).anyMatch(matched::equals)) {
                return 0.8;
            }
        }
        return 0.5;
    }

    static String normal(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(java.util.Collection<SearchHit> hits, Map<String, Double> scores) {
        List<String> parts = new ArrayList<>();
        hits.forEach(h -> parts.add("wd:" + h.id() + " \"" + h.label() + "\" " + String.format(Locale.ROOT, "%.2f", scores.get(h.id()))));
        return String.join(", ", parts);
    }

    private static String describeTypes(List<String> ids, Map<String, WikidataItem> items, Map<String, SearchHit> hits) {
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            WikidataItem item = items.get(id);
            parts.add("wd:" + id + " \"" + hits.get(id).label() + "\" P31 " + (item == null ? "unknown" : item.values("P31")));
        }
        return String.join(", ", parts);
    }
}
