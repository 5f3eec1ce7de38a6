package org.pledgegraph.activation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
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
 * A change that reports its quads ({@link #applyAfter}: recording or retracting an occurrence with {@link EventLedger},
 * or INSERT DATA / DELETE DATA of one over the endpoint) takes a {@link #refresh} instead when every quad describes an
 * occurrence: it deletes only the inferred triples the subjects those quads name can lose and reruns the rules
 * restricted to them ({@code VALUES ?s {...} LATERAL {...}}). That keeps one recorded event in milliseconds on a large
 * store; tests and the benchmark check that it gives the same inferred graph as a full recomputation.
 */
public final class Materializer implements Derivation {
    private final List<Rule> rules;
    private final java.util.concurrent.atomic.AtomicLong refreshes = new java.util.concurrent.atomic.AtomicLong();

    public Materializer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules as SPARQL Update for a store that runs them itself ({@link RuleUpdates}). */
    @Override
    public org.apache.jena.update.UpdateRequest updateAll() {
        return new RuleUpdates(rules).all();
    }

    @Override
    public org.apache.jena.update.UpdateRequest updateAfter(org.pledgegraph.store.StoreView view, List<Quad> added, List<Quad> removed) {
        return new RuleUpdates(rules).after(view, added, removed);
    }

    public static Materializer fromRules() {
        return new Materializer(RuleSet.load());
    }

    @Override
    public void apply(DatasetGraph dsg) {
        recomputeAll(dsg);
    }

    /**
     * After a change of known quads: when every quad describes an occurrence ({@code id/occurrence/...}) in an
     * occurrence graph ({@code graph/source/event-...}), as recording or retracting an event does, a {@link #refresh}
     * of the resources they name and of what waits for the event suffices; anything else recomputes everything.
     */
    @Override
    public void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        List<Quad> all = new ArrayList<>(added);
        all.addAll(removed);
        if (all.isEmpty()) {
            return; // nothing changed, nothing to derive
        }
        boolean occurrencesOnly = !all.isEmpty() && all.stream().allMatch(q -> q.getGraph().isURI()
                && q.getGraph().getURI().startsWith(Graphs.EVENT_GRAPH_PREFIX)
                && q.getSubject().isURI() && q.getSubject().getURI().startsWith(Graphs.OCCURRENCE_PREFIX));
        if (!occurrencesOnly) {
            apply(dsg);
            return;
        }
        Set<Node> closure = new LinkedHashSet<>();
        Set<Node> waiting = new LinkedHashSet<>();
        for (Quad q : all) {
            closure.add(q.getSubject());
            if (q.getObject().isURI() && !q.getPredicate().equals(RDF.type.asNode())) {
                closure.add(q.getObject());
            }
            if (q.getPredicate().equals(Graphs.pg("occurrenceOf"))) {
                waiting.addAll(EventLedger.waitingFor(dsg, q.getObject()));
            }
        }
        refresh(dsg, closure, waiting);
    }

    /** The rules read occurrences of one form only: an occurrence added in another is refused ({@link OccurrenceCheck}). */
    @Override
    public void check(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        OccurrenceCheck.checkAdded(dsg, added);
    }

    /** How many focused refreshes ran (rather than full recomputations): lets tests see which path a change took. */
    public long refreshCount() {
        return refreshes.get();
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

    /**
     * Rederives what one recorded or retracted occurrence can change, and only that. {@code closure}: the occurrence
     * and the resources its triples name; everything inferred about them is rederived by the instance and activation
     * rules. {@code activation}: the conditions waiting for the event and the commitments holding them; their own
     * statements did not change, so only what the activation rules derive about them (their dates) is rederived.
     */
    public void refresh(DatasetGraph dsg, Set<Node> closure, Set<Node> activation) {
        refreshes.incrementAndGet();
        List<Node> closureNodes = new ArrayList<>(closure);
        List<Node> activationNodes = new ArrayList<>(activation);
        activationNodes.removeAll(closure);
        Set<Node> activationPredicates = new LinkedHashSet<>();
        rules.stream().filter(r -> r.stratum() == Rule.ACTIVATION_STRATUM).forEach(r -> activationPredicates.addAll(r.derivedPredicates()));
        for (Node s : closureNodes) {
            dsg.deleteAny(Graphs.INFERRED, s, Node.ANY, Node.ANY);
        }
        for (Node s : activationNodes) {
            for (Node p : activationPredicates) {
                dsg.deleteAny(Graphs.INFERRED, s, p, Node.ANY);
            }
        }
        List<Node> all = new ArrayList<>(closureNodes);
        all.addAll(activationNodes);
        for (int stratum : strata()) {
            if (stratum == Rule.SCHEMA_STRATUM) {
                // Schema rules read the ontology graph alone, which an occurrence never touches.
                continue;
            }
            List<Node> subjects = stratum == Rule.ACTIVATION_STRATUM ? all : closureNodes;
            if (subjects.isEmpty()) {
                continue;
            }
            List<Rule> inStratum = rules.stream().filter(r -> r.stratum() == stratum).toList();
            if (stratum == Rule.ACTIVATION_STRATUM) {
                // Not recursive: each activation rule reads only what the ones before it derive (rule 31 reads the
                // plain conditions at the leaves of an any-of, never another any-of's date). One pass, in order.
                inStratum.forEach(rule -> run(dsg, rule.focusedOn(subjects)));
                continue;
            }
            long before = -1;
            long after = inferredAbout(dsg, subjects);
            while (after != before) {
                inStratum.forEach(rule -> run(dsg, rule.focusedOn(subjects)));
                before = after;
                after = inferredAbout(dsg, subjects);
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
