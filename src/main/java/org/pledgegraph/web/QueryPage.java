package org.pledgegraph.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.pledgegraph.Vocab;

/**
 * {@code /query}: a SPARQL editor (CodeMirror, with the project's prefixes known), the catalog of {@code queries/*.rq}
 * by title and question, and results as a table. In a browser with JavaScript, {@code /assets/query.js} runs the
 * editor's query against {@code /pledgegraph/sparql}, the public endpoint with its limits; without it, the form's GET
 * ({@code /query?query=...}, or {@code /query?name=X} for a catalog query) is answered here, read-only through
 * {@code Store.query} under the dataset's query timeout. Either way the results link to CSV and JSON downloads
 * from the endpoint.
 */
public final class QueryPage extends HttpServlet {
    /** The model of {@code query.jte}. */
    public record Model(List<Catalog.Entry> catalog, String selected, String title, String question, String text,
                        ResultTable results, String error, String csv, String json, String prefixes) {}

    static final String DEFAULT = "commitments";
    private static final String ENDPOINT = "/pledgegraph/sparql";

    private final transient Site site;
    private final transient Catalog catalog;

    public QueryPage(Site site, Catalog catalog) {
        this.site = site;
        this.catalog = catalog;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        String text = request.getParameter("query");
        Catalog.Entry entry = name == null ? null : catalog.get(name).orElse(null);
        if (name != null && entry == null) {
            site.page(response, HttpServletResponse.SC_NOT_FOUND, "query.jte",
                    model(null, catalog.get(DEFAULT).map(Catalog.Entry::text).orElse(""), null,
                            "There is no catalog query named \u201c" + name + "\u201d."));
            return;
        }
        if (text == null) {
            Catalog.Entry shown = entry != null ? entry : catalog.get(DEFAULT).orElse(catalog.entries().get(0));
            site.page(response, HttpServletResponse.SC_OK, "query.jte",
                    entry == null ? model(shown, shown.text(), null, null) : run(entry, entry.text()));
            return;
        }
        Model answer = run(entry, text);
        site.page(response, answer.error() == null ? HttpServletResponse.SC_OK : HttpServletResponse.SC_BAD_REQUEST,
                "query.jte", answer);
    }

    private Model run(Catalog.Entry entry, String text) {
        Query query;
        try {
            query = parse(text);
        } catch (QueryParseException e) {
            return model(entry, text, null, "The query does not parse: " + e.getMessage());
        }
        try {
            ResultTable table = site.store().query(view -> {
                if (query.isSelectType()) {
                    return ResultTable.of(view.select(query), site.links(), ResultTable.LIMIT);
                } else if (query.isAskType()) {
                    return ResultTable.of(view.ask(query));
                }
                return ResultTable.of(view.construct(query), site.links(), ResultTable.LIMIT);
            });
            return model(entry, text, table, null);
        } catch (QueryCancelledException e) {
            return model(entry, text, null, "The query took longer than the server allows and was stopped.");
        } catch (QueryException e) {
            return model(entry, text, null, "The query failed: " + e.getMessage());
        }
    }

    /** Parses with the project's prefixes already known, as the editor promises; a query's own PREFIX lines win. */
    static Query parse(String text) {
        Query query = new Query();
        // A copy: the query's own PREFIX lines are added to it (Vocab.PREFIXES is locked).
        query.setPrefixMapping(new org.apache.jena.shared.impl.PrefixMappingImpl().setNsPrefixes(Vocab.PREFIXES));
        return QueryFactory.parse(query, text, null, Syntax.syntaxARQ);
    }

    private Model model(Catalog.Entry entry, String text, ResultTable results, String error) {
        String encoded = URLEncoder.encode(withPrefixes(text), StandardCharsets.UTF_8);
        return new Model(catalog.entries(), entry == null ? null : entry.name(),
                entry == null ? null : entry.title(), entry == null ? null : entry.question(), text, results, error,
                ENDPOINT + "?output=csv&query=" + encoded, ENDPOINT + "?output=json&query=" + encoded, prefixesJson());
    }

    /** The query with PREFIX lines for the known prefixes it uses but does not declare: what the endpoint needs. */
    static String withPrefixes(String text) {
        StringBuilder declared = new StringBuilder();
        Vocab.PREFIXES.getNsPrefixMap().forEach((prefix, ns) -> {
            boolean used = java.util.regex.Pattern.compile("(^|[\\s(,;/^|!{])" + prefix + ":").matcher(text).find();
            boolean declares = java.util.regex.Pattern.compile("(?im)^\\s*PREFIX\\s+" + prefix + ":").matcher(text).find();
            if (used && !declares) {
                declared.append("PREFIX ").append(prefix).append(": <").append(ns).append(">\n");
            }
        });
        return declared + text;
    }

    /** The known prefixes as JSON, for the editor's completion and the script's run (same rule as above). */
    static String prefixesJson() {
        Map<String, String> sorted = new TreeMap<>(Vocab.PREFIXES.getNsPrefixMap());
        return sorted.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
