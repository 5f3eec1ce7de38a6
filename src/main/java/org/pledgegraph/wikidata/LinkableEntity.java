package org.pledgegraph.wikidata;

import java.util.List;

/**
 * An entity of ours that can have a Wikidata item: its IRI, its kind (the {@code id/{kind}/} segment), its English
 * label, its other names (skos:altLabel, e.g. "Zelensky"), and for persons the labels of the posts our data says they
 * held, which the reconciler checks against Wikidata's P39.
 */
public record LinkableEntity(String iri, String kind, String label, List<String> aliases, List<String> offices) {
    public String curie() {
        return kind + ":" + iri.substring(iri.lastIndexOf('/') + 1);
    }
}
