package org.pledgegraph.wikidata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.VOID;
import org.pledgegraph.UserException;
import org.pledgegraph.Vocab;

/**
 * The {@code void:triples} of the Wikidata link sets follow the links. {@code data/void.ttl} declares, for each
 * {@code void:Linkset} whose {@code void:objectsTarget} has the {@code void:uriSpace} of Wikidata, how many
 * {@code void:linkPredicate} triples to Wikidata items graph {@code links/wikidata} holds. {@code link wikidata}
 * recounts them in the transaction that adds links and sets the new counts in the VoID graph and in
 * {@code data/void.ttl} (only the number is rewritten: the file's comments and layout are kept), so that the VoID
 * description a SPARQL client reads is the count of the links it can query.
 */
public final class LinksetCounts {
    public static final Path RELATIVE = Path.of("data", "void.ttl");
    static final Node VOID_GRAPH = Vocab.iri(Vocab.GRAPH + "void");
    static final Node LINKS_GRAPH = Vocab.iri(Vocab.linksGraph("wikidata"));

    private LinksetCounts() {}

    /** Linkset IRI to the number of its links in graph links/wikidata, for the linksets that declare a count. */
    public static Map<String, Long> count(DatasetGraph dsg) {
        Map<String, Long> counts = new TreeMap<>();
        dsg.stream(VOID_GRAPH, Node.ANY, VOID.linkPredicate.asNode(), Node.ANY).forEach(q -> {
            Node linkset = q.getSubject();
            if (!linkset.isURI() || !declares(dsg, linkset) || !targetsWikidata(dsg, linkset)) return;
            long n = dsg.stream(LINKS_GRAPH, Node.ANY, q.getObject(), Node.ANY)
                    .filter(l -> l.getObject().isURI() && l.getObject().getURI().startsWith(Vocab.WD)).count();
            counts.put(linkset.getURI(), n);
        });
        return counts;
    }

    /** Sets the declared count of each Wikidata linkset of the VoID graph to its number of links; returns the counts. */
    public static Map<String, Long> update(DatasetGraph dsg) {
        Map<String, Long> counts = count(dsg);
        counts.forEach((linkset, n) -> {
            Node s = Vocab.iri(linkset);
            dsg.deleteAny(VOID_GRAPH, s, VOID.triples.asNode(), Node.ANY);
            dsg.add(VOID_GRAPH, s, VOID.triples.asNode(), integer(n));
        });
        return counts;
    }

    /**
     * The content of the project's {@code data/void.ttl} with these counts, or null when the project has none. Only
     * the number after {@code void:triples} in each linkset's statement changes; the result is parsed and compared with
     * the file's graph, so a layout this edit does not understand stops the command with a clear message instead of
     * writing a wrong VoID.
     */
    public static String rewritten(Path project, Map<String, Long> counts) {
        Path file = project.resolve(RELATIVE);
        if (!Files.exists(file)) return null;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the store and the files are unchanged", e);
        }
        return rewrite(text, counts, file.toString());
    }

    static String rewrite(String text, Map<String, Long> counts, String name) {
        String result = text;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Matcher subject = Pattern.compile("(?m)^<" + Pattern.quote(e.getKey()) + ">").matcher(result);
            Matcher triples = Pattern.compile("void:triples\\s+(\\d+)").matcher(result);
            if (!subject.find() || !triples.find(subject.end())
                    || Pattern.compile("(?m)^<").matcher(result.substring(subject.end(), triples.start())).find()) {
                throw cannot(name, e.getKey(), e.getValue());
            }
            result = result.substring(0, triples.start(1)) + e.getValue() + result.substring(triples.end(1));
        }
        Graph expected = parse(text, name);
        counts.forEach((linkset, n) -> {
            expected.remove(Vocab.iri(linkset), VOID.triples.asNode(), Node.ANY);
            expected.add(Vocab.iri(linkset), VOID.triples.asNode(), integer(n));
        });
        if (!parse(result, name).isIsomorphicWith(expected)) {
            throw cannot(name, String.join(", ", counts.keySet()), null);
        }
        return result;
    }

    private static boolean declares(DatasetGraph dsg, Node linkset) {
        return dsg.stream(VOID_GRAPH, linkset, VOID.triples.asNode(), Node.ANY).findAny().isPresent();
    }

    private static boolean targetsWikidata(DatasetGraph dsg, Node linkset) {
        return dsg.stream(VOID_GRAPH, linkset, VOID.objectsTarget.asNode(), Node.ANY).anyMatch(t ->
                dsg.contains(VOID_GRAPH, t.getObject(), VOID.uriSpace.asNode(), NodeFactory.createLiteralString(Vocab.WD)));
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static Graph parse(String turtle, String name) {
        Graph g = GraphFactory.createDefaultGraph();
        try {
            RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        } catch (RiotException e) {
            throw new UserException(name + " does not parse: " + e.getMessage() + "; the store and the files are unchanged", e);
        }
        return g;
    }

    private static UserException cannot(String file, String linkset, Long count) {
        return new UserException("cannot update void:triples of " + linkset + " in " + file
                + (count == null ? "" : " to " + count) + ": write it as `<linkset> a void:Linkset ; ... void:triples N`"
                + " at the start of a line, or edit it by hand; the store and the files are unchanged");
    }
}
