package org.pledgegraph.web;

import java.net.URI;

import org.pledgegraph.Vocab;

/**
 * How the pages write an IRI. The data's IRIs live under {@link Vocab#BASE} (w3id). A link to one goes to the same
 * path on this server ({@code https://w3id.org/pledgegraph/id/person/x} → {@code /id/person/x}), so browsing works
 * locally and on any deployment; the address a page prints for citing is under the public base ({@code serve
 * --public-base}, default the w3id base itself). Other http(s) IRIs link out as they are; anything else (a
 * {@code javascript:} or {@code urn:} IRI) is shown as text and never becomes a link.
 */
public final class Links {
    private final String publicBase;

    public Links(String publicBase) {
        this.publicBase = normalized(publicBase);
    }

    public static Links w3id() {
        return new Links(Vocab.BASE);
    }

    public String publicBase() {
        return publicBase;
    }

    /** Whether the IRI is one of ours (under the w3id base). */
    public static boolean ours(String iri) {
        return iri != null && iri.startsWith(Vocab.BASE);
    }

    /** The local path (with its {@code #fragment}) for one of our IRIs, or null. */
    public static String localPath(String iri) {
        return ours(iri) ? "/" + iri.substring(Vocab.BASE.length()) : null;
    }

    /** The IRI that a local path (e.g. {@code /id/person/x}) stands for. */
    public static String iriOf(String localPath) {
        return Vocab.BASE + (localPath.startsWith("/") ? localPath.substring(1) : localPath);
    }

    /** What a link to the IRI points at: a local path for ours, the IRI for other http(s) IRIs, else null (no link). */
    public String href(String iri) {
        if (ours(iri)) {
            return localPath(iri);
        }
        return iri != null && (iri.startsWith("http://") || iri.startsWith("https://")) ? iri : null;
    }

    /** The address printed for citing: ours under the public base, others unchanged. */
    public String printed(String iri) {
        return ours(iri) ? publicBase + iri.substring(Vocab.BASE.length()) : iri;
    }

    private static String normalized(String base) {
        URI uri = URI.create(base);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new org.pledgegraph.UserException("--public-base must be an http(s) URL, got " + base);
        }
        return base.endsWith("/") ? base : base + "/";
    }
}
