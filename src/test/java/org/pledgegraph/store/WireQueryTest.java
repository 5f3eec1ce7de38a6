package org.pledgegraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledgegraph.support.TestStores;

/**
 * What a remote store is sent ({@link WireQuery}): text that parses again and asks the same as the query built in
 * memory, for every query of the catalog and of the pages with any of its variables given a value, as the pages do.
 */
class WireQueryTest {
    @RegisterExtension
    static final TestStores.Repository repository = new TestStores.Repository();

    private static final String SECURITY_GUARANTEES = "https://w3id.org/pledgegraph/id/commitment/security-guarantees";

    private static Query bound(Query query, String var, String iri) {
        return QueryTransformOps.replaceVars(query, Map.of(Var.alloc(var), NodeFactory.createURI(iri)));
    }

    @Test
    void statusOfOneCommitmentParsesOnTheOtherSideAndGivesTheSameRow() throws Exception {
        Query status = QueryFactory.create(Files.readString(TestStores.project().resolve("queries/status-as-of.rq")));
        Query one = bound(status, "commitment", SECURITY_GUARANTEES);
        // Jena writes ORDER BY <iri> ?g, a call of the function <iri> to a parser: what the standalone Fuseki refused.
        assertThrows(QueryParseException.class, () -> QueryFactory.create(one.toString()));
        Query sent = WireQuery.of(one);
        Query reparsed = QueryFactory.create(sent.toString());
        assertEquals(sent.toString(), reparsed.toString());
        assertThrows(QueryParseException.class, () -> QueryFactory.create(one.toString()), "the caller's query is not changed");
        String expected = rows(one);
        assertTrue(expected.contains("security-guarantees"), expected);
        assertEquals(expected, rows(reparsed));
    }

    @Test
    void sortKeysInsideExistsAndAnOrderByOfConstantsOnly() {
        Query q = QueryFactory.create("SELECT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { { SELECT ?x WHERE { ?x ?q ?s } ORDER BY ?s ?x } } } ORDER BY ?s");
        Query sent = WireQuery.of(bound(q, "s", "urn:x:a"));
        assertEquals(sent.toString(), QueryFactory.create(sent.toString()).toString());
        assertFalse(sent.hasOrderBy());
        assertTrue(sent.toString().contains("ORDER BY ?x"), sent.toString());
    }

    @Test
    void aConstantGroupKeyStaysSoThatNoRowStillMeansNoGroup() {
        Query q = QueryFactory.create("SELECT ?c (COUNT(?o) AS ?n) WHERE { ?c <urn:x:p> ?o } GROUP BY ?c");
        Query sent = WireQuery.of(bound(q, "c", "urn:x:nothing"));
        Query reparsed = QueryFactory.create(sent.toString());
        assertEquals("", rows(reparsed), "no row: the group is kept, not one row with a count of 0");
    }

    @Test
    void boundOfAConstantIsTrue() {
        Query q = QueryFactory.create("SELECT ?x WHERE { OPTIONAL { ?s <urn:x:p> ?o } BIND (IF(BOUND(?s), 1, 0) AS ?x) }");
        Query sent = QueryFactory.create(WireQuery.of(bound(q, "s", "urn:x:a")).toString());
        assertTrue(sent.toString().contains("if(true, 1, 0)"), sent.toString());
    }

    @Test
    void aQueryThatParsesAsItIsIsSentAsItIs() {
        Query q = QueryFactory.create("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s");
        assertSame(q, WireQuery.of(q));
    }

    /** Every variable of every query of queries/ and web/queries/ given a value: the text sent parses. */
    @Test
    void everyQueryWithAnyVariableBoundParsesOnTheOtherSide() throws IOException {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Path file : queryFiles()) {
            Query query = QueryFactory.create(Files.readString(file), Syntax.syntaxARQ);
            String text = Files.readString(file);
            for (Var v : mentioned(query)) {
                if (java.util.regex.Pattern.compile("(AS|VALUES)\\s*\\(?[^(){}]*\\?" + v.getVarName() + "\\b").matcher(text).find()) {
                    continue; // assigned by the query itself (BIND, VALUES, AS): never given a value from outside
                }
                Query one;
                try {
                    one = bound(query, v.getVarName(), "urn:x:value");
                } catch (RuntimeException notBindable) {
                    continue; // e.g. a variable that is the target of AS: the pages never bind those
                }
                tried++;
                String sent = WireQuery.of(one).toString();
                try {
                    QueryFactory.create(sent, Syntax.syntaxARQ);
                } catch (QueryParseException e) {
                    failures.add(file.getFileName() + " ?" + v.getVarName() + ": " + e.getMessage());
                }
            }
        }
        assertTrue(tried > 100, "bound " + tried + " variables");
        assertEquals(List.of(), failures);
    }

    private static List<Var> mentioned(Query query) {
        java.util.Set<Var> vars = new java.util.LinkedHashSet<>();
        org.apache.jena.sparql.algebra.OpVars.mentionedVars(org.apache.jena.sparql.algebra.Algebra.compile(query))
                .stream().filter(v -> !v.getVarName().startsWith(".") && !v.getVarName().startsWith("?")).forEach(vars::add);
        return List.copyOf(vars);
    }

    private static List<Path> queryFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("queries", "src/main/resources/web/queries")) {
            try (Stream<Path> s = Files.list(TestStores.project().resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".rq")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static String rows(Query query) {
        return repository.store().query(v -> {
            try (QueryExec exec = v.exec(query)) {
                StringBuilder out = new StringBuilder();
                var rows = exec.select();
                List<Var> vars = rows.getResultVars();
                rows.forEachRemaining(b -> {
                    vars.forEach(var -> out.append(var).append("=").append(b.get(var)).append(" "));
                    out.append('\n');
                });
                return out.toString();
            }
        });
    }
}
