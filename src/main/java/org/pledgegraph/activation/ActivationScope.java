package org.pledgegraph.activation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementExists;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementNotExists;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.vocabulary.RDF;

/**
 * Which subjects' activation facts (rules {@code 3x}) a change can alter, read off the rules' own patterns.
 * <p>
 * Each rule derives facts about {@code ?s}. Its patterns, walked outwards from {@code ?s}, give every variable a path
 * from {@code ?s} (e.g. {@code ?s pg:statedIn ?statement}, then {@code ?statement pg:statementDate ?stated}). A changed
 * triple that matches a pattern binds that pattern's nearer variable; walking its path back from the bound node gives
 * the subjects whose derivation read the triple (the commitments stated in that statement). A triple that matches a
 * pattern whose variables have no path from {@code ?s} makes the scope unknown: the caller then reruns the rules for
 * every subject. Class links ({@code ?x a ?class}) are matched but never walked: the rules read types of their
 * subjects, not instances of classes, and a change of the ontology recomputes everything anyway.
 */
final class ActivationScope {
    /** One step of a variable's path from ?s: the predicates of the pattern, and whether the step went to its object. */
    private record Step(Set<Node> predicates, boolean toObject, boolean repeated) {}

    private record Pattern(Node subject, Set<Node> predicates, boolean anyPredicate, boolean repeated, Node object) {}

    private final List<Pattern> patterns = new ArrayList<>();
    /** For each variable reached from ?s: its path (steps from ?s). */
    private final Map<Node, List<Step>> paths = new HashMap<>();

    ActivationScope(Rule rule) {
        collect(rule.where());
        paths.put(Rule.SUBJECT, List.of());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Pattern p : patterns) {
                if (p.anyPredicate() || p.predicates().contains(RDF.type.asNode())) {
                    continue;
                }
                if (reached(p.subject()) && p.object().isVariable() && !reached(p.object())) {
                    paths.put(p.object(), append(paths.get(p.subject()), new Step(p.predicates(), true, p.repeated())));
                    grew = true;
                } else if (reached(p.object()) && p.subject().isVariable() && !reached(p.subject())) {
                    paths.put(p.subject(), append(paths.get(p.object()), new Step(p.predicates(), false, p.repeated())));
                    grew = true;
                }
            }
        }
    }

    /**
     * The subjects whose facts of this rule may change when these triples were added or removed (triples whose object
     * is {@link Node#ANY} stand for "some value of this predicate of this subject changed"), or empty when unknown.
     */
    Optional<Set<Node>> subjectsAffectedBy(DatasetGraph dsg, Collection<Triple> changed, int limit) {
        Set<Node> subjects = new LinkedHashSet<>();
        for (Triple t : changed) {
            for (Pattern p : patterns) {
                if (!p.anyPredicate() && !p.predicates().contains(t.getPredicate())) {
                    continue;
                }
                if (!fits(p.subject(), t.getSubject()) || !fits(p.object(), t.getObject())) {
                    continue;
                }
                Node nearer = nearer(p);
                if (nearer == null) {
                    return Optional.empty();
                }
                Node bound = nearer.equals(p.subject()) ? t.getSubject() : t.getObject();
                if (!bound.isConcrete()) {
                    return Optional.empty();
                }
                Set<Node> from = new LinkedHashSet<>();
                from.add(bound);
                if (p.repeated()) {
                    // the triple may be any link of the path: its far end may be any node that reaches this one
                    from = walk(dsg, from, new Step(p.predicates(), nearer.equals(p.subject()), true), limit);
                }
                subjects.addAll(walkBack(dsg, from, paths.get(nearer), limit));
                if (subjects.size() > limit) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(subjects);
    }

    private Set<Node> walkBack(DatasetGraph dsg, Set<Node> start, List<Step> path, int limit) {
        Set<Node> at = start;
        for (int i = path.size() - 1; i >= 0 && !at.isEmpty(); i--) {
            at = walk(dsg, at, path.get(i), limit);
        }
        return at;
    }

    /** One step back: from the step's far end to its near end (repeated steps: any number of links, at least one). */
    private static Set<Node> walk(DatasetGraph dsg, Set<Node> from, Step step, int limit) {
        Set<Node> result = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>(from);
        Set<Node> seen = new LinkedHashSet<>(from);
        if (step.repeated()) {
            result.addAll(from);
        }
        while (!todo.isEmpty() && result.size() <= limit) {
            Node x = todo.poll();
            for (Node p : step.predicates()) {
                var it = step.toObject() ? dsg.find(Node.ANY, Node.ANY, p, x) : dsg.find(Node.ANY, x, p, Node.ANY);
                while (it.hasNext()) {
                    var q = it.next();
                    Node back = step.toObject() ? q.getSubject() : q.getObject();
                    result.add(back);
                    if (step.repeated() && seen.add(back)) {
                        todo.add(back);
                    }
                }
            }
        }
        return result;
    }

    private Node nearer(Pattern p) {
        List<Step> s = p.subject().isVariable() ? paths.get(p.subject()) : null;
        List<Step> o = p.object().isVariable() ? paths.get(p.object()) : null;
        if (s == null) {
            return o == null ? null : p.object();
        }
        return o == null || s.size() <= o.size() ? p.subject() : p.object();
    }

    private static boolean fits(Node pattern, Node value) {
        return pattern.isVariable() || value.equals(Node.ANY) || pattern.equals(value);
    }

    private boolean reached(Node n) {
        return paths.containsKey(n);
    }

    private static List<Step> append(List<Step> path, Step step) {
        List<Step> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private void collect(Element e) {
        if (e instanceof ElementGroup g) {
            g.getElements().forEach(this::collect);
        } else if (e instanceof ElementPathBlock b) {
            b.getPattern().getList().forEach(this::add);
        } else if (e instanceof ElementTriplesBlock b) {
            b.getPattern().getList().forEach(t -> add(new TriplePath(t)));
        } else if (e instanceof ElementOptional o) {
            collect(o.getOptionalElement());
        } else if (e instanceof ElementUnion u) {
            u.getElements().forEach(this::collect);
        } else if (e instanceof ElementNamedGraph n) {
            collect(n.getElement());
        } else if (e instanceof ElementMinus m) {
            collect(m.getMinusElement());
        } else if (e instanceof ElementLateral l) {
            collect(l.getLateralElement());
        } else if (e instanceof ElementExists x) {
            collect(x.getElement());
        } else if (e instanceof ElementNotExists x) {
            collect(x.getElement());
        } else if (e instanceof ElementSubQuery q) {
            collect(q.getQuery().getQueryPattern());
        } else if (e instanceof ElementFilter f) {
            collect(f.getExpr());
        } else if (e instanceof ElementBind b) {
            collect(b.getExpr());
        }
    }

    private void collect(Expr expr) {
        if (expr instanceof ExprFunctionOp op) {
            collect(op.getElement());
        }
        if (expr instanceof ExprFunction f) {
            f.getArgs().forEach(this::collect);
        }
    }

    private static void linksOf(Path path, Set<Node> links) {
        if (path instanceof P_Link link) {
            links.add(link.getNode());
        } else if (path instanceof P_Path1 p1) {
            linksOf(p1.getSubPath(), links);
        } else if (path instanceof P_Path2 p2) {
            linksOf(p2.getLeft(), links);
            linksOf(p2.getRight(), links);
        } else {
            links.clear();
            links.add(Node.ANY); // a negated set or the like: any predicate
        }
    }

    private void add(TriplePath tp) {
        if (tp.isTriple()) {
            Node p = tp.getPredicate();
            patterns.add(new Pattern(tp.getSubject(), p.isVariable() ? Set.of() : Set.of(p), p.isVariable(), false, tp.getObject()));
            return;
        }
        Path path = tp.getPath();
        Set<Node> links = new LinkedHashSet<>();
        linksOf(path, links);
        // Any other path is read as a repetition of its links, in either direction: an over-approximation.
        boolean any = links.isEmpty() || links.contains(Node.ANY);
        patterns.add(new Pattern(tp.getSubject(), any ? Set.of() : links, any, true, tp.getObject()));
    }
}
