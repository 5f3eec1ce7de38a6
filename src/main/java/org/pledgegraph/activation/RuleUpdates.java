package org.pledgegraph.activation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.store.StoreView;

/**
 * The rules as one SPARQL Update request, for a store that runs them itself (a remote store): what
 * {@link Materializer} does inside a transaction, composed through the {@link Rule} API only (whole, focusedOn,
 * stratum, derivedPredicates), so that it can be appended to the change's own request.
 * <p>
 * A request cannot loop until nothing new is derived, as the embedded materializer does; it repeats each recursive
 * stratum a fixed number of times instead. Rules 10 and 11 join two closure steps, so each pass doubles the longest
 * chain closed: {@value #SCHEMA_PASSES} passes close chains of up to 2^{@value #SCHEMA_PASSES} links; the instance
 * stratum closes transitive chains the same way. The activation stratum is one pass in order (rule 31 reads only the
 * leaves of an any-of). Tests compare the result with the embedded materializer's on the same data.
 */
final class RuleUpdates {
    static final int SCHEMA_PASSES = 6;
    static final int INSTANCE_PASSES = 4;

    private final List<Rule> rules;

    RuleUpdates(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Empties the inferred graph and derives everything again. */
    UpdateRequest all() {
        UpdateRequest request = new UpdateRequest();
        request.add(new UpdateClear(Target.create(Graphs.INFERRED), true));
        for (int stratum : strata()) {
            for (int pass = 0; pass < passes(stratum); pass++) {
                inStratum(stratum).forEach(rule -> rule.whole().getOperations().forEach(request::add));
            }
        }
        return request;
    }

    /**
     * After a change of known quads: the focused refresh when every quad describes an occurrence (as
     * {@link Materializer#applyAfter} decides), else {@link #all}. {@code view} reads the store before the change.
     */
    UpdateRequest after(StoreView view, List<Quad> added, List<Quad> removed) {
        List<Quad> all = new ArrayList<>(added);
        all.addAll(removed);
        if (all.isEmpty()) {
            return new UpdateRequest();
        }
        boolean occurrencesOnly = all.stream().allMatch(q -> q.getGraph().isURI()
                && q.getGraph().getURI().startsWith(Graphs.EVENT_GRAPH_PREFIX)
                && q.getSubject().isURI() && q.getSubject().getURI().startsWith(Graphs.OCCURRENCE_PREFIX));
        if (!occurrencesOnly) {
            return all();
        }
        Set<Node> closure = new LinkedHashSet<>();
        Set<Node> waiting = new LinkedHashSet<>();
        for (Quad q : all) {
            closure.add(q.getSubject());
            if (q.getObject().isURI() && !q.getPredicate().equals(RDF.type.asNode())) {
                closure.add(q.getObject());
            }
            if (q.getPredicate().equals(Graphs.pg("occurrenceOf"))) {
                waiting.addAll(EventLedger.waitingFor(view, q.getObject()));
            }
        }
        return refresh(closure, waiting, view.lateral());
    }

    /** {@link Materializer#refresh} as one request: delete what the subjects can lose, rerun the focused rules. */
    UpdateRequest refresh(Set<Node> closure, Set<Node> activation, boolean lateral) {
        List<Node> closureNodes = new ArrayList<>(closure);
        List<Node> activationNodes = new ArrayList<>(activation);
        activationNodes.removeAll(closure);
        Set<Node> activationPredicates = new LinkedHashSet<>();
        inStratum(Rule.ACTIVATION_STRATUM).forEach(r -> activationPredicates.addAll(r.derivedPredicates()));
        StringBuilder deletes = new StringBuilder();
        if (!closureNodes.isEmpty()) {
            deletes.append("DELETE { GRAPH <").append(Graphs.INFERRED.getURI()).append("> { ?s ?p ?o } } WHERE { VALUES ?s {")
                    .append(terms(closureNodes)).append(" } GRAPH <").append(Graphs.INFERRED.getURI()).append("> { ?s ?p ?o } } ;\n");
        }
        if (!activationNodes.isEmpty() && !activationPredicates.isEmpty()) {
            deletes.append("DELETE { GRAPH <").append(Graphs.INFERRED.getURI()).append("> { ?s ?p ?o } } WHERE { VALUES ?s {")
                    .append(terms(activationNodes)).append(" } VALUES ?p {").append(terms(activationPredicates))
                    .append(" } GRAPH <").append(Graphs.INFERRED.getURI()).append("> { ?s ?p ?o } }\n");
        }
        UpdateRequest request = deletes.isEmpty() ? new UpdateRequest() : UpdateFactory.create(deletes.toString());
        List<Node> everything = new ArrayList<>(closureNodes);
        everything.addAll(activationNodes);
        for (int stratum : strata()) {
            if (stratum == Rule.SCHEMA_STRATUM) {
                continue; // schema rules read the ontology graph alone, which an occurrence never touches
            }
            List<Node> subjects = stratum == Rule.ACTIVATION_STRATUM ? everything : closureNodes;
            if (subjects.isEmpty()) {
                continue;
            }
            for (int pass = 0; pass < passes(stratum); pass++) {
                inStratum(stratum).forEach(rule -> (lateral ? rule.focusedOn(subjects) : joined(rule, subjects))
                        .getOperations().forEach(request::add));
            }
        }
        return request;
    }

    /**
     * The rule restricted to the subjects by a join with {@code VALUES ?s {...}}: plain SPARQL 1.1, for stores without
     * LATERAL. Same answers (every rule binds ?s in its pattern); the store may evaluate the pattern more widely.
     */
    static UpdateRequest joined(Rule rule, List<Node> subjects) {
        UpdateModify whole = (UpdateModify) rule.whole().getOperations().get(0);
        UpdateModify focused = new UpdateModify();
        whole.getInsertQuads().forEach(focused.getInsertAcc()::addQuad);
        focused.setHasInsertClause(true);
        ElementData values = new ElementData();
        values.add(Rule.SUBJECT);
        subjects.forEach(s -> values.add(BindingFactory.binding(Rule.SUBJECT, s)));
        ElementGroup where = new ElementGroup();
        where.addElement(values);
        if (whole.getWherePattern() instanceof ElementGroup group) {
            group.getElements().forEach(where::addElement);
        } else {
            where.addElement(whole.getWherePattern());
        }
        focused.setElement(where);
        return new UpdateRequest(focused);
    }

    private static int passes(int stratum) {
        return stratum == Rule.SCHEMA_STRATUM ? SCHEMA_PASSES : stratum == Rule.ACTIVATION_STRATUM ? 1 : INSTANCE_PASSES;
    }

    private List<Rule> inStratum(int stratum) {
        return rules.stream().filter(r -> r.stratum() == stratum).toList();
    }

    private Set<Integer> strata() {
        Set<Integer> strata = new TreeSet<>();
        rules.forEach(r -> strata.add(r.stratum()));
        return strata;
    }

    private static String terms(Iterable<Node> nodes) {
        StringBuilder s = new StringBuilder();
        nodes.forEach(n -> s.append(" <").append(n.getURI()).append(">"));
        return s.toString();
    }
}
