package org.pledgegraph.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for people at a terminal, framed like Jena's result tables but holding words rather than RDF
 * terms (no quotes, no datatypes, no prefixes).
 */
public final class TextTable {
    private final List<String> headings;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headings) {
        this.headings = List.copyOf(headings);
    }

    public TextTable add(List<String> cells) {
        if (cells.size() != headings.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of " + headings.size() + " columns");
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c.replace('\n', ' ')).toList());
        return this;
    }

    public String render() {
        int[] widths = new int[headings.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headings.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        int total = 1;
        for (int w : widths) {
            total += w + 3;
        }
        StringBuilder out = new StringBuilder();
        out.append("-".repeat(total)).append('\n');
        line(out, headings, widths);
        out.append("=".repeat(total)).append('\n');
        rows.forEach(row -> line(out, row, widths));
        out.append("-".repeat(total)).append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        out.append('\n');
    }
}
