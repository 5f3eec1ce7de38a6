package org.pledgegraph.store;

import java.util.HashSet;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Bound;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.syntaxtransform.ExprTransformApplyElementTransform;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * A query as it must be written to go over the wire. The embedded store runs a {@link Query} object as it is; a remote
 * store gets its text, which must parse again. {@link QueryTransformOps#replaceVars}, which the pages use to ask a
 * query of one thing (status-as-of.rq of one commitment, describe.rq of one IRI), leaves forms that do not:
 * <ul>
 * <li>a constant sort key: Jena writes {@code ORDER BY <iri> ?g}, which a parser reads as a call of the function
 *     {@code <iri>} ({@code Encountered "?g"}). Sorting by a constant changes no order, so the key is dropped;</li>
 * <li>the replaced variable assigned its value again and again: {@code SELECT (<iri> AS ?c)} in the query and in each
 *     sub-query, and {@code GROUP BY (<iri> AS ?c)}, refused as "?c already in scope". Such a variable is used
 *     nowhere else (every use became the constant), so in sub-queries and group keys it is renamed, each time to a
 *     name of its own: the answer's columns stay, the groups stay (a constant group key is not the same as none when
 *     no row matches), and no join changes (all uses were constants already);</li>
 * <li>{@code BOUND(<iri>)}, which the grammar refuses (BOUND takes a variable): a constant is bound, so it is
 *     {@code true}.</li>
 * </ul>
 * Both are rewritten on a copy, in the query and in every sub-query; any other query is sent as it is.
 */
final class WireQuery {
    private static final Pattern VARIABLE = Pattern.compile("(AS )?[?$]([\\w\\u00B7]+)", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern BOUND_CONSTANT = Pattern.compile("(?i)\\bbound\\(\\s*[^?$\\s]");

    private WireQuery() {}

    /** The query itself when its text parses as it is, else a copy rewritten as above. */
    static Query of(Query query) {
        Set<Var> assignedOnly = assignedOnly(query.toString());
        String text = query.toString();
        boolean[] found = {BOUND_CONSTANT.matcher(text).find()};
        forEachQuery(query, (q, depth) -> found[0] |= q.hasOrderBy() && q.getOrderBy().stream().anyMatch(WireQuery::constant)
                || q.hasGroupBy() && q.getGroupBy().getVars().stream().anyMatch(assignedOnly::contains)
                || depth > 0 && q.isSelectType() && q.getProject().getVars().stream().anyMatch(assignedOnly::contains));
        if (!found[0]) {
            return query;
        }
        ElementTransformCopyBase elements = new ElementTransformCopyBase(true);
        Query copy = QueryTransformOps.transform(query, elements, new ExprTransformApplyElementTransform(elements, true) {
            @Override
            public Expr transform(ExprFunction1 func, Expr arg) {
                return func instanceof E_Bound && arg.isConstant() ? NodeValue.TRUE : super.transform(func, arg);
            }
        });
        Fresh fresh = new Fresh(copy.toString());
        forEachQuery(copy, (q, depth) -> {
            if (q.hasOrderBy()) {
                // An emptied list is written as no ORDER BY at all (Query.hasOrderBy asks for one key).
                q.getOrderBy().removeIf(WireQuery::constant);
            }
            if (q.hasGroupBy()) {
                rename(q.getGroupBy(), assignedOnly, fresh);
            }
            if (depth > 0 && q.isSelectType() && !q.isQueryResultStar()) {
                rename(q.getProject(), assignedOnly, fresh);
                q.resetResultVars();
            }
        });
        return copy;
    }

    private static boolean constant(SortCondition condition) {
        return condition.getExpression().isConstant();
    }

    /** The variables that the query's text names only as targets of {@code AS}: what replaceVars leaves. */
    private static Set<Var> assignedOnly(String text) {
        Set<String> targets = new HashSet<>();
        Set<String> used = new HashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            (m.group(1) != null ? targets : used).add(m.group(2));
        }
        targets.removeAll(used);
        Set<Var> vars = new HashSet<>();
        targets.forEach(name -> vars.add(Var.alloc(name)));
        return vars;
    }

    private static void rename(VarExprList list, Set<Var> assignedOnly, Fresh fresh) {
        if (list.getVars().stream().noneMatch(assignedOnly::contains)) {
            return;
        }
        VarExprList renamed = new VarExprList();
        for (Var v : list.getVars()) {
            Expr e = list.getExpr(v);
            if (e == null) {
                renamed.add(v);
            } else {
                renamed.add(assignedOnly.contains(v) && e.isConstant() ? fresh.next(v) : v, e);
            }
        }
        list.clear();
        renamed.forEachVarExpr((v, e) -> {
            if (e == null) {
                list.add(v);
            } else {
                list.add(v, e);
            }
        });
    }

    /** Variable names the query does not use: the name, an underscore and a number. */
    private static final class Fresh {
        private final String text;
        private int n;

        Fresh(String text) {
            this.text = text;
        }

        Var next(Var v) {
            String name;
            do {
                name = v.getVarName() + "_" + ++n;
            } while (text.contains("?" + name) || text.contains("$" + name));
            return Var.alloc(name);
        }
    }

    /** The query and each of its sub-queries, however deep (also those inside EXISTS and NOT EXISTS). */
    static void forEachQuery(Query query, ObjIntConsumer<Query> action) {
        forEachQuery(query, 0, action);
    }

    private static void forEachQuery(Query query, int depth, ObjIntConsumer<Query> action) {
        action.accept(query, depth);
        if (query.getQueryPattern() != null) {
            walk(query.getQueryPattern(), depth + 1, action);
        }
    }

    private static void walk(Element element, int depth, ObjIntConsumer<Query> action) {
        ExprVisitorBase exists = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp op) {
                if (op.getElement() != null) {
                    walk(op.getElement(), depth, action);
                }
            }
        };
        ElementWalker.walk(element, new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery el) {
                forEachQuery(el.getQuery(), depth, action);
            }

            @Override
            public void visit(ElementFilter el) {
                Walker.walk(el.getExpr(), exists);
            }

            @Override
            public void visit(ElementBind el) {
                Walker.walk(el.getExpr(), exists);
            }
        });
    }
}
