package org.pledgegraph.web;

/**
 * A thing as a page shows it: its label and where a link to it goes ({@code href} null: show as text only).
 *
 * @param iri the IRI as in the data
 * @param label what to show (the label, else a short form of the IRI)
 * @param href local path for ours, the IRI for other http(s) IRIs, null otherwise
 */
public record Ref(String iri, String label, String href) {
    public static Ref of(Links links, String iri, String label) {
        return new Ref(iri, label == null || label.isBlank() ? shortForm(iri) : label, links.href(iri));
    }

    /** The last segment of an IRI (after '#' or the last '/'): the fallback label. */
    public static String shortForm(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String tail = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        return tail;
    }
}
