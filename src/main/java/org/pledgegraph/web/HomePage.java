package org.pledgegraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.sparql.exec.RowSet;

/** {@code /}: what is in the store (sources, summits, commitments, people) and where to go from here. */
public final class HomePage extends HttpServlet {
    /** One list on the home page. */
    public record Section(String key, String title, List<Ref> items) {}

    /** The model of {@code home.jte}. */
    public record Model(List<Section> sections, long triples) {}

    private static final Map<String, String> TITLES = titles();

    private final transient Site site;

    public HomePage(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        site.page(response, HttpServletResponse.SC_OK, "home.jte", model());
    }

    Model model() {
        return site.store().query(view -> {
            Map<String, List<Ref>> items = new LinkedHashMap<>();
            TITLES.keySet().forEach(k -> items.put(k, new ArrayList<>()));
            RowSet rows = view.select(WebQueries.get("home"));
            rows.forEachRemaining(row -> items.get(row.get("section").getLiteralLexicalForm())
                    .add(Ref.of(site.links(), row.get("thing").getURI(),
                            row.contains("label") ? row.get("label").getLiteralLexicalForm() : null)));
            long triples = Long.parseLong(view.select(WebQueries.get("triple-count")).next().get("triples")
                    .getLiteralLexicalForm());
            List<Section> sections = new ArrayList<>();
            items.forEach((key, refs) -> sections.add(new Section(key, TITLES.get(key), refs)));
            return new Model(sections, triples);
        });
    }

    private static Map<String, String> titles() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("source", "Sources");
        t.put("summit", "Summits");
        t.put("awaited", "Awaited events");
        t.put("commitment", "Commitments");
        t.put("person", "People");
        return t;
    }
}
