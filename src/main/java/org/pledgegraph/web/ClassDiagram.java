package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class hierarchy of the ontology laid out as a tree, left to right: each class a box in its own row, indented by
 * depth, joined to its superclass by an elbow line (a second superclass by a dashed line). Only coordinates are
 * computed here; {@code ontology.jte} draws them as inline SVG, escaped like any other value.
 */
public record ClassDiagram(int width, int height, List<Box> boxes, List<Edge> edges) {
    public record Box(int x, int y, int width, int height, String label, String href, int textX, int textY) {}

    /** An elbow from (x1,y1) down to y2 and right to x2. */
    public record Edge(String path, boolean secondary) {}

    private static final int ROW = 30;
    private static final int BOX_H = 22;
    private static final int INDENT = 28;
    private static final double CHAR_W = 7.2;

    static ClassDiagram of(List<Ontology.Term> classes) {
        Map<String, Ontology.Term> byIri = new HashMap<>();
        classes.forEach(c -> byIri.put(c.iri(), c));
        Map<String, List<Ontology.Term>> children = new HashMap<>();
        List<Ontology.Term> roots = new ArrayList<>();
        for (Ontology.Term c : classes) {
            List<Ref> supers = c.superTerms().stream().filter(s -> byIri.containsKey(s.iri())).toList();
            if (supers.isEmpty()) {
                roots.add(c);
            } else {
                String first = supers.stream().map(Ref::iri).sorted().findFirst().orElseThrow();
                children.computeIfAbsent(first, k -> new ArrayList<>()).add(c);
            }
        }
        Comparator<Ontology.Term> byLabel = Comparator.comparing(t -> t.label().toLowerCase());
        roots.sort(byLabel);
        children.values().forEach(l -> l.sort(byLabel));

        List<Box> boxes = new ArrayList<>();
        Map<String, Box> placed = new HashMap<>();
        List<Edge> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] row = {0};
        int[] maxX = {0};
        for (Ontology.Term root : roots) {
            place(root, 0, null, children, boxes, placed, edges, seen, row, maxX);
        }
        // Second superclasses: dashed lines from the other parent's box.
        for (Ontology.Term c : classes) {
            List<Ref> supers = c.superTerms().stream().filter(s -> byIri.containsKey(s.iri())).sorted(Comparator.comparing(Ref::iri)).toList();
            for (int i = 1; i < supers.size(); i++) {
                Box parent = placed.get(supers.get(i).iri());
                Box child = placed.get(c.iri());
                if (parent != null && child != null) {
                    edges.add(new Edge(elbow(parent, child), true));
                }
            }
        }
        return new ClassDiagram(maxX[0] + 20, row[0] * ROW + 20, boxes, edges);
    }

    private static void place(Ontology.Term term, int depth, Box parent, Map<String, List<Ontology.Term>> children,
            List<Box> boxes, Map<String, Box> placed, List<Edge> edges, Set<String> seen, int[] row, int[] maxX) {
        if (!seen.add(term.iri())) {
            return;
        }
        int x = 10 + depth * INDENT;
        int y = 10 + row[0] * ROW;
        int w = (int) Math.ceil(term.label().length() * CHAR_W) + 16;
        Box box = new Box(x, y, w, BOX_H, term.label(), "#" + term.anchor(), x + 8, y + 15);
        boxes.add(box);
        placed.put(term.iri(), box);
        maxX[0] = Math.max(maxX[0], x + w);
        row[0]++;
        if (parent != null) {
            edges.add(new Edge(elbow(parent, box), false));
        }
        for (Ontology.Term child : children.getOrDefault(term.iri(), List.of())) {
            place(child, depth + 1, box, children, boxes, placed, edges, seen, row, maxX);
        }
    }

    private static String elbow(Box parent, Box child) {
        int x1 = parent.x() + 12;
        int y1 = parent.y() + parent.height();
        int y2 = child.y() + child.height() / 2;
        return "M" + x1 + " " + y1 + " V" + y2 + " H" + child.x();
    }
}
