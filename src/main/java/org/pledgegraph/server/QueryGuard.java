package org.pledgegraph.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * Checks and rewrites every query (and every WHERE of an update) over the served dataset before it runs; it is ARQ's
 * optimizer, with a step in front, set in the dataset's context.
 * <ul>
 * <li>{@code REGEX} and {@code REPLACE} match through {@link CancellableText}, so that the query's timeout (or its
 * cancellation) stops a match with catastrophic backtracking; a plain Java match cannot be stopped at all.</li>
 * <li>Functions and property functions named by {@code <java:...>} IRIs are refused (400): ARQ would load any class
 * on the class path that implements them.</li>
 * <li>A {@code SERVICE} the allow-list refuses is refused once, before anything runs, wherever it is, inside
 * {@code FILTER EXISTS} too. Evaluated there row by row, each refusal used to log a stack trace (20 MB in a second).</li>
 * </ul>
 */
final class QueryGuard implements RewriteFactory {
    private final RewriteFactory optimizer;
    private final ServiceAllowList allowList;
    private final Duration timeout;

    private QueryGuard(RewriteFactory optimizer, ServiceAllowList allowList, Duration timeout) {
        this.optimizer = optimizer;
        this.allowList = allowList;
        this.timeout = timeout;
    }

    /** Puts the guard in front of the optimizer for every query over a dataset with this context. */
    static void installIn(Context context, ServiceAllowList allowList, Duration timeout) {
        RewriteFactory current = context.get(ARQConstants.sysOptimizerFactory);
        RewriteFactory optimizer = current instanceof QueryGuard guard ? guard.optimizer
                : current != null ? current : Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, new QueryGuard(optimizer, allowList, timeout));
    }

    @Override
    public Rewrite create(Context context) {
        Rewrite next = optimizer.create(context);
        return op -> next.rewrite(guard(op));
    }

    Op guard(Op op) {
        Walker.walk(op, new Refusals(), new JavaFunctions());
        // The query runs from now on: its matches stop at the timeout from now, or sooner if it is cancelled.
        long deadline = System.nanoTime() + timeout.toNanos();
        return Walker.transform(op, new TransformCopy(), new CancellableMatching(deadline));
    }

    /** SERVICE off the allow-list, and java: property functions, anywhere in the algebra. */
    private final class Refusals extends OpVisitorBase {
        @Override
        public void visit(OpService service) {
            allowList.check(service.getService());
        }

        @Override
        public void visit(OpBGP bgp) {
            bgp.getPattern().forEach(Refusals::checkPredicate);
        }

        @Override
        public void visit(OpTriple triple) {
            checkPredicate(triple.getTriple());
        }

        @Override
        public void visit(OpPath path) {
            String text = path.getTriplePath().getPath() == null ? "" : path.getTriplePath().getPath().toString();
            if (text.contains("<java:")) {
                throw javaRefused(text);
            }
        }

        private static void checkPredicate(Triple triple) {
            Node p = triple.getPredicate();
            if (p.isURI() && p.getURI().startsWith(ARQConstants.javaClassURIScheme)) {
                throw javaRefused(p.getURI());
            }
        }
    }

    private static final class JavaFunctions extends ExprVisitorBase {
        @Override
        public void visit(ExprFunctionN func) {
            if (func instanceof E_Function f && f.getFunctionIRI().startsWith(ARQConstants.javaClassURIScheme)) {
                throw javaRefused(f.getFunctionIRI());
            }
        }
    }

    private static QueryParseException javaRefused(String iri) {
        return new QueryParseException("<" + iri + "> refused: java: functions are not allowed on this server", -1, -1);
    }

    /** REGEX and REPLACE, rewritten to their cancellable forms. */
    private static final class CancellableMatching extends ExprTransformCopy {
        private final long deadline;

        CancellableMatching(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof CancellableRegex)) {
                return new CancellableRegex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null, deadline);
            }
            if (func instanceof E_StrReplace && !(func instanceof CancellableReplace)) {
                return new CancellableReplace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null, deadline);
            }
            return super.transform(func, args);
        }
    }

    /**
     * When a match must stop: when the query is cancelled, and at the latest at its deadline. ARQ's overall timeout
     * is checked between the query's steps and sets no signal a match could see, so the deadline is the guard's own.
     */
    private static CancellableText text(String s, FunctionEnv env, long deadline) {
        AtomicBoolean cancelled = env instanceof ExecutionContext ec ? ec.getCancelSignal() : null;
        return new CancellableText(s, cancelled, deadline);
    }

    static final class CancellableRegex extends E_Regex {
        private final long deadline;

        CancellableRegex(Expr expr, Expr pattern, Expr flags, long deadline) {
            super(expr, pattern, flags);
            this.deadline = deadline;
        }

        /** Without an execution (ARQ's constant folding), no match is tried: it could not be stopped. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException("evaluated when the query runs, under its timeout");
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            NodeValue flags = args.size() > 2 ? args.get(2) : null;
            if (!args.get(1).isString() || flags != null && !flags.isString()) {
                throw new ExprEvalException("REGEX: pattern and flags must be strings");
            }
            Pattern pattern = RegexEngine.makePattern("REGEX", args.get(1).getString(), flags == null ? null : flags.getString());
            return NodeValue.booleanReturn(pattern.matcher(text(arg.getLiteralLexicalForm(), env, deadline)).find());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new CancellableRegex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null, deadline);
        }
    }

    static final class CancellableReplace extends E_StrReplace {
        private final long deadline;

        CancellableReplace(Expr expr, Expr pattern, Expr replacement, Expr flags, long deadline) {
            super(expr, pattern, replacement, flags);
            this.deadline = deadline;
        }

        /** Without an execution (ARQ's constant folding), no match is tried: it could not be stopped. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException("evaluated when the query runs, under its timeout");
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Node arg = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            NodeValue flags = args.size() > 3 ? args.get(3) : null;
            if (!args.get(1).isString() || !args.get(2).isString() || flags != null && !flags.isString()) {
                throw new ExprEvalException("REPLACE: pattern, replacement and flags must be strings");
            }
            Pattern pattern = RegexEngine.makePattern("REPLACE", args.get(1).getString(), flags == null ? null : flags.getString());
            if (pattern.matcher("").matches()) {
                throw new ExprEvalException("REPLACE: pattern matches the empty string");
            }
            Matcher m = pattern.matcher(text(arg.getLiteralLexicalForm(), env, deadline));
            String replaced;
            try {
                replaced = m.replaceAll(args.get(2).getString());
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            String lang = arg.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                return NodeValue.makeLangString(replaced, lang);
            }
            return NodeValue.makeString(replaced);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new CancellableReplace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null, deadline);
        }
    }

}
