package org.pledgegraph.wikidata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.pledgegraph.Vocab;
import org.pledgegraph.store.Store;

/** Reads from the store which entities can be linked, and which are already. */
public final class LinkableEntities {
    private static final String PREFIXES = "PREFIX rdfs: <" + RDFS.getURI() + ">\n"
            + "PREFIX skos: <" + SKOS.getURI() + ">\n"
            + "PREFIX owl:  <" + OWL.getURI() + ">\n"
            + "PREFIX org:  <" + ORG.getURI() + ">\n"
            + "PREFIX pg:   <" + Vocab.PG + ">\n"
            + "PREFIX id:   <" + Vocab.ID + ">\n"
            + "PREFIX wd:   <" + Vocab.WD + ">\n";

    private LinkableEntities() {}

    /** Entities of the linkable kinds with neither an owl:sameAs nor a candidate Wikidata item, in IRI order. */
    public static List<LinkableEntity> unlinked(Store store) {
        String query = PREFIXES + """
                SELECT ?e ?label ?alias ?office WHERE {
                  ?e rdfs:label ?label .
                  FILTER(REGEX(STR(?e), CONCAT("^", STR(id:), "(person|state|organization|city|venue|platform)/")))
                  FILTER(LANG(?label) = "en" || LANG(?label) = "")
                  FILTER NOT EXISTS { ?e owl:sameAs|pg:candidateMatch ?item .
                                      FILTER(STRSTARTS(STR(?item), STR(wd:))) }
                  OPTIONAL { ?e skos:altLabel ?alias }
                  OPTIONAL { ?tenure org:member ?e ; pg:forPost/rdfs:label ?office . FILTER(LANG(?office) = "en" || LANG(?office) = "") }
                }
                ORDER BY ?e
                """;
        return store.query(dsg -> {
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, Set<String>> aliases = new LinkedHashMap<>();
            Map<String, Set<String>> offices = new LinkedHashMap<>();
            try (QueryExec exec = dsg.exec(QueryFactory.create(query))) {
                RowSet rows = exec.select();
                rows.forEachRemaining(row -> {
                    String e = row.get("e").getURI();
                    labels.putIfAbsent(e, row.get("label").getLiteralLexicalForm());
                    aliases.computeIfAbsent(e, k -> new TreeSet<>());
                    offices.computeIfAbsent(e, k -> new TreeSet<>());
                    if (row.contains("alias")) aliases.get(e).add(row.get("alias").getLiteralLexicalForm());
                    if (row.contains("office")) offices.get(e).add(row.get("office").getLiteralLexicalForm());
                });
            }
            List<LinkableEntity> entities = new ArrayList<>();
            labels.forEach((iri, label) -> {
                String kind = iri.substring(Vocab.ID.length(), iri.lastIndexOf('/'));
                entities.add(new LinkableEntity(iri, kind, label, List.copyOf(aliases.get(iri)), List.copyOf(offices.get(iri))));
            });
            return entities;
        });
    }

    /** The Wikidata ids our entities are owl:sameAs, in id order (candidates are not fetched: they are unverified). */
    public static Set<String> linkedItems(Store store) {
        String query = PREFIXES + """
                SELECT DISTINCT ?item WHERE {
                  ?e owl:sameAs ?item .
                  FILTER(STRSTARTS(STR(?item), CONCAT(STR(wd:), "Q")))
                  FILTER(STRSTARTS(STR(?e), STR(id:)))
                }
                """;
        return store.query(dsg -> {
            Set<String> ids = new LinkedHashSet<>();
            try (QueryExec exec = dsg.exec(QueryFactory.create(query))) {
                exec.select().forEachRemaining(row -> ids.add(row.get("item").getURI()
                        .substring(Vocab.WD.length())));
            }
            return new TreeSet<>(ids);
        });
    }
}
