package org.pledgegraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.TestStores;

/** Every export format re-parses to what the store holds; Turtle is stable and sorted. */
class ExporterTest {
    @RegisterExtension
    static final TestStores.Repository repository = new TestStores.Repository();

    static byte[] export(String graph, Exporter.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.export(repository.store(), graph, format, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(value = Exporter.Format.class, names = {"ttl", "nt"})
    void graphFormatsRoundTripTheUnion(Exporter.Format format) {
        Graph parsed = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(export(null, format))).lang(lang(format)).parse(parsed);
        Graph union = repository.store().read(d -> {
            Graph g = GraphFactory.createDefaultGraph();
            d.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        });
        assertTrue(union.size() > 0);
        assertTrue(parsed.isIsomorphicWith(union), format + " export is isomorphic with the store's union graph");
    }

    @ParameterizedTest
    @EnumSource(value = Exporter.Format.class, names = {"trig", "nq", "jsonld"})
    void datasetFormatsRoundTripEveryNamedGraph(Exporter.Format format) {
        DatasetGraph parsed = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(export(null, format))).lang(lang(format)).parse(parsed);
        DatasetGraph expected = repository.store().read(d -> {
            DatasetGraph copy = DatasetGraphFactory.create();
            d.find().forEachRemaining(copy::add);
            return copy;
        });
        assertTrue(IsoMatcher.isomorphic(expected, parsed), format + " export keeps every graph and quad");
    }

    @Test
    void oneGraphExportsOnlyThatGraph() {
        Graph parsed = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(export(Vocab.GRAPH_ONTOLOGY, Exporter.Format.ttl))).lang(Lang.TURTLE).parse(parsed);
        assertEquals(repository.store().graphSizes().get(Vocab.GRAPH_ONTOLOGY), (long) parsed.size());
    }

    /** JSON-LD 1.1 names each graph: one top-level node object with {@code @id} and {@code @graph} per named graph. */
    @Test
    void jsonLdWritesOneNamedGraphObjectPerGraph() {
        var doc = org.apache.jena.atlas.json.JSON.parse(new ByteArrayInputStream(export(null, Exporter.Format.jsonld)));
        java.util.Set<String> named = new java.util.TreeSet<>();
        doc.get("@graph").getAsArray().forEach(node -> {
            var object = node.getAsObject();
            if (object.hasKey("@graph")) {
                named.add(object.get("@id").getAsString().value());
            }
        });
        java.util.Set<String> expanded = new java.util.TreeSet<>();
        named.forEach(n -> expanded.add(Vocab.PREFIXES.expandPrefix(n)));
        assertEquals(new java.util.TreeSet<>(repository.store().graphSizes().keySet()), expanded,
                "one @graph object per named graph of the store");
    }

    @Test
    void oneGraphInJsonLdKeepsItsName() {
        DatasetGraph parsed = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(export(Vocab.GRAPH_ONTOLOGY, Exporter.Format.jsonld))).lang(Lang.JSONLD).parse(parsed);
        assertEquals(java.util.List.of(Vocab.iri(Vocab.GRAPH_ONTOLOGY)), iterToList(parsed.listGraphNodes()));
        assertTrue(parsed.getDefaultGraph().isEmpty(), "nothing in the default graph");
        assertEquals(repository.store().graphSizes().get(Vocab.GRAPH_ONTOLOGY), (long) parsed.getGraph(Vocab.iri(Vocab.GRAPH_ONTOLOGY)).size());
    }

    private static <T> java.util.List<T> iterToList(java.util.Iterator<T> it) {
        java.util.List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void turtleIsStableSortedAndUsesTheProjectPrefixes() {
        String first = new String(export(null, Exporter.Format.ttl), StandardCharsets.UTF_8);
        String second = new String(export(null, Exporter.Format.ttl), StandardCharsets.UTF_8);
        assertEquals(first, second, "two exports of one store are identical, so diffs show only real changes");
        assertTrue(first.contains("PREFIX pg:") || first.contains("@prefix pg:"), "project prefixes are declared");
        java.util.List<String> subjects = first.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("@") && !l.startsWith("PREFIX"))
                .map(l -> l.split("\\s+")[0])
                .toList();
        java.util.List<String> distinct = subjects.stream().distinct().toList();
        assertEquals(subjects, distinct, "each subject's triples form one block");
    }

    @Test
    void anUnknownGraphIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> export("https://w3id.org/pledgegraph/graph/nope", Exporter.Format.ttl));
        assertTrue(e.getMessage().contains("no graph"), e.getMessage());
    }

    private static Lang lang(Exporter.Format format) {
        return switch (format) {
            case ttl -> Lang.TURTLE;
            case nt -> Lang.NTRIPLES;
            case jsonld -> Lang.JSONLD;
            case trig -> Lang.TRIG;
            case nq -> Lang.NQUADS;
        };
    }
}
