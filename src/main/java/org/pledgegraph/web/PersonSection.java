package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.pledgegraph.store.StoreView;

/** A person's offices with their dates, and their statements with the quotes. */
public record PersonSection(List<Office> offices, List<Said> statements) {
    public record Office(Ref tenure, Ref post, Ref organization, Ref role, String heldOn) {}

    public record Said(Ref statement, String date, String platform, List<String> quotes) {}

    static PersonSection build(StoreView view, Node person, Links links) {
        List<Office> offices = new ArrayList<>();
        view.select(Describe.bound("person-offices", "person", person)).forEachRemaining(row -> offices.add(new Office(
                ref(row, "tenure", null, links), ref(row, "post", "postLabel", links),
                ref(row, "organization", "organizationLabel", links), ref(row, "role", "roleLabel", links),
                text(row, "heldOn"))));
        Map<String, Said> statements = new LinkedHashMap<>();
        view.select(Describe.bound("person-statements", "person", person)).forEachRemaining(row -> {
            String iri = row.get("statement").getURI();
            Said said = statements.computeIfAbsent(iri, k -> new Said(ref(row, "statement", "label", links),
                    text(row, "date"), text(row, "platformLabel"), new ArrayList<>()));
            String quote = text(row, "quote");
            if (quote != null) {
                said.quotes().add(quote);
            }
        });
        return new PersonSection(offices, List.copyOf(statements.values()));
    }

    static Ref ref(Binding row, String var, String labelVar, Links links) {
        Node n = row.get(var);
        if (n == null || !n.isURI()) {
            return null;
        }
        return Ref.of(links, n.getURI(), labelVar == null ? null : text(row, labelVar));
    }

    static String text(Binding row, String var) {
        Node n = row.get(var);
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }
}
