package org.pledgegraph.web;

import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The ways a thing can be served: its page, or its description in one of four RDF syntaxes. Each has its media type,
 * the suffix a pasted link may carry ({@code /id/commitment/x.ttl}), and the Jena writer format.
 */
public enum Representation {
    HTML("text/html", "html", null, null),
    TURTLE("text/turtle", "ttl", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", "jsonld", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY),
    NTRIPLES("application/n-triples", "nt", Lang.NTRIPLES, RDFFormat.NTRIPLES),
    RDFXML("application/rdf+xml", "rdf", Lang.RDFXML, RDFFormat.RDFXML_PRETTY);

    /** Other names clients send for the same representation (the first of each is what we answer with). */
    private static final List<String[]> ALIASES = List.of(
            new String[] {"application/xhtml+xml", "html"},
            new String[] {"application/x-turtle", "ttl"},
            new String[] {"application/json", "jsonld"});

    private final String mediaType;
    private final String suffix;
    private final Lang lang;
    private final RDFFormat format;

    Representation(String mediaType, String suffix, Lang lang, RDFFormat format) {
        this.mediaType = mediaType;
        this.suffix = suffix;
        this.lang = lang;
        this.format = format;
    }

    public String mediaType() {
        return mediaType;
    }

    public String suffix() {
        return suffix;
    }

    public Lang lang() {
        return lang;
    }

    public RDFFormat format() {
        return format;
    }

    public boolean isRdf() {
        return lang != null;
    }

    /** The representation a path suffix asks for ({@code ttl}, {@code jsonld}, {@code nt}, {@code rdf}, {@code html}). */
    public static Optional<Representation> bySuffix(String suffix) {
        for (Representation r : values()) {
            if (r.suffix.equals(suffix)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    static Optional<Representation> byMediaType(String type) {
        for (Representation r : values()) {
            if (r.mediaType.equals(type)) {
                return Optional.of(r);
            }
        }
        for (String[] alias : ALIASES) {
            if (alias[0].equals(type)) {
                return bySuffix(alias[1]);
            }
        }
        return Optional.empty();
    }

    /** Every media type we answer to, in order of preference when the client does not mind. */
    static List<String> offered() {
        List<String> all = new java.util.ArrayList<>();
        for (Representation r : values()) {
            all.add(r.mediaType);
        }
        ALIASES.forEach(a -> all.add(a[0]));
        return all;
    }
}
