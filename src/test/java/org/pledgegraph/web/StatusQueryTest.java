package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.activation.AsOfQuery;
import org.pledgegraph.support.TestStores;

/**
 * A commitment page asks status-as-of.rq of its one commitment ({@link CommitmentSection#statusQuery}); for every
 * commitment and several dates (before it was made, pending, after the what-if) that must give the row the whole query
 * (the one of {@code pledgegraph status}) gives it.
 */
class StatusQueryTest {
    @RegisterExtension
    static final TestStores.Repository repository = new TestStores.Repository();

    @Test
    void oneCommitmentGetsTheRowOfTheWholeQuery() {
        for (LocalDate date : List.of(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 7), LocalDate.of(2030, 1, 1))) {
            Map<String, String> whole = repository.store().query(v -> {
                Map<String, String> rows = new TreeMap<>();
                v.select(AsOfQuery.STATUS.on(date)).forEachRemaining(b -> rows.put(b.get("commitment").getURI(), text(b)));
                return rows;
            });
            org.junit.jupiter.api.Assertions.assertTrue(whole.size() >= 10, "the article's commitments: " + whole.size());
            Map<String, String> one = new TreeMap<>();
            for (String commitment : whole.keySet()) {
                Node c = org.apache.jena.graph.NodeFactory.createURI(commitment);
                List<Binding> rows = repository.store().query(v -> {
                    List<Binding> out = new ArrayList<>();
                    v.select(CommitmentSection.statusQuery(date, c)).forEachRemaining(out::add);
                    return out;
                });
                assertEquals(1, rows.size(), commitment + " on " + date);
                one.put(commitment, text(rows.get(0)));
            }
            assertEquals(whole, one, "on " + date);
        }
    }

    @Test
    void pagesTogetherGiveEveryRowOnce() {
        for (AsOfQuery question : List.of(AsOfQuery.STATUS, AsOfQuery.ACTIVE)) {
            for (LocalDate date : List.of(LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 20), LocalDate.of(2030, 1, 1))) {
                List<String> whole = repository.store().query(v -> {
                    List<String> rows = new ArrayList<>();
                    v.select(question.on(date)).forEachRemaining(b -> rows.add(b.toString()));
                    return rows;
                });
                List<String> paged = new ArrayList<>();
                String after = null;
                while (true) {
                    String from = after;
                    List<Binding> page = repository.store().query(v -> {
                        List<Binding> out = new ArrayList<>();
                        v.select(question.page(date, from, 4)).forEachRemaining(out::add);
                        return out;
                    });
                    page.forEach(b -> paged.add(b.toString()));
                    if (page.size() < 4) {
                        break;
                    }
                    after = page.get(page.size() - 1).get("commitment").getURI();
                }
                org.junit.jupiter.api.Assertions.assertTrue(whole.size() > 4, "more rows than a page: " + whole.size());
                assertEquals(whole, paged, "pages of 4 on " + date);
            }
        }
    }

    static String text(Binding b) {
        StringBuilder s = new StringBuilder();
        for (String var : List.of("kind", "guarantors", "status", "activeFrom", "unmet", "modality")) {
            s.append(var).append('=').append(b.contains(var) ? b.get(var).toString() : "-").append(' ');
        }
        return s.toString();
    }
}
