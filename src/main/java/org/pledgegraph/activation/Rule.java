package org.pledgegraph.activation;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * One rule of {@code ontology/rules/}: a SPARQL {@code INSERT ... WHERE} whose derived triples have the subject
 * {@code ?s}. The whole rule derives for every subject; {@link #focusedOn} derives only for given subjects, which is
 * how one recorded event is absorbed without recomputing everything.
 */
public final class Rule {
    static final Var SUBJECT = Var.alloc("s");
    /** Rules numbered 1x derive from the ontology graph alone (class and property hierarchy). */
    static final int SCHEMA_STRATUM = 1;
    /** Rules numbered 3x derive the activation dates from conditions and occurrences. */
    static final int ACTIVATION_STRATUM = 3;

    private final String name;
    private final int stratum;
    private final UpdateModify update;

    Rule(String name, String text) {
        this.name = name;
        this.stratum = Integer.parseInt(name.substring(0, 1));
        UpdateRequest request = UpdateFactory.create(text);
        if (request.getOperations().size() != 1 || !(request.getOperations().get(0) instanceof UpdateModify modify)
                || modify.hasDeleteClause() || !modify.hasInsertClause()) {
            throw new IllegalArgumentException("rule " + name + ": must be exactly one INSERT ... WHERE");
        }
        for (Quad q : modify.getInsertQuads()) {
            if (!SUBJECT.equals(q.getSubject())) {
                throw new IllegalArgumentException("rule " + name + ": every derived triple must have the subject ?s");
            }
        }
        this.update = modify;
    }

    public String name() {
        return name;
    }

    /** Rules of a lower stratum are complete before a higher stratum runs (1 schema, 2 instances, 3 activation). */
    public int stratum() {
        return stratum;
    }

    /** The predicates of the triples this rule derives (variables excluded). */
    java.util.Set<Node> derivedPredicates() {
        java.util.Set<Node> ps = new java.util.LinkedHashSet<>();
        update.getInsertQuads().forEach(q -> {
            if (q.getPredicate().isURI()) {
                ps.add(q.getPredicate());
            }
        });
        return ps;
    }

    /** The rule's WHERE pattern, for the engine's dependency analysis ({@link ActivationScope}). */
    org.apache.jena.sparql.syntax.Element where() {
        return update.getWherePattern();
    }

    UpdateRequest whole() {
        return new UpdateRequest(update);
    }

    /** The rule restricted to the given subjects: {@code VALUES ?s { ... } LATERAL { pattern }}. */
    UpdateRequest focusedOn(List<Node> subjects) {
        UpdateModify focused = new UpdateModify();
        update.getInsertQuads().forEach(focused.getInsertAcc()::addQuad);
        focused.setHasInsertClause(true);
        ElementData values = new ElementData();
        values.add(SUBJECT);
        for (Node s : subjects) {
            Binding row = BindingFactory.binding(SUBJECT, s);
            values.add(row);
        }
        // LATERAL evaluates the rule once per focus subject with ?s already bound, so every pattern is an index
        // lookup; a plain join with VALUES may be evaluated as a hash join over the whole store.
        ElementGroup where = new ElementGroup();
        where.addElement(values);
        where.addElement(new ElementLateral(update.getWherePattern()));
        focused.setElement(where);
        return new UpdateRequest(focused);
    }

    @Override
    public String toString() {
        return name;
    }
}
