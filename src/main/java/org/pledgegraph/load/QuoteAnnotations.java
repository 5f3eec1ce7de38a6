package org.pledgegraph.load;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.validate.Locations;

/**
 * Quote-first annotation: a source's .ttl may give the evidence for facts as the exact words alone,
 * <pre>{@code
 * [] a oa:Annotation ; oa:hasBody commitment:eu-loan ; oa:hasTarget [ oa:exact "a €90 billion loan" ] .
 * }</pre>
 * and {@code load} expands each into the full Web Annotation: the target an {@code oa:SpecificResource} of the
 * source, with a {@code TextQuoteSelector} (exact, and up to 32 code points of prefix and suffix) and a
 * {@code TextPositionSelector} (code point offsets, end exclusive). A blank annotation is named
 * {@code id/annotation/SLUG-START-END}, its target {@code ...-target} and its selectors
 * {@code id/selector/SLUG-START-END-quote|-position}: the same text and quote give the same IRIs at every load.
 * <p>
 * A target may add {@code oa:prefix} and/or {@code oa:suffix} to say which of several occurrences it means. A quote
 * not in the text, or found more than once without them, is an error naming file:line and the nearest match.
 */
final class QuoteAnnotations {
    static final String OA = "http://www.w3.org/ns/oa#";
    static final int CONTEXT = 32;

    private QuoteAnnotations() {}

    /**
     * Expands the quote-first annotations of {@code graph}, the graph of source {@code slug} whose text is
     * {@code text} ({@code textName} in messages), in place; returns how many.
     */
    static int expand(Graph graph, String slug, String text, String textName, Locations where) {
        List<Node> quotes = graph.find(Node.ANY, oa("exact"), Node.ANY).mapWith(Triple::getSubject)
                .filterKeep(t -> !graph.contains(t, RDF.type.asNode(), oa("TextQuoteSelector"))).toList();
        if (quotes.isEmpty()) {
            return 0;
        }
        int[] cps = text.codePoints().toArray();
        Node source = Vocab.iri(Vocab.ID + "source/" + slug);
        int n = 0;
        for (Node target : quotes) {
            List<Node> annotations = graph.find(Node.ANY, oa("hasTarget"), target).mapWith(Triple::getSubject).toList();
            String at = where.of(target).orElse(textName);
            if (annotations.size() != 1) {
                throw new UserException(at + ": a quote (oa:exact) must be the oa:hasTarget of exactly one annotation, "
                        + "this one is of " + annotations.size());
            }
            Node annotation = annotations.get(0);
            String exact = literal(graph, target, "exact", at);
            String prefix = graph.contains(target, oa("prefix"), Node.ANY) ? literal(graph, target, "prefix", at) : null;
            String suffix = graph.contains(target, oa("suffix"), Node.ANY) ? literal(graph, target, "suffix", at) : null;
            int start = locate(text, cps, exact, prefix, suffix, at, textName);
            int end = start + (int) exact.codePoints().count();

            String local = annotation.isURI() && annotation.getURI().startsWith(Vocab.ID + "annotation/")
                    ? annotation.getURI().substring((Vocab.ID + "annotation/").length())
                    : slug + "-" + start + "-" + end;
            Node named = annotation.isURI() ? annotation : Vocab.iri(Vocab.ID + "annotation/" + local);
            Node fullTarget = target.isURI() ? target : Vocab.iri(Vocab.ID + "annotation/" + local + "-target");
            Node quote = Vocab.iri(Vocab.ID + "selector/" + local + "-quote");
            Node position = Vocab.iri(Vocab.ID + "selector/" + local + "-position");

            graph.find(target, Node.ANY, Node.ANY).toList().forEach(graph::delete);
            if (!named.equals(annotation)) {
                for (Triple t : graph.find(annotation, Node.ANY, Node.ANY).toList()) {
                    graph.delete(t);
                    graph.add(named, t.getPredicate(), t.getObject().equals(target) ? fullTarget : t.getObject());
                }
            } else {
                graph.delete(annotation, oa("hasTarget"), target);
                graph.add(named, oa("hasTarget"), fullTarget);
            }
            graph.add(named, RDF.type.asNode(), oa("Annotation"));
            graph.add(fullTarget, RDF.type.asNode(), oa("SpecificResource"));
            graph.add(fullTarget, oa("hasSource"), source);
            graph.add(fullTarget, oa("hasSelector"), quote);
            graph.add(fullTarget, oa("hasSelector"), position);
            graph.add(quote, RDF.type.asNode(), oa("TextQuoteSelector"));
            graph.add(quote, oa("exact"), NodeFactory.createLiteralString(exact));
            String before = new String(cps, Math.max(0, start - CONTEXT), start - Math.max(0, start - CONTEXT));
            String after = new String(cps, end, Math.min(cps.length, end + CONTEXT) - end);
            if (!before.isEmpty()) {
                graph.add(quote, oa("prefix"), NodeFactory.createLiteralString(before));
            }
            if (!after.isEmpty()) {
                graph.add(quote, oa("suffix"), NodeFactory.createLiteralString(after));
            }
            graph.add(position, RDF.type.asNode(), oa("TextPositionSelector"));
            graph.add(position, oa("start"), NodeFactory.createLiteralDT(Integer.toString(start), XSDDatatype.XSDnonNegativeInteger));
            graph.add(position, oa("end"), NodeFactory.createLiteralDT(Integer.toString(end), XSDDatatype.XSDnonNegativeInteger));
            for (Node made : List.of(named, fullTarget, quote, position)) {
                where.same(made, target);
            }
            n++;
        }
        return n;
    }

    /** The code point offset of the one occurrence of {@code exact} that the prefix and suffix (if given) select. */
    static int locate(String text, int[] cps, String exact, String prefix, String suffix, String at, String textName) {
        List<Integer> found = new ArrayList<>();
        for (int i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
            if (prefix != null && !text.substring(0, i).endsWith(prefix)) {
                continue;
            }
            if (suffix != null && !text.startsWith(suffix, i + exact.length())) {
                continue;
            }
            found.add(i);
        }
        if (found.isEmpty()) {
            String words = prefix == null && suffix == null ? "the quote" : "the quote with its prefix/suffix";
            throw new UserException(at + ": " + words + " \"" + abbreviate(exact) + "\" is not in " + textName
                    + nearest(text, exact));
        }
        if (found.size() > 1) {
            List<String> lines = found.stream().map(i -> Integer.toString(lineOf(text, i))).toList();
            throw new UserException(at + ": the quote \"" + abbreviate(exact) + "\" occurs " + found.size() + " times in "
                    + textName + " (lines " + String.join(", ", lines) + "): add oa:prefix (the words just before it) "
                    + "or oa:suffix to say which");
        }
        return text.codePointCount(0, found.get(0));
    }

    /** The longest start or end of the quote found in the text, shown where it stands: what was probably meant. */
    static String nearest(String text, String exact) {
        int bestLength = 0;
        int bestAt = -1;
        int bestFrom = 0;
        for (int k = exact.length() - 1; k >= Math.min(8, exact.length()) && k > bestLength; k--) {
            int i = text.indexOf(exact.substring(0, k));
            if (i >= 0) {
                bestLength = k;
                bestAt = i;
                bestFrom = 0;
                break;
            }
        }
        for (int k = exact.length() - 1; k >= Math.min(8, exact.length()) && k > bestLength; k--) {
            int i = text.indexOf(exact.substring(exact.length() - k));
            if (i >= 0) {
                bestLength = k;
                bestAt = i;
                bestFrom = exact.length() - k;
                break;
            }
        }
        if (bestAt < 0) {
            return " (no part of it of 8 characters or more is either)";
        }
        int from = Math.max(0, bestAt - bestFrom);
        int to = Math.min(text.length(), from + exact.length());
        return "; nearest match at line " + lineOf(text, bestAt) + ": \"" + abbreviate(text.substring(from, to)) + "\"";
    }

    private static int lineOf(String text, int charIndex) {
        int line = 1;
        for (int i = 0; i < charIndex; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String literal(Graph graph, Node s, String local, String at) {
        List<Node> values = graph.find(s, oa(local), Node.ANY).mapWith(Triple::getObject).toList();
        if (values.size() != 1 || !values.get(0).isLiteral() || values.get(0).getLiteralLexicalForm().isEmpty()) {
            throw new UserException(at + ": oa:" + local + " must be one non-empty string");
        }
        return values.get(0).getLiteralLexicalForm();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 100 ? one : one.substring(0, 97) + "...";
    }

    static Node oa(String local) {
        return Vocab.iri(OA + local);
    }
}
