package org.pledgegraph.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.ReaderRIOTFactory;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.ParserProfileStd;
import org.apache.jena.riot.system.ParserProfileWrapper;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.pledgegraph.UserException;
import org.pledgegraph.validate.Locations;

/**
 * The first step of the one door for data: parse strictly. Any RDF syntax RIOT reads; every complaint of the parser,
 * warnings included (a bad IRI, an ill-formed {@code xsd:date}, an unknown language tag), is an error that names
 * {@code name:line:column}, and nothing of the input is kept: data that parses with warnings is data with a typo in
 * it. While parsing it records where each subject was first written ({@link Locations}), so that a validation report
 * can point at the line.
 */
public final class StrictParse {
    private StrictParse() {}

    /** A file of the project (or any file): syntax from its extension ({@code .gz} too), into a new graph. */
    public static Graph file(Path file, String name, Locations where) {
        Graph graph = GraphFactory.createDefaultGraph();
        file(file, name, StreamRDFLib.graph(graph), where);
        return graph;
    }

    /** A file into {@code dest}: syntax from its extension ({@code .gz} too). */
    public static void file(Path file, String name, StreamRDF dest, Locations where) {
        String fileName = file.getFileName().toString();
        boolean gz = fileName.endsWith(".gz");
        Lang lang = RDFLanguages.filenameToLang(gz ? fileName.substring(0, fileName.length() - 3) : fileName);
        if (lang == null) {
            throw new UserException(name + ": not a file name RDF syntax is known by (.ttl, .nt, .nq, .trig, .jsonld, .rdf, ...)");
        }
        try (InputStream raw = Files.newInputStream(file); InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw) {
            stream(in, lang, file.toUri().toString(), name, dest, where);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code in} in {@code lang} into {@code dest}, relative IRIs against {@code base}; {@code name} (a file, or
     * "request body") is what errors and locations say. {@code where} may be null.
     */
    public static void stream(InputStream in, Lang lang, String base, String name, StreamRDF dest, Locations where) {
        ReaderRIOTFactory factory = RDFParserRegistry.getFactory(lang);
        if (factory == null) {
            throw new UserException(name + ": no parser for " + lang.getLabel());
        }
        ErrorHandler strict = new ParseFailure(name);
        boolean lineBased = lang.equals(Lang.NTRIPLES) || lang.equals(Lang.NQUADS);
        IRIxResolver resolver = IRIxResolver.create().base(lineBased ? null : base).resolve(!lineBased).allowRelative(false).build();
        ParserProfile profile = new ParserProfileStd(RiotLib.factoryRDF(), strict, resolver, PrefixMapFactory.create(),
                new Context(), true, false);
        if (where != null) {
            profile = new Locating(profile, name, where);
        }
        ReaderRIOT reader = factory.create(lang, profile);
        dest.start();
        try {
            reader.read(in, base, lang.getContentType(), dest, new Context());
        } finally {
            dest.finish();
        }
    }

    /** Records the line of the first triple of each subject, as the parser makes it. */
    private static final class Locating extends ParserProfileWrapper {
        private final String name;
        private final Locations where;

        Locating(ParserProfile profile, String name, Locations where) {
            super(profile);
            this.name = name;
            this.where = where;
        }

        @Override
        public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
            where.record(subject, name, line);
            return super.createTriple(subject, predicate, object, line, col);
        }

        @Override
        public Quad createQuad(Node graph, Node subject, Node predicate, Node object, long line, long col) {
            where.record(subject, name, line);
            return super.createQuad(graph, subject, predicate, object, line, col);
        }
    }
}
