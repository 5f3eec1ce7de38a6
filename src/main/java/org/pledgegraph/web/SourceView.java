package org.pledgegraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.pledgegraph.store.StoreView;

/**
 * The source view: the text of a source with every annotated passage marked. Offsets are code points, end exclusive
 * (TextPositionSelector). The text is cut at every passage boundary; each piece is marked when a passage covers it and
 * links to the shortest such passage in the list below, which links to the things it supports. Each passage starts
 * with an anchor {@code char=start,end}, the target of the citation links on the entity pages.
 */
public record SourceView(String iri, String printed, String label, String published, boolean hasText,
        List<Piece> pieces, List<Marked> passages, List<Ref> formats) {

    /** A run of text; {@code passage} is the anchor id of the passage it belongs to (null: plain text). */
    public record Piece(String text, String passage, List<String> anchorsHere) {}

    /** One annotated passage: its anchor id, offsets, words and the things it supports. */
    public record Marked(String anchor, int start, int end, String exact, List<Ref> supports) {}

    static SourceView build(Site site, StoreView view, String iri, Path project, List<Ref> formats) {
        Links links = site.links();
        Node source = org.apache.jena.graph.NodeFactory.createURI(iri);
        String label = null, published = null, textFile = null;
        var info = view.select(Describe.bound("source-info", "source", source));
        if (info.hasNext()) {
            Binding row = info.next();
            label = PersonSection.text(row, "label");
            published = PersonSection.text(row, "published");
            textFile = PersonSection.text(row, "textFile");
        }
        Map<String, Marked> marked = new LinkedHashMap<>();
        view.select(Describe.bound("source-passages", "source", source)).forEachRemaining(row -> {
            int start = Integer.parseInt(row.get("start").getLiteralLexicalForm());
            int end = Integer.parseInt(row.get("end").getLiteralLexicalForm());
            String anchor = Passage.anchor(start, end);
            Marked m = marked.computeIfAbsent(anchor, a -> new Marked(a, start, end, PersonSection.text(row, "exact"),
                    new ArrayList<>()));
            Ref body = PersonSection.ref(row, "body", "bodyLabel", links);
            if (body != null && m.supports().stream().noneMatch(r -> r.iri().equals(body.iri()))) {
                m.supports().add(body);
            }
        });
        String text = textFile == null ? null : read(project, textFile);
        List<Marked> passages = new ArrayList<>(marked.values());
        passages.sort(java.util.Comparator.comparingInt(Marked::start).thenComparingInt(Marked::end));
        List<Piece> pieces = text == null ? List.of() : cut(text, passages);
        return new SourceView(iri, links.printed(iri), label == null ? Ref.shortForm(iri) : label, published,
                text != null, pieces, passages, formats);
    }

    /** Cuts the text at every passage boundary (code point offsets) into pieces. */
    static List<Piece> cut(String text, List<Marked> passages) {
        int length = text.codePointCount(0, text.length());
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
        List<Marked> inText = passages.stream().filter(p -> p.start() >= 0 && p.end() <= length && p.start() < p.end()).toList();
        inText.forEach(p -> {
            cuts.add(p.start());
            cuts.add(p.end());
        });
        List<Piece> pieces = new ArrayList<>();
        Integer from = null;
        for (int at : cuts) {
            if (from != null) {
                int f = from;
                Marked shortest = inText.stream().filter(p -> p.start() <= f && p.end() >= at)
                        .min(java.util.Comparator.comparingInt(p -> p.end() - p.start())).orElse(null);
                List<String> anchors = inText.stream().filter(p -> p.start() == f).map(Marked::anchor).toList();
                String piece = text.substring(text.offsetByCodePoints(0, f), text.offsetByCodePoints(0, at));
                pieces.add(new Piece(piece, shortest == null ? null : shortest.anchor(), anchors));
            }
            from = at;
        }
        return pieces;
    }

    /** The text file, which must lie inside the project folder (the path comes from the data). */
    private static String read(Path project, String textFile) {
        Path root = project.toAbsolutePath().normalize();
        Path file = root.resolve(textFile).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
