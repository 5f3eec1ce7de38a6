package org.pledgegraph.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

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
import org.apache.jena.irix.IRIs;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.pledgegraph.UserException;

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
            if (!parsed.isAbsolute() || parsed.hasViolations() || !IRIs.check(iri)) {
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
