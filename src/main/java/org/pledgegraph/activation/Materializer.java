package org.pledgegraph.activation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateRequest;
import org.pledgegraph.store.Derivation;

/**
 * Runs the rules of {@code ontology/rules/} into the inferred graph, inside the writer's transaction.
 * <p>
 * By default every change recomputes the inferred graph from nothing: it is emptied, then each stratum of rules runs
 * until it adds nothing. Nothing derived from a removed fact can survive that, and a rule that reads the inferred
 * graph only ever sees consequences of the current facts.
 * <p>
 * A writer that knows exactly which subjects its change can affect (recording or retracting one occurrence, see
 * {@link EventLedger}) announces them with {@link #focusNextOn}; the next run then deletes only the inferred triples
 * about those subjects and reruns each rule restricted to them. That keeps one recorded event in milliseconds on a
 * large store; tests check that it gives the same inferred graph as a full recomputation.
 */
public final class Materializer implements Derivation {
    private final List<Rule> rules;
    private final ThreadLocal<Set<Node>> focus = new ThreadLocal<>();
    private final ThreadLocal<Boolean> running = ThreadLocal.withInitial(() -> false);

    public Materializer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Materializer fromRules() {
        return new Materializer(RuleSet.load());
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The next {@link #apply} on this thread only needs to rederive what is said about these subjects. */
    public void focusNextOn(Collection<Node> subjects) {
        focus.set(new LinkedHashSet<>(subjects));
    }

    /** Forgets an announced focus (the change failed before the derivation ran). */
    public void clearFocus() {
        focus.remove();
    }

    @Override
    public void apply(DatasetGraph dsg) {
        // The rules are updates: when a server is running, its update hook calls back here. Nothing more to do then.
        if (running.get()) {
            return;
        }
        Set<Node> subjects = focus.get();
        focus.remove();
        running.set(true);
        try {
            if (subjects == null) {
                recomputeAll(dsg);
            } else {
                refresh(dsg, subjects);
            }
        } finally {
            running.set(false);
        }
    }

    /** Empties the inferred graph and derives everything again. */
    public void recomputeAll(DatasetGraph dsg) {
        dsg.deleteAny(Graphs.INFERRED, Node.ANY, Node.ANY, Node.ANY);
        for (int stratum : strata()) {
            long before = -1;
            long after = inferredSize(dsg);
            while (after != before) {
                for (Rule rule : rules) {
                    if (rule.stratum() == stratum) {
                        run(dsg, rule.whole());
                    }
                }
                before = after;
                after = inferredSize(dsg);
            }
        }
    }

    /** Rederives what the inferred graph says about the given subjects, and only that. */
    public void refresh(DatasetGraph dsg, Set<Node> subjects) {
        List<Node> nodes = new ArrayList<>(subjects);
        for (Node s : nodes) {
            dsg.deleteAny(Graphs.INFERRED, s, Node.ANY, Node.ANY);
        }
        if (nodes.isEmpty()) {
            return;
        }
        for (int stratum : strata()) {
            if (stratum == Rule.SCHEMA_STRATUM) {
                // Schema rules read the ontology graph alone, which a focused change (occurrences) never touches,
                // and their subjects are classes and properties, which are never in the focus.
                continue;
            }
            long before = -1;
            long after = inferredAbout(dsg, nodes);
            while (after != before) {
                for (Rule rule : rules) {
                    if (rule.stratum() == stratum) {
                        run(dsg, rule.focusedOn(nodes));
                    }
                }
                before = after;
                after = inferredAbout(dsg, nodes);
            }
        }
    }

    private Set<Integer> strata() {
        Set<Integer> strata = new TreeSet<>();
        rules.forEach(r -> strata.add(r.stratum()));
        return strata;
    }

    private static void run(DatasetGraph dsg, UpdateRequest request) {
        UpdateExec.dataset(dsg).update(request).execute();
    }

    private static long inferredSize(DatasetGraph dsg) {
        return Iter.count(dsg.find(Graphs.INFERRED, Node.ANY, Node.ANY, Node.ANY));
    }

    private static long inferredAbout(DatasetGraph dsg, List<Node> subjects) {
        long n = 0;
        for (Node s : subjects) {
            n += Iter.count(dsg.find(Graphs.INFERRED, s, Node.ANY, Node.ANY));
        }
        return n;
    }
}
