package org.pledgegraph.activation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The schema and instance rules (strata 1 and 2: {@code 10-} to {@code 24-*.ru}) evaluated natively, semi-naively,
 * over the embedded store: each fact is joined once, when it first becomes known, with the facts known then, so
 * nothing is rescanned for nothing and a chain of n links closes in one pass (rule 10 as SPARQL needed log n passes of
 * a cubic join: a 400-link {@code rdfs:subClassOf} chain held the write lock for minutes).
 * <p>
 * What it derives is exactly what the SPARQL rules derive ({@code ClosuresTest} runs both and compares): every
 * filter of the rule texts is here, with the rule it comes from. "Stated" means in a graph other than the inferred
 * one, so that the result does not depend on what the inferred graph held before; the caller writes the difference.
 * The class and property hierarchy is read once, after stratum 1 (as the strata order it); stratum 2 never derives
 * schema triples from the ontology this project has (no property is a sub-, inverse or chain property of
 * {@code rdfs:subClassOf}).
 * <p>
 * It also retracts ({@link #overdelete}): for a removed fact, the derived facts whose derivation used it, recursively
 * (the delete step of DRed); the caller then rederives what has another derivation ({@link #rederivable}).
 */
final class Closures {
    static final Set<String> RULES = Set.of("10-subclass-closure.ru", "11-subproperty-closure.ru", "12-equivalence.ru",
            "13-inverse-symmetry.ru", "20-types-from-superclasses.ru", "21-superproperties.ru", "22-inverses.ru",
            "23-transitive.ru", "24-property-chains.ru");

    private static final Node TYPE = RDF.type.asNode();
    private static final Node SUBCLASS = RDFS.subClassOf.asNode();
    private static final Node SUBPROPERTY = RDFS.subPropertyOf.asNode();

    private record Chain(Node property, Node first, Node second) {}

    private final DatasetGraph dsg;
    private final Deadline deadline;
    /** Stratum 1's output: the schema triples the inferred graph must hold. */
    private final Set<Triple> schema = new LinkedHashSet<>();
    private final Map<Node, Set<Node>> superClasses = new HashMap<>();
    private final Map<Node, Set<Node>> superProperties = new HashMap<>();
    private final Map<Node, Set<Node>> inverses = new HashMap<>();
    private final Set<Node> transitive = new HashSet<>();
    private final Map<Node, List<Chain>> chainsByFirst = new HashMap<>();
    private final Map<Node, List<Chain>> chainsBySecond = new HashMap<>();
    /** Instance facts derived in this run, and those of them with a transitive or chain predicate, by subject and object. */
    private final Set<Triple> derived = new LinkedHashSet<>();
    private final Map<Node, List<Triple>> joinableBySubject = new HashMap<>();
    private final Map<Node, List<Triple>> joinableByObject = new HashMap<>();
    /** Facts no longer to be used in joins (removed, or overdeleted while retracting). */
    private final Set<Triple> gone = new HashSet<>();
    /**
     * A full run's stated triples of the shapes a head may have (read by {@link #seed}): the predicates and the
     * classes (for types) whose stated triples were all read.
     */
    private final Set<Triple> statedRead = new HashSet<>();
    private final Set<Node> statedPredicates = new HashSet<>();
    private final Set<Node> statedClasses = new HashSet<>();
    /** When true, facts of the inferred graph count as known (incremental runs; a full run starts from nothing). */
    private final boolean trustInferred;

    private Closures(DatasetGraph dsg, Deadline deadline, boolean trustInferred) {
        this.dsg = dsg;
        this.deadline = deadline;
        this.trustInferred = trustInferred;
    }

    /** Everything strata 1 and 2 derive from the stated facts: the content the inferred graph must have for them. */
    static Set<Triple> all(DatasetGraph dsg, Deadline deadline) {
        Closures c = new Closures(dsg, deadline, false);
        c.schema();
        Deque<Triple> work = new ArrayDeque<>();
        c.seed(work);
        c.close(work);
        // the derived facts and the schema's, in one set without a copy of the (at 10^7, millions of) derived ones
        c.derived.addAll(c.schema);
        return c.derived;
    }

    /** For an incremental run: the hierarchy as the inferred graph holds it now (stratum 1 already in place). */
    static Closures incremental(DatasetGraph dsg, Deadline deadline) {
        Closures c = new Closures(dsg, deadline, true);
        c.schema();
        return c;
    }

    /** What the given new facts (already in the store) entail that is not known yet; each returned fact is new. */
    Set<Triple> consequencesOf(Collection<Triple> added) {
        derived.clear();
        Deque<Triple> work = new ArrayDeque<>(added);
        close(work);
        return new LinkedHashSet<>(derived);
    }

    /**
     * The inferred facts whose derivation used one of the removed facts, recursively (DRed's over-deletion). The
     * removed facts must already be out of the store; the returned ones are still in the inferred graph.
     */
    Set<Triple> overdelete(Collection<Triple> removed) {
        Set<Triple> over = new LinkedHashSet<>();
        Deque<Triple> work = new ArrayDeque<>(removed);
        gone.addAll(removed);
        while (!work.isEmpty()) {
            deadline.check();
            Triple t = work.poll();
            gone.add(t);
            for (Triple head : heads(t)) {
                if (!over.contains(head) && inInferred(head) && !stated(head)) {
                    over.add(head);
                    work.add(head);
                }
            }
        }
        return over;
    }

    /** Whether an over-deleted fact still has a derivation in one step from the facts that remain. */
    boolean rederivable(Triple h) {
        Node s = h.getSubject();
        Node p = h.getPredicate();
        Node o = h.getObject();
        if (p.equals(TYPE)) {
            for (Triple t : known(s, TYPE, Node.ANY)) {
                if (superClasses.getOrDefault(t.getObject(), Set.of()).contains(o)) {
                    return true;
                }
            }
        }
        for (Map.Entry<Node, Set<Node>> e : superProperties.entrySet()) {
            if (e.getValue().contains(p) && !e.getKey().equals(p) && !known(s, e.getKey(), o).isEmpty()) {
                return true;
            }
        }
        for (Map.Entry<Node, Set<Node>> e : inverses.entrySet()) {
            if (e.getValue().contains(p) && !o.isLiteral() && !known(o, e.getKey(), s).isEmpty()) {
                return true;
            }
        }
        if (transitive.contains(p)) {
            for (Triple first : known(s, p, Node.ANY)) {
                if (!known(first.getObject(), p, o).isEmpty()) {
                    return true;
                }
            }
        }
        for (List<Chain> chains : chainsByFirst.values()) {
            for (Chain c : chains) {
                if (c.property().equals(p)) {
                    for (Triple first : known(s, c.first(), Node.ANY)) {
                        if (!known(first.getObject(), c.second(), o).isEmpty()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Facts no longer to be joined with (the over-deleted ones that have no other derivation). */
    void forget(Collection<Triple> facts) {
        gone.addAll(facts);
    }

    /** Facts usable again (rederived). */
    void remember(Collection<Triple> facts) {
        gone.removeAll(facts);
    }

    // ---- stratum 1: rules 10 to 13, from the ontology graph (and the equivalences rule 12 adds) ----

    private void schema() {
        Node ontology = Graphs.ONTOLOGY;
        Map<Node, Set<Node>> classEdges = new HashMap<>();
        Map<Node, Set<Node>> propertyEdges = new HashMap<>();
        if (trustInferred) {
            // An incremental run reads the hierarchy the last full run wrote; the ontology did not change since.
            for (Node g : List.of(ontology, Graphs.INFERRED)) {
                edges(g, SUBCLASS, classEdges);
                edges(g, SUBPROPERTY, propertyEdges);
                dsg.find(g, Node.ANY, OWL.inverseOf.asNode(), Node.ANY).forEachRemaining(q -> link(inverses, q.getSubject(), q.getObject()));
            }
            superClasses.putAll(classEdges);
            superProperties.putAll(propertyEdges);
        } else {
            edges(ontology, SUBCLASS, classEdges);
            edges(ontology, SUBPROPERTY, propertyEdges);
            // Rule 12: equivalent classes and properties, both directions, named ones only.
            equivalences(OWL.equivalentClass.asNode(), SUBCLASS, classEdges);
            equivalences(OWL.equivalentProperty.asNode(), SUBPROPERTY, propertyEdges);
            // Rules 10 and 11: every node's supers reachable through one link or more; derived when an IRI (rule
            // 10 only), not the node itself, and not stated.
            closeHierarchy(classEdges, SUBCLASS, true, superClasses);
            closeHierarchy(propertyEdges, SUBPROPERTY, false, superProperties);
            // Rule 13: owl:inverseOf both ways, named properties only.
            dsg.find(ontology, Node.ANY, OWL.inverseOf.asNode(), Node.ANY).forEachRemaining(q -> {
                link(inverses, q.getSubject(), q.getObject());
                if (q.getSubject().isURI() && q.getObject().isURI()) {
                    Triple back = Triple.create(q.getObject(), OWL.inverseOf.asNode(), q.getSubject());
                    link(inverses, q.getObject(), q.getSubject());
                    if (!stated(back)) {
                        schema.add(back);
                    }
                }
            });
        }
        dsg.find(ontology, Node.ANY, TYPE, OWL.TransitiveProperty.asNode()).forEachRemaining(q -> transitive.add(q.getSubject()));
        dsg.find(ontology, Node.ANY, OWL2_CHAIN, Node.ANY).forEachRemaining(q -> {
            List<Node> links = list(ontology, q.getObject());
            if (links.size() == 2 && q.getSubject().isURI()) {
                Chain c = new Chain(q.getSubject(), links.get(0), links.get(1));
                chainsByFirst.computeIfAbsent(c.first(), k -> new ArrayList<>()).add(c);
                chainsBySecond.computeIfAbsent(c.second(), k -> new ArrayList<>()).add(c);
            }
        });
    }

    private static final Node OWL2_CHAIN = org.apache.jena.vocabulary.OWL2.propertyChainAxiom.asNode();

    private void edges(Node graph, Node predicate, Map<Node, Set<Node>> into) {
        dsg.find(graph, Node.ANY, predicate, Node.ANY).forEachRemaining(q -> link(into, q.getSubject(), q.getObject()));
    }

    private void equivalences(Node equivalence, Node sub, Map<Node, Set<Node>> edges) {
        dsg.find(Graphs.ONTOLOGY, Node.ANY, equivalence, Node.ANY).forEachRemaining(q -> {
            Node a = q.getSubject();
            Node b = q.getObject();
            if (a.isURI() && b.isURI() && !a.equals(b)) {
                for (Triple t : List.of(Triple.create(a, sub, b), Triple.create(b, sub, a))) {
                    link(edges, t.getSubject(), t.getObject());
                    if (!stated(t)) {
                        schema.add(t);
                    }
                }
            }
        });
    }

    /** Depth-first reachability from every node: linear in the closure's size, whatever the chain length. */
    private void closeHierarchy(Map<Node, Set<Node>> edges, Node predicate, boolean irisOnly, Map<Node, Set<Node>> supers) {
        for (Node start : edges.keySet()) {
            Set<Node> reached = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(edges.get(start));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (reached.add(n)) {
                    todo.addAll(edges.getOrDefault(n, Set.of()));
                }
                deadline.tick();
            }
            reached.remove(start);
            for (Node sup : reached) {
                // rules 10 and 11 never make a node its own super, and rule 10 derives named classes only
                Triple t = Triple.create(start, predicate, sup);
                if ((!irisOnly || sup.isURI()) && !stated(t)) {
                    schema.add(t);
                }
            }
            supers.put(start, reached);
        }
    }

    private List<Node> list(Node graph, Node head) {
        List<Node> items = new ArrayList<>();
        Node at = head;
        while (at != null && !at.equals(RDF.nil.asNode()) && items.size() < 3) {
            Node first = one(graph, at, RDF.first.asNode());
            if (first == null) {
                return List.of();
            }
            items.add(first);
            at = one(graph, at, RDF.rest.asNode());
        }
        return at != null && at.equals(RDF.nil.asNode()) ? items : List.of();
    }

    private Node one(Node graph, Node s, Node p) {
        Iterator<Quad> it = dsg.find(graph, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    // ---- stratum 2: rules 20 to 24, semi-naive ----

    private void seed(Deque<Triple> work) {
        // What a head may be (rule by rule, below in heads): a type with a superclass as its object, or a triple whose
        // predicate is a superproperty, an inverse, a transitive or a chain property. The stated triples of those
        // shapes are read once, here, so that whether a head is stated is a look-up in memory, not a probe of the
        // store's indexes per head (a full run at 10^6 derives 300k heads).
        Set<Node> headClasses = new LinkedHashSet<>();
        superClasses.values().forEach(headClasses::addAll);
        Set<Node> headPredicates = new LinkedHashSet<>();
        superProperties.values().forEach(headPredicates::addAll);
        inverses.values().forEach(headPredicates::addAll);
        headPredicates.addAll(transitive);
        chainsByFirst.values().forEach(cs -> cs.forEach(c -> headPredicates.add(c.property())));
        boolean typesAsPredicate = headPredicates.remove(TYPE);
        Set<Node> predicates = new LinkedHashSet<>(superProperties.keySet());
        predicates.addAll(inverses.keySet());
        predicates.addAll(transitive);
        predicates.addAll(chainsByFirst.keySet());
        predicates.addAll(chainsBySecond.keySet());
        predicates.remove(TYPE);
        boolean typesFeedRules = superProperties.containsKey(TYPE) || inverses.containsKey(TYPE) || transitive.contains(TYPE)
                || chainsByFirst.containsKey(TYPE) || chainsBySecond.containsKey(TYPE);
        if (typesFeedRules || typesAsPredicate) {
            predicates.add(TYPE);
            headPredicates.add(TYPE);
        } else {
            // types only feed rule 20, which per-class scans cover: the classes with a superclass feed it, the
            // superclasses are what it derives (stated ones are not derived again)
            for (Node c : superClasses.keySet()) {
                scan(Node.ANY, TYPE, c, work, true);
            }
            for (Node c : headClasses) {
                if (!superClasses.containsKey(c)) {
                    scan(Node.ANY, TYPE, c, work, false);
                }
                statedClasses.add(c);
            }
        }
        for (Node p : predicates) {
            scan(Node.ANY, p, Node.ANY, work, true);
        }
        for (Node p : headPredicates) {
            if (!predicates.contains(p)) {
                scan(Node.ANY, p, Node.ANY, work, false);
            }
        }
        statedPredicates.addAll(predicates);
        statedPredicates.addAll(headPredicates);
    }

    /** Reads the stated triples matching the pattern into {@link #statedRead}, and into the work when they feed it. */
    private void scan(Node s, Node p, Node o, Deque<Triple> work, boolean feeds) {
        Iterator<Quad> it = dsg.find(Node.ANY, s, p, o);
        while (it.hasNext()) {
            Quad q = it.next();
            if (!q.getGraph().equals(Graphs.INFERRED)) {
                Triple t = q.asTriple();
                if (statedRead.add(t) && feeds) {
                    work.add(t);
                }
                deadline.tick();
            }
        }
    }

    /** Whether a head is stated, from what {@link #seed} read when it read the head's shape, else from the store. */
    private boolean statedHead(Triple t) {
        Node p = t.getPredicate();
        if (statedPredicates.contains(p) || (p.equals(TYPE) && statedClasses.contains(t.getObject()))) {
            return statedRead.contains(t);
        }
        return stated(t);
    }

    private void close(Deque<Triple> work) {
        while (!work.isEmpty()) {
            deadline.tick();
            Triple t = work.poll();
            for (Triple head : heads(t)) {
                if (!derived.contains(head) && !(trustInferred ? known(head) : statedHead(head))) {
                    derived.add(head);
                    index(head);
                    work.add(head);
                }
            }
        }
    }

    /** Every fact one rule application derives from t joined with the facts known now (t in either position). */
    private List<Triple> heads(Triple t) {
        List<Triple> heads = new ArrayList<>();
        Node s = t.getSubject();
        Node p = t.getPredicate();
        Node o = t.getObject();
        if (p.equals(TYPE)) {
            // Rule 20: named superclasses but owl:Thing and rdfs:Resource.
            for (Node sup : superClasses.getOrDefault(o, Set.of())) {
                if (sup.isURI() && !sup.equals(OWL.Thing.asNode()) && !sup.equals(RDFS.Resource.asNode())) {
                    heads.add(Triple.create(s, TYPE, sup));
                }
            }
        }
        // Rule 21: named superproperties other than p itself.
        for (Node sup : superProperties.getOrDefault(p, Set.of())) {
            if (sup.isURI() && !sup.equals(p)) {
                heads.add(Triple.create(s, sup, o));
            }
        }
        // Rule 22: inverses; a literal never becomes a subject.
        if (!o.isLiteral()) {
            for (Node q : inverses.getOrDefault(p, Set.of())) {
                if (q.isURI()) {
                    heads.add(Triple.create(o, q, s));
                }
            }
        }
        // Rule 23: t as either link of a transitive pair.
        if (transitive.contains(p)) {
            for (Triple next : known(o, p, Node.ANY)) {
                heads.add(Triple.create(s, p, next.getObject()));
            }
            for (Triple before : known(Node.ANY, p, s)) {
                heads.add(Triple.create(before.getSubject(), p, o));
            }
        }
        // Rule 24: t as the first or the second link of a chain.
        for (Chain c : chainsByFirst.getOrDefault(p, List.of())) {
            for (Triple next : known(o, c.second(), Node.ANY)) {
                heads.add(Triple.create(s, c.property(), next.getObject()));
            }
        }
        for (Chain c : chainsBySecond.getOrDefault(p, List.of())) {
            for (Triple before : known(Node.ANY, c.first(), s)) {
                heads.add(Triple.create(before.getSubject(), c.property(), o));
            }
        }
        return heads;
    }

    private void index(Triple t) {
        Node p = t.getPredicate();
        if (transitive.contains(p) || chainsByFirst.containsKey(p) || chainsBySecond.containsKey(p)) {
            joinableBySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            joinableByObject.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
        }
    }

    /** Known facts matching the pattern (s or o may be ANY): stated, derived in this run, or (incremental) inferred. */
    private List<Triple> known(Node s, Node p, Node o) {
        Set<Triple> found = new LinkedHashSet<>();
        Iterator<Quad> it = dsg.find(Node.ANY, s, p, o);
        while (it.hasNext()) {
            Quad q = it.next();
            if (trustInferred || !q.getGraph().equals(Graphs.INFERRED)) {
                found.add(q.asTriple());
            }
        }
        Node key = s.isConcrete() ? s : o;
        Map<Node, List<Triple>> index = s.isConcrete() ? joinableBySubject : joinableByObject;
        if (key.isConcrete()) {
            for (Triple t : index.getOrDefault(key, List.of())) {
                if (t.getPredicate().equals(p) && (o.equals(Node.ANY) || t.getObject().equals(o))
                        && (s.equals(Node.ANY) || t.getSubject().equals(s))) {
                    found.add(t);
                }
            }
        } else {
            for (Triple t : derived) {
                if (t.getPredicate().equals(p)) {
                    found.add(t);
                }
            }
        }
        found.removeAll(gone);
        return new ArrayList<>(found);
    }

    private boolean known(Triple t) {
        if (gone.contains(t)) {
            return false;
        }
        Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        while (it.hasNext()) {
            if (trustInferred || !it.next().getGraph().equals(Graphs.INFERRED)) {
                return true;
            }
        }
        return false;
    }

    /** In a graph other than the inferred one: the rules never derive what is stated. */
    boolean stated(Triple t) {
        Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        while (it.hasNext()) {
            if (!it.next().getGraph().equals(Graphs.INFERRED)) {
                return true;
            }
        }
        return false;
    }

    private boolean inInferred(Triple t) {
        return dsg.contains(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
    }

    private static void link(Map<Node, Set<Node>> edges, Node from, Node to) {
        edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }
}
