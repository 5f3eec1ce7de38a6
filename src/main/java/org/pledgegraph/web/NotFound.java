package org.pledgegraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.NodeFactory;
import org.pledgegraph.store.StoreView;

/**
 * The 404 of a thing the store does not know: an HTML page that names what was asked and suggests things whose labels
 * come close to the words of its path ({@code web/queries/suggest.rq}, ranked here by edit distance).
 */
public record NotFound(String path, String iri, List<Ref> suggestions) {
    private static final int MAX = 8;

    static NotFound build(Site site, StoreView view, String path, String iri) {
        String slug = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String wanted = slug.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        Map<String, String> found = new LinkedHashMap<>();
        for (String word : wanted.split(" ")) {
            if (word.length() < 3) {
                continue;
            }
            // The first letters only, so that a misspelt ending ("macronn") still finds the label ("Macron").
            String stem = word.substring(0, Math.min(word.length(), 4));
            view.select(Describe.bound("suggest", "word", NodeFactory.createLiteralString(stem))).forEachRemaining(row ->
                    found.putIfAbsent(row.get("thing").getURI(), row.get("label").getLiteralLexicalForm()));
        }
        List<Map.Entry<String, String>> ranked = new ArrayList<>(found.entrySet());
        ranked.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> closeness(wanted, e.getValue()))
                .thenComparing(Map.Entry::getValue));
        List<Ref> suggestions = ranked.stream().limit(MAX).map(e -> Ref.of(site.links(), e.getKey(), e.getValue())).toList();
        return new NotFound(path, iri, suggestions);
    }

    void send(Site site, HttpServletResponse response) throws IOException {
        site.page(response, HttpServletResponse.SC_NOT_FOUND, "notfound.jte", this);
    }

    /** For each word asked, the edit distance to the nearest word of the label; summed (smaller is closer). */
    static int closeness(String wanted, String label) {
        String[] words = label.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        int sum = 0;
        for (String w : wanted.split(" ")) {
            int best = w.length();
            for (String l : words) {
                best = Math.min(best, distance(w, l));
            }
            sum += best;
        }
        return sum;
    }

    /** Levenshtein distance: how many edits from a to b. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
