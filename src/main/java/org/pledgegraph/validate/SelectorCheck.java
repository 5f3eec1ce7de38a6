package org.pledgegraph.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.Vocab;

/**
 * Selectors must match the text (shape {@code pgsh:SelectorMatchesText}): the code points from {@code oa:start} to
 * {@code oa:end} (end exclusive) are {@code oa:exact}; {@code oa:prefix} ends where the passage starts and
 * {@code oa:suffix} begins where it ends, and either may be left out only at the text's start or end. SHACL cannot
 * read the text file, so this is Java, reporting into the same report.
 */
final class SelectorCheck {
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String SHAPE = Report.SHAPES + "SelectorMatchesText";

    private final SourceTexts texts;
    private final Map<String, Optional<int[]>> read = new HashMap<>();

    SelectorCheck(SourceTexts texts) {
        this.texts = texts;
    }

    /** Checks every target ({@code oa:SpecificResource}) described in {@code graph}; {@code data} to look up sources. */
    List<Violation> check(Graph graph, Graph data) {
        List<Violation> out = new ArrayList<>();
        for (Node target : graph.find(Node.ANY, RDF.type.asNode(), oa("SpecificResource")).mapWith(t -> t.getSubject()).toList()) {
            Node source = one(graph, target, oa("hasSource"));
            if (source == null) {
                continue; // the shape reports it
            }
            Node file = one(data, source, Vocab.iri(Vocab.PG + "textFile"));
            if (file == null || !file.isLiteral()) {
                continue; // the source shape reports it
            }
            String textFile = file.getLiteralLexicalForm();
            Optional<int[]> text = read.computeIfAbsent(textFile, f -> texts.text(f).map(s -> s.codePoints().toArray()));
            if (text.isEmpty()) {
                out.add(new Violation(target, "oa:hasSource", "cannot check its selectors: the text " + textFile
                        + " of " + Report.label(source) + " is not readable here", SHAPE, null));
                continue;
            }
            for (Node selector : graph.find(target, oa("hasSelector"), Node.ANY).mapWith(t -> t.getObject()).toList()) {
                checkPosition(graph, selector, text.get(), textFile, out);
            }
        }
        return out;
    }

    private void checkPosition(Graph graph, Node selector, int[] text, String textFile, List<Violation> out) {
        if (!graph.contains(selector, RDF.type.asNode(), oa("TextQuoteSelector"))) {
            return;
        }
        Node exactNode = one(graph, selector, oa("exact"));
        if (exactNode == null || !exactNode.isLiteral()) {
            return; // the shape reports it
        }
        String exact = exactNode.getLiteralLexicalForm();
        // The position selector beside it, in the same target.
        Node target = graph.find(Node.ANY, oa("hasSelector"), selector).mapWith(t -> t.getSubject()).toList().stream().findFirst().orElse(null);
        Node position = target == null ? null : graph.find(target, oa("hasSelector"), Node.ANY).mapWith(t -> t.getObject()).toList()
                .stream().filter(s -> graph.contains(s, RDF.type.asNode(), oa("TextPositionSelector"))).findFirst().orElse(null);
        if (position == null) {
            return; // the target shape reports it
        }
        Integer start = integer(one(graph, position, oa("start")));
        Integer end = integer(one(graph, position, oa("end")));
        if (start == null || end == null) {
            return;
        }
        if (start < 0 || end > text.length || start >= end) {
            out.add(new Violation(position, "oa:start", "offsets " + start + ".." + end + " fall outside " + textFile
                    + " (" + text.length + " code points)", SHAPE, null));
            return;
        }
        String at = new String(text, start, end - start);
        if (!at.equals(exact)) {
            out.add(new Violation(selector, "oa:exact", "the text at " + start + ".." + end + " of " + textFile + " is \""
                    + abbreviate(at) + "\", not \"" + abbreviate(exact) + "\"", SHAPE, null));
            return;
        }
        Node prefix = one(graph, selector, oa("prefix"));
        if (prefix != null) {
            int[] p = prefix.getLiteralLexicalForm().codePoints().toArray();
            if (start - p.length < 0 || !new String(text, start - p.length, p.length).equals(prefix.getLiteralLexicalForm())) {
                out.add(new Violation(selector, "oa:prefix", "the prefix \"" + abbreviate(prefix.getLiteralLexicalForm())
                        + "\" does not end where the passage starts (" + start + ")", SHAPE, null));
            }
        } else if (start != 0) {
            out.add(new Violation(selector, "oa:prefix", "no prefix, but the passage does not open the text", SHAPE, null));
        }
        Node suffix = one(graph, selector, oa("suffix"));
        if (suffix != null) {
            int[] s = suffix.getLiteralLexicalForm().codePoints().toArray();
            if (end + s.length > text.length || !new String(text, end, s.length).equals(suffix.getLiteralLexicalForm())) {
                out.add(new Violation(selector, "oa:suffix", "the suffix \"" + abbreviate(suffix.getLiteralLexicalForm())
                        + "\" does not begin where the passage ends (" + end + ")", SHAPE, null));
            }
        } else if (end != text.length) {
            out.add(new Violation(selector, "oa:suffix", "no suffix, but the passage does not close the text", SHAPE, null));
        }
    }

    static Node oa(String local) {
        return Vocab.iri(OA + local);
    }

    static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static Integer integer(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        try {
            return Integer.valueOf(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
