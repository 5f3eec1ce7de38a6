package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * A passage of a source that states something: a Web Annotation's quote (TextQuoteSelector) and offsets
 * (TextPositionSelector, code points, end exclusive), with the things it supports (its bodies).
 *
 * @param href where the passage is in the source view: {@code /id/source/{slug}#char=start,end}
 */
public record Passage(String annotation, String exact, String prefix, String suffix, Ref source, String href,
        Integer start, Integer end, Set<String> bodies) {
    static final String OA = "http://www.w3.org/ns/oa#";

    /** The anchor id of a passage in the source view: {@code char=start,end} (RFC 5147's text/plain fragment form). */
    public static String anchor(int start, int end) {
        return "char=" + start + "," + end;
    }

    /** Words in curly quotes, unless the source's words already start with a quotation mark. */
    public static String quoted(String words) {
        return words.startsWith("\"") || words.startsWith("“") ? words : "“" + words + "”";
    }

    /** Whether the passage states (part of) the value: names it among its bodies, or quotes its words. */
    boolean states(Node value) {
        if (value.isURI()) {
            return bodies.contains(value.getURI());
        }
        if (value.isLiteral() && exact != null) {
            String words = value.getLiteralLexicalForm().toLowerCase(Locale.ROOT).trim();
            return words.length() >= 3 && exact.toLowerCase(Locale.ROOT).contains(words);
        }
        return false;
    }

    /** The passages of the annotations in {@code g} whose body is {@code thing}, in the order of the text. */
    static List<Passage> about(Graph g, Node thing, Links links, java.util.Map<String, String> labels) {
        List<Passage> passages = new ArrayList<>();
        Node hasBody = oa("hasBody");
        for (Triple t : g.find(Node.ANY, hasBody, thing).toList()) {
            passages.add(read(g, t.getSubject(), links, labels));
        }
        passages.sort(java.util.Comparator.comparing((Passage p) -> p.source() == null ? "" : p.source().iri())
                .thenComparing(p -> p.start() == null ? Integer.MAX_VALUE : p.start()));
        return passages;
    }

    static Passage read(Graph g, Node annotation, Links links, java.util.Map<String, String> labels) {
        Set<String> bodies = new LinkedHashSet<>();
        g.find(annotation, oa("hasBody"), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) {
                bodies.add(t.getObject().getURI());
            }
        });
        String exact = null, prefix = null, suffix = null;
        Integer start = null, end = null;
        Ref source = null;
        for (Triple target : g.find(annotation, oa("hasTarget"), Node.ANY).toList()) {
            Node tg = target.getObject();
            Node src = object(g, tg, oa("hasSource"));
            if (src != null && src.isURI()) {
                source = Ref.of(links, src.getURI(), labels.get(src.getURI()));
            }
            for (Triple sel : g.find(tg, oa("hasSelector"), Node.ANY).toList()) {
                Node s = sel.getObject();
                if (g.contains(s, RDF.type.asNode(), oa("TextQuoteSelector"))) {
                    exact = text(g, s, "exact");
                    prefix = text(g, s, "prefix");
                    suffix = text(g, s, "suffix");
                } else if (g.contains(s, RDF.type.asNode(), oa("TextPositionSelector"))) {
                    start = number(g, s, "start");
                    end = number(g, s, "end");
                }
            }
        }
        String href = source == null || source.href() == null ? null
                : start == null || end == null ? source.href() : source.href() + "#" + anchor(start, end);
        return new Passage(annotation.isURI() ? annotation.getURI() : null, exact, prefix, suffix, source, href, start,
                end, bodies);
    }

    private static Node oa(String local) {
        return NodeFactory.createURI(OA + local);
    }

    private static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String text(Graph g, Node s, String local) {
        Node o = object(g, s, oa(local));
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private static Integer number(Graph g, Node s, String local) {
        String v = text(g, s, local);
        try {
            return v == null ? null : Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
