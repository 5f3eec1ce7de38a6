package org.pledgegraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /sources}: every source document, with its date and how many passages are annotated. */
public final class SourcesPage extends HttpServlet {
    public record Row(Ref source, String published, String passages) {}

    public record Model(List<Row> sources) {}

    private final transient Site site;

    SourcesPage(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Model model = site.store().query(view -> {
            List<Row> rows = new ArrayList<>();
            view.select(WebQueries.get("sources")).forEachRemaining(row -> rows.add(new Row(
                    PersonSection.ref(row, "source", "label", site.links()), PersonSection.text(row, "published"),
                    PersonSection.text(row, "passages"))));
            return new Model(rows);
        });
        site.page(response, 200, "sources.jte", model);
    }
}
