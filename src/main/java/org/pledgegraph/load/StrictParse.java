package org.pledgegraph.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.uri.UriValidationPolicy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.ReaderRIOTFactory;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.ParserProfileStd;
import org.apache.jena.riot.system.ParserProfileWrapper;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.pledgegraph.UserException;
import org.pledgegraph.validate.Locations;

/**
 * Strict parsing of RDF that arrives from outside (a request body, a fetched document): the one way every door of
 * the project reads RDF it did not write itself.
 * <ul>
 * <li>Every complaint of the parser is an error, warnings included (an invalid IRI, a bad xsd:date): data that parses
 * with warnings has a mistake in it, and loading the rest would half-load it.</li>
 * <li>JSON-LD never makes the server fetch anything: a remote {@code @context} (or {@code @import}) is refused, since
 * following it is a request to any host and port, or a read of a local file, chosen by whoever sent the body.</li>
 * <li>JSON-LD that would lose data silently is refused: a term the context does not define, and a node, property or
 * type whose IRI is not a valid absolute IRI (JSON-LD processors drop those without a word).</li>
 * </ul>
 * Failures are {@link UserException}s whose message starts with the label and, where the parser knows it, the line
 * and column ({@code label:line:col: message}).
 * <p>
 * Files ({@link #file}) may also record where each subject was first written ({@link Locations}), so that a
 * validation report can point at the line to fix.
 */
public final class StrictParse {
    private StrictParse() {}

    /** Parses {@code in} into a new graph; quads syntaxes are refused (use {@link #dataset}). */
    public static Graph graph(InputStream in, Lang lang, String base, String label) {
        if (RDFLanguages.isQuads(lang) && !RDFLanguages.isTriples(lang)) {
            throw new UserException(label + ": " + lang.getName() + " holds quads; a graph needs a triples syntax");
        }
        Graph graph = GraphFactory.createDefaultGraph();
        parse(in, lang, base, label, StreamRDFLib.graph(graph));
        return graph;
    }

    /** Parses {@code in} into a new in-memory dataset (triples go to its default graph). */
    public static DatasetGraph dataset(InputStream in, Lang lang, String base, String label) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        parse(in, lang, base, label, StreamRDFLib.dataset(dataset));
        return dataset;
    }

    /** Parses {@code in} strictly into {@code dest}; on failure {@code dest} may have received part of it. */
    public static void parse(InputStream in, Lang lang, String base, String label, StreamRDF dest) {
        byte[] body = null;
        InputStream source = in;
        if (RDFLanguages.sameLang(lang, Lang.JSONLD) || RDFLanguages.sameLang(lang, Lang.JSONLD11)) {
            body = readAll(in, label);
            checkJsonLd(body, base, label);
            source = new ByteArrayInputStream(body);
        }
        try {
            RDFParser.create()
                    .source(source)
                    .lang(lang)
                    .base(base)
                    .errorHandler(new ParseFailure(label))
                    .context(jsonLdOff())
                    .parse(dest);
        } catch (UserException e) {
            throw e;
        } catch (RiotException e) {
            throw new UserException(label + ": " + message(e), e);
        } catch (UncheckedIOException e) {
            throw new UserException(label + ": cannot read: " + message(e), e);
        }
    }

    /** A file, syntax from its extension ({@code .gz} too), into a new graph; {@code where} (may be null) records lines. */
    public static Graph file(Path file, String label, Locations where) {
        Graph graph = GraphFactory.createDefaultGraph();
        file(file, label, StreamRDFLib.graph(graph), where);
        return graph;
    }

    /** A file, syntax from its extension ({@code .gz} too), into {@code dest}; {@code where} (may be null) records lines. */
    public static void file(Path file, String label, StreamRDF dest, Locations where) {
        String name = file.getFileName().toString();
        boolean gz = name.endsWith(".gz");
        Lang lang = RDFLanguages.filenameToLang(gz ? name.substring(0, name.length() - 3) : name);
        if (lang == null) {
            throw new UserException(label + ": not a file name of a known RDF syntax (.ttl, .nt, .nq, .trig, .jsonld, .rdf, ...)");
        }
        try (InputStream raw = Files.newInputStream(file); InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw) {
            parse(in, lang, file.toUri().toString(), label, dest, where);
        } catch (IOException e) {
            throw new UserException(label + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #parse(InputStream, Lang, String, String, StreamRDF)}, and records in {@code where} the line of the
     * first triple of each subject (the text syntaxes; JSON-LD and RDF/XML give no lines, and are parsed as above).
     */
    public static void parse(InputStream in, Lang lang, String base, String label, StreamRDF dest, Locations where) {
        ReaderRIOTFactory factory = RDFParserRegistry.getFactory(lang);
        boolean text = RDFLanguages.sameLang(lang, Lang.TURTLE) || RDFLanguages.sameLang(lang, Lang.TRIG)
                || RDFLanguages.sameLang(lang, Lang.NTRIPLES) || RDFLanguages.sameLang(lang, Lang.NQUADS);
        if (where == null || factory == null || !text) {
            parse(in, lang, base, label, dest);
            return;
        }
        boolean lineBased = RDFLanguages.sameLang(lang, Lang.NTRIPLES) || RDFLanguages.sameLang(lang, Lang.NQUADS);
        IRIxResolver resolver = IRIxResolver.create().base(lineBased ? null : base).resolve(!lineBased).allowRelative(false).build();
        ParserProfile profile = new Locating(new ParserProfileStd(RiotLib.factoryRDF(), new ParseFailure(label), resolver,
                PrefixMapFactory.create(), jsonLdOff(), true, false), label, where);
        ReaderRIOT reader = factory.create(lang, profile);
        dest.start();
        try {
            reader.read(in, base, lang.getContentType(), dest, jsonLdOff());
        } catch (UserException e) {
            throw e;
        } catch (RiotException e) {
            throw new UserException(label + ": " + message(e), e);
        } finally {
            dest.finish();
        }
    }

    /** Records the line of the first triple of each subject, as the parser makes it. */
    private static final class Locating extends ParserProfileWrapper {
        private final String label;
        private final Locations where;

        Locating(ParserProfile profile, String label, Locations where) {
            super(profile);
            this.label = label;
            this.where = where;
        }

        @Override
        public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
            where.record(subject, label, line);
            return super.createTriple(subject, predicate, object, line, col);
        }

        @Override
        public Quad createQuad(Node graph, Node subject, Node predicate, Node object, long line, long col) {
            where.record(subject, label, line);
            return super.createQuad(graph, subject, predicate, object, line, col);
        }
    }

    /**
     * A context for RIOT in which JSON-LD fetches nothing. {@link #refuseRemoteDocuments()} puts the same options in
     * RIOT's global context, for parsers the project does not call itself (Fuseki's own, LOAD).
     */
    public static Context jsonLdOff() {
        Context context = RIOT.getContext().copy();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options());
        return context;
    }

    /** Makes every JSON-LD parse in this JVM refuse remote documents, whoever calls the parser. */
    public static void refuseRemoteDocuments() {
        RIOT.getContext().set(LangJSONLD11.JSONLD_OPTIONS, options());
    }

    private static JsonLdOptions options() {
        JsonLdOptions options = new JsonLdOptions(NO_FETCH);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        options.setUriValidation(UriValidationPolicy.Full);
        return options;
    }

    /** The document loader of every JSON-LD parse: nothing is ever fetched. */
    private static final DocumentLoader NO_FETCH = (url, loaderOptions) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                "remote document <" + url + "> refused: JSON-LD bodies must carry their @context inline");
    };

    /**
     * Expands the document (which fails on a remote context or an undefined term) and checks every IRI the
     * expansion produced, since the conversion to RDF drops invalid ones without a word.
     */
    private static void checkJsonLd(byte[] body, String base, String label) {
        JsonArray expanded;
        try {
            Document document = JsonDocument.of(new ByteArrayInputStream(body));
            JsonLdOptions options = options();
            if (base != null) {
                options.setBase(URI.create(base));
            }
            expanded = JsonLd.expand(document).options(options).get();
        } catch (JsonLdError e) {
            throw new UserException(label + ": JSON-LD refused: " + message(e), e);
        } catch (RuntimeException e) {
            throw new UserException(label + ": JSON-LD refused: " + message(e), e);
        }
        checkIris(expanded, label);
    }

    private static void checkIris(JsonValue value, String label) {
        if (value instanceof JsonArray array) {
            array.forEach(v -> checkIris(v, label));
        } else if (value instanceof JsonObject object) {
            if (object.containsKey("@value")) {
                if (object.get("@type") instanceof JsonString type) {
                    checkIri(type.getString(), "datatype", label);
                }
                return;
            }
            object.forEach((key, v) -> {
                switch (key) {
                    case "@id" -> {
                        if (v instanceof JsonString id) {
                            checkIri(id.getString(), "node", label);
                        }
                    }
                    case "@type" -> {
                        if (v instanceof JsonArray types) {
                            types.forEach(t -> {
                                if (t instanceof JsonString s) {
                                    checkIri(s.getString(), "type", label);
                                }
                            });
                        }
                    }
                    default -> {
                        if (!key.startsWith("@")) {
                            checkIri(key, "property", label);
                        }
                        checkIris(v, label);
                    }
                }
            });
        }
    }

    private static void checkIri(String iri, String role, String label) {
        if (iri.startsWith("_:")) {
            return;
        }
        try {
            IRIx parsed = IRIx.create(iri);
            // Not isAbsolute(): in RFC 3986 an absolute IRI has no fragment, and pg:Occurrence has one. A relative IRI
            // (no scheme) is what the expansion could not resolve.
            if (parsed.isRelative() || parsed.hasViolations() || !IRIs.check(iri)) {
                throw new UserException(label + ": JSON-LD " + role + " IRI <" + iri + "> is not a valid absolute IRI");
            }
        } catch (RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException(label + ": JSON-LD " + role + " IRI <" + iri + "> is not a valid IRI: " + message(e));
        }
    }

    private static byte[] readAll(InputStream in, String label) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UserException(label + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof RiotException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
