package org.pledgegraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pledgegraph.UserException;

/** How pages write IRIs: local links for ours, the public base for citing, no link for non-http IRIs. */
class LinksTest {
    static final String MACRON = "https://w3id.org/pledgegraph/id/person/emmanuel-macron";

    @Test
    void oursLinkLocallyAndPrintUnderThePublicBase() {
        Links w3id = Links.w3id();
        assertEquals("/id/person/emmanuel-macron", w3id.href(MACRON));
        assertEquals(MACRON, w3id.printed(MACRON), "by default the w3id IRI itself");
        Links deployed = new Links("https://pledges.example.org");
        assertEquals("/id/person/emmanuel-macron", deployed.href(MACRON), "links stay local paths");
        assertEquals("https://pledges.example.org/id/person/emmanuel-macron", deployed.printed(MACRON));
        assertEquals("/ontology#Commitment", deployed.href("https://w3id.org/pledgegraph/ontology#Commitment"));
    }

    @Test
    void othersLinkOutOrNotAtAll() {
        Links links = Links.w3id();
        assertEquals("http://www.wikidata.org/entity/Q142", links.href("http://www.wikidata.org/entity/Q142"));
        assertNull(links.href("javascript:alert(1)"));
        assertNull(links.href("urn:x:y"));
        assertNull(links.href("data:text/html,<script>alert(1)</script>"));
    }

    @Test
    void aPublicBaseMustBeAnHttpUrl() {
        assertThrows(UserException.class, () -> new Links("ftp://example.org/"));
        assertThrows(UserException.class, () -> new Links("javascript:alert(1)//"));
    }
}
