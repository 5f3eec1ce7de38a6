package org.pledgegraph.activation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateRequest;
import org.pledgegraph.UserException;
import org.pledgegraph.store.Derivation;

/**
 * Runs the rules of {@code ontology/rules/} into the inferred graph, inside the writer's transaction.
 * <p>
 * A full run ({@link #recomputeAll}: {@code load}, a change of the ontology, a write whose quads are unknown)
 * evaluates the schema and instance rules (strata 1 and 2) natively and semi-naively ({@link Closures}), then writes
 * only the difference with what the inferred graph holds: a write that changes nothing derived writes nothing derived,
 * so the store does not grow by the whole inferred graph on every write. The activation rules (stratum 3) run once
 * each, in order (none reads its own output or a later rule's).
 * <p>
 * A change of known quads outside the ontology and the inferred graph ({@link #applyAfter}: {@code event add}, INSERT
 * DATA / DELETE DATA, and any write the server could list) is derived from the change alone: additions forward,
 * semi-naively; removals by DRed (delete what was derived through them, rederive what has another derivation); then the
 * activation rules rerun for the subjects whose derivation read a changed triple ({@link ActivationScope}, read off the
 * rules' patterns). Tests check that this gives the inferred graph a full run gives.
 * <p>
 * Every derivation is bounded ({@code pledgegraph.derivation.timeout}, seconds, default 60): past it, it throws and the
 * write is aborted.
 */
public final class Materializer implements Derivation {
    /** Above this many activation subjects an incremental change reruns the activation rules for all of them. */
    static final int ACTIVATION_LIMIT = 20_000;

    private final List<Rule> rules;
    private final List<Rule> activation;
    private final Map<Rule, ActivationScope> scopes = new LinkedHashMap<>();
    private final Set<Node> activationPredicates = new LinkedHashSet<>();
    private final boolean nativeClosures;
    private final Duration bound;
    /** A bound set for what this thread runs inside {@link #withBound}, over the one of the materializer. */
    private static final ThreadLocal<Duration> BOUND = new ThreadLocal<>();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong inferredWrites = new AtomicLong();

    public Materializer(List<Rule> rules) {
        this(rules, Duration.ofSeconds(Long.getLong("pledgegraph.derivation.timeout", 60)));
    }

    public Materializer(List<Rule> rules, Duration bound) {
        this.rules = List.copyOf(rules);
        this.bound = bound;
        this.activation = this.rules.stream().filter(r -> r.stratum() == Rule.ACTIVATION_STRATUM).toList();
        activation.forEach(r -> {
            scopes.put(r, new ActivationScope(r));
            activationPredicates.addAll(r.derivedPredicates());
        });
        Set<String> closureRules = new TreeSet<>();
        this.rules.stream().filter(r -> r.stratum() < Rule.ACTIVATION_STRATUM).forEach(r -> closureRules.add(r.name()));
        this.nativeClosures = closureRules.equals(new TreeSet<>(Closures.RULES))
                && this.rules.stream().allMatch(r -> r.stratum() <= Rule.ACTIVATION_STRATUM);
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

    /**
     * Runs {@code body} with another bound for the derivations this thread runs: a bulk load of 10^7 triples derives
     * for minutes by design, while a server's write should not hold the write lock that long.
     */
    public static void withBound(Duration bound, Runnable body) {
        Duration before = BOUND.get();
        BOUND.set(bound);
        try {
            body.run();
        } finally {
            if (before == null) {
                BOUND.remove();
            } else {
                BOUND.set(before);
            }
        }
    }

    private Deadline deadline() {
        Duration override = BOUND.get();
        return Deadline.after(override != null ? override : bound);
    }

    public static Materializer fromRules() {
        return new Materializer(RuleSet.load());
    }

    @Override
    public void apply(DatasetGraph dsg) {
        recomputeAll(dsg);
    }

    @Override
    public void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return; // nothing changed, nothing to derive
        }
        boolean incremental = nativeClosures && java.util.stream.Stream.concat(added.stream(), removed.stream())
                .noneMatch(q -> q.getGraph().equals(Graphs.ONTOLOGY) || q.getGraph().equals(Graphs.INFERRED)
                        || Quad.isDefaultGraph(q.getGraph()));
        if (!incremental) {
            recomputeAll(dsg);
            return;
        }
        refresh(dsg, added, removed);
    }

    /** How many incremental refreshes ran (rather than full recomputations): lets tests see which path a change took. */
    public long refreshCount() {
        return refreshes.get();
    }

    /** How many triples the derivations added to or removed from the inferred graph so far. */
    public long inferredWrites() {
        return inferredWrites.get();
    }

    /** Derives everything again from the stated facts, and writes the difference into the inferred graph. */
    public void recomputeAll(DatasetGraph dsg) {
        if (!nativeClosures) {
            recomputeBySparql(dsg);
            return;
        }
        Deadline deadline = deadline();
        long t0 = System.nanoTime();
        Set<Triple> want = Closures.all(dsg, deadline);
        long t1 = System.nanoTime();
        List<Triple> stale = new ArrayList<>();
        dsg.find(Graphs.INFERRED, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            Triple t = q.asTriple();
            // activation facts are rederived below, by the rules, so they all go (unless a closure rule gives them)
            if (!want.remove(t)) {
                stale.add(t);
            }
            deadline.tick();
        });
        stale.forEach(t -> dsg.delete(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        want.forEach(t -> dsg.add(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        long t2 = System.nanoTime();
        long activationBefore = countActivation(dsg);
        for (Rule rule : activation) {
            run(dsg, rule.whole(), deadline);
        }
        long activationAfter = countActivation(dsg);
        long t3 = System.nanoTime();
        inferredWrites.addAndGet(stale.size() + want.size() + activationAfter - activationBefore);
        lastRun = new FullRun((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                want.size() + stale.size(), activationAfter);
    }

    /**
     * The phases of the last full run, in ms: closures (strata 1 and 2, in memory), writing their difference with the
     * inferred graph, the activation rules (stratum 3); and how many closure triples were written or deleted, and how
     * many activation facts there are.
     */
    public record FullRun(long closuresMillis, long writeMillis, long activationMillis, long closureWrites, long activationFacts) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "closures %,d ms, writing %,d triples %,d ms, activation rules %,d ms (%,d facts)",
                    closuresMillis, closureWrites, writeMillis, activationMillis, activationFacts);
        }
    }

    private volatile FullRun lastRun;

    /** The phases of the last full run, if one ran. */
    public Optional<FullRun> lastFullRun() {
        return Optional.ofNullable(lastRun);
    }

    /**
     * The rules' own definition, evaluated as SPARQL to a fixpoint stratum by stratum from an empty inferred graph:
     * slow (every pass rescans everything), kept as the reference the native evaluation is tested against, and for
     * rule sets it does not know.
     */
    void recomputeBySparql(DatasetGraph dsg) {
        Deadline deadline = deadline();
        dsg.deleteAny(Graphs.INFERRED, Node.ANY, Node.ANY, Node.ANY);
        for (int stratum : strata()) {
            long before = -1;
            long after = inferredSize(dsg);
            while (after != before) {
                for (Rule rule : rules) {
                    if (rule.stratum() == stratum) {
                        run(dsg, rule.whole(), deadline);
                    }
                }
                before = after;
                after = inferredSize(dsg);
            }
        }
    }

    /**
     * Derives from a change of known quads, already applied to the store, outside the ontology and inferred graphs.
     */
    void refresh(DatasetGraph dsg, List<Quad> addedQuads, List<Quad> removedQuads) {
        refreshes.incrementAndGet();
        Deadline deadline = deadline();
        Closures closures = Closures.incremental(dsg, deadline);
        Set<Triple> changed = new LinkedHashSet<>();
        // Removed facts that no graph states any more: what was derived through them goes, unless derived otherwise.
        Set<Triple> removed = new LinkedHashSet<>();
        for (Quad q : removedQuads) {
            Triple t = q.asTriple();
            if (!closures.stated(t)) {
                removed.add(t);
            }
        }
        Set<Triple> over = closures.overdelete(removed);
        over.forEach(t -> dsg.delete(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        closures.forget(over);
        List<Triple> back = new ArrayList<>();
        for (Triple t : over) {
            if (closures.rederivable(t)) {
                back.add(t);
            }
        }
        for (Triple t : removed) {
            if (closures.rederivable(t)) {
                back.add(t); // stated no more, but still entailed: now an inferred fact
            }
        }
        closures.remember(back);
        back.forEach(t -> dsg.add(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        // Added facts: what they entail, forward; one that was inferred is stated now, and leaves the inferred graph.
        List<Triple> added = new ArrayList<>();
        for (Quad q : addedQuads) {
            Triple t = q.asTriple();
            added.add(t);
            if (dsg.contains(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject())) {
                dsg.delete(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
                changed.add(t);
            }
        }
        List<Triple> seeds = new ArrayList<>(added);
        seeds.addAll(back);
        Set<Triple> fresh = closures.consequencesOf(seeds);
        fresh.forEach(t -> dsg.add(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        Set<Triple> backSet = new HashSet<>(back);
        over.stream().filter(t -> !backSet.contains(t)).forEach(changed::add);
        fresh.forEach(changed::add);
        changed.addAll(added);
        removedQuads.forEach(q -> changed.add(q.asTriple()));
        inferredWrites.addAndGet(over.size() + back.size() + fresh.size());
        refreshActivation(dsg, changed, deadline);
    }

    /** Reruns the activation rules, in order, for the subjects whose derivation may have read a changed triple. */
    private void refreshActivation(DatasetGraph dsg, Set<Triple> changed, Deadline deadline) {
        Set<Node> subjects = new LinkedHashSet<>();
        Set<Triple> pending = new LinkedHashSet<>(changed);
        boolean everything = false;
        // A rule's new facts are changes for the rules after it: propagate until no rule finds a new subject.
        while (!pending.isEmpty() && !everything) {
            Set<Node> found = new LinkedHashSet<>();
            for (Rule rule : activation) {
                Optional<Set<Node>> affected = scopes.get(rule).subjectsAffectedBy(dsg, pending, ACTIVATION_LIMIT);
                if (affected.isEmpty()) {
                    everything = true;
                    break;
                }
                affected.get().stream().filter(n -> !subjects.contains(n)).forEach(found::add);
            }
            subjects.addAll(found);
            everything |= subjects.size() > ACTIVATION_LIMIT;
            pending = new LinkedHashSet<>();
            for (Node s : found) {
                for (Node p : activationPredicates) {
                    pending.add(Triple.create(s, p, Node.ANY));
                }
            }
            deadline.check();
        }
        List<Triple> old = new ArrayList<>();
        if (everything) {
            for (Node p : activationPredicates) {
                dsg.find(Graphs.INFERRED, Node.ANY, p, Node.ANY).forEachRemaining(q -> old.add(q.asTriple()));
            }
        } else {
            for (Node s : subjects) {
                for (Node p : activationPredicates) {
                    dsg.find(Graphs.INFERRED, s, p, Node.ANY).forEachRemaining(q -> old.add(q.asTriple()));
                }
            }
        }
        old.forEach(t -> dsg.delete(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        List<Node> focus = new ArrayList<>(subjects);
        if (everything || !focus.isEmpty()) {
            for (Rule rule : activation) {
                run(dsg, everything ? rule.whole() : rule.focusedOn(focus), deadline);
            }
        }
        long now = 0;
        if (everything) {
            now = countActivation(dsg);
        } else {
            for (Node s : subjects) {
                for (Node p : activationPredicates) {
                    now += Iter.count(dsg.find(Graphs.INFERRED, s, p, Node.ANY));
                }
            }
        }
        // deleted and written again count twice: that is what the store's indexes see
        inferredWrites.addAndGet(old.size() + now);
    }

    private long countActivation(DatasetGraph dsg) {
        long n = 0;
        for (Node p : activationPredicates) {
            n += Iter.count(dsg.find(Graphs.INFERRED, Node.ANY, p, Node.ANY));
        }
        return n;
    }

    private Set<Integer> strata() {
        Set<Integer> strata = new TreeSet<>();
        rules.forEach(r -> strata.add(r.stratum()));
        return strata;
    }

    private static void run(DatasetGraph dsg, UpdateRequest request, Deadline deadline) {
        try {
            UpdateExec.dataset(dsg).update(request).timeout(deadline.remainingMillis(), TimeUnit.MILLISECONDS).execute();
        } catch (QueryCancelledException e) {
            deadline.check();
            throw new UserException("deriving the consequences of this change took longer than " + deadline.bound().toSeconds()
                    + " s, the bound of one derivation: the change was not applied", e);
        }
    }

    private static long inferredSize(DatasetGraph dsg) {
        return Iter.count(dsg.find(Graphs.INFERRED, Node.ANY, Node.ANY, Node.ANY));
    }
}
