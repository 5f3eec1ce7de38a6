package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.exec.RowSet;
import org.pledgegraph.Vocab;

/**
 * Query results as a page shows them: one column per variable, IRIs as prefixed names linked to their pages (ours
 * locally), literals as their text, dates marked so that a chart can find them. At most {@code limit} rows.
 */
public record ResultTable(List<String> columns, List<List<Cell>> rows, boolean truncated) {
    /**
     * One value.
     *
     * @param text what is shown
     * @param href where it links (null: no link)
     * @param title the whole term (IRI, datatype or language), shown on hover
     * @param date the value's day or month ({@code 2026-01-06}, {@code 2025-12}) when it is a date, else null
     */
    public record Cell(String text, String href, String title, String date) {
        static final Cell EMPTY = new Cell("", null, null, null);
    }

    public static final int LIMIT = 1000;

    public static ResultTable of(RowSet rows, Links links, int limit) {
        List<String> columns = rows.getResultVars().stream().map(v -> v.getVarName()).toList();
        List<List<Cell>> table = new ArrayList<>();
        boolean truncated = false;
        while (rows.hasNext()) {
            var row = rows.next();
            if (table.size() == limit) {
                truncated = true;
                break;
            }
            table.add(columns.stream().map(c -> cell(row.get(c), links)).toList());
        }
        return new ResultTable(columns, table, truncated);
    }

    /** The answer of an ASK as a one-cell table. */
    public static ResultTable of(boolean answer) {
        return new ResultTable(List.of("answer"), List.of(List.of(new Cell(answer ? "yes" : "no", null, null, null))), false);
    }

    /** The triples of a CONSTRUCT or DESCRIBE as a subject, predicate, object table. */
    public static ResultTable of(Graph graph, Links links, int limit) {
        List<List<Cell>> table = new ArrayList<>();
        boolean truncated = false;
        for (var it = graph.find(); it.hasNext(); ) {
            var t = it.next();
            if (table.size() == limit) {
                truncated = true;
                break;
            }
            table.add(List.of(cell(t.getSubject(), links), cell(t.getPredicate(), links), cell(t.getObject(), links)));
        }
        return new ResultTable(List.of("subject", "predicate", "object"), table, truncated);
    }

    static Cell cell(Node n, Links links) {
        if (n == null) {
            return Cell.EMPTY;
        }
        if (n.isURI()) {
            String iri = n.getURI();
            return new Cell(Vocab.PREFIXES.shortForm(iri), links.href(iri), iri, null);
        }
        if (n.isLiteral()) {
            String dt = n.getLiteralDatatypeURI();
            String lang = n.getLiteralLanguage();
            boolean date = XSDDatatype.XSDdate.getURI().equals(dt) || XSDDatatype.XSDgYearMonth.getURI().equals(dt);
            String title = lang != null && !lang.isEmpty() ? "@" + lang
                    : dt == null || XSDDatatype.XSDstring.getURI().equals(dt) ? null : Vocab.PREFIXES.shortForm(dt);
            String lexical = n.getLiteralLexicalForm();
            return new Cell(lexical, null, title, date && lexical.matches("\\d{4}-\\d{2}(-\\d{2})?") ? lexical : null);
        }
        return new Cell(n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString(), null, null, null);
    }
}
