package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.pledgegraph.store.StoreView;

/**
 * On an event's page: the commitments waiting for it (an activation condition awaits it), who gives each, the
 * condition's words and state, and the passages that state the condition, linked to the source view.
 */
public record EventSection(List<Waiting> waiting) {
    public record Waiting(Ref commitment, List<Ref> guarantors, String conditionText, String metOn, List<Quote> passages) {}

    /** A passage: its words, and where it is in the source view. */
    public record Quote(String exact, String href, String where) {}

    static EventSection build(StoreView view, Node event, Links links, Map<String, String> labels) {
        Map<String, Waiting> byCommitment = new LinkedHashMap<>();
        view.select(Describe.bound("awaited-by", "event", event)).forEachRemaining(row -> {
            String c = row.get("commitment").getURI();
            Waiting w = byCommitment.computeIfAbsent(c, k -> new Waiting(PersonSection.ref(row, "commitment", "commitmentLabel", links),
                    new ArrayList<>(), PersonSection.text(row, "text"), PersonSection.text(row, "metOn"), new ArrayList<>()));
            Ref guarantor = PersonSection.ref(row, "guarantor", "guarantorLabel", links);
            if (guarantor != null && w.guarantors().stream().noneMatch(g -> g.iri().equals(guarantor.iri()))) {
                w.guarantors().add(guarantor);
            }
            String exact = PersonSection.text(row, "exact");
            if (exact != null && w.passages().stream().noneMatch(q -> q.exact().equals(exact))) {
                Ref source = PersonSection.ref(row, "source", null, links);
                String start = PersonSection.text(row, "start"), end = PersonSection.text(row, "end");
                String label = source == null ? "source" : labels.getOrDefault(source.iri(), source.label());
                w.passages().add(new Quote(exact, source == null || source.href() == null ? null
                        : source.href() + "#" + Passage.anchor(Integer.parseInt(start), Integer.parseInt(end)),
                        label + ", characters " + start + "–" + end));
            }
        });
        return new EventSection(List.copyOf(byCommitment.values()));
    }
}
