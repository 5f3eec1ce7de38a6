package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledgegraph.UserException;

/** Rewriting the count of a linkset in data/void.ttl changes that number and nothing else, or refuses clearly. */
class LinksetCountsTest {
    static final String LINKSET = "https://w3id.org/pledgegraph/dataset/links/wikidata";

    @Test
    void onlyTheNumberChangesInTheRepositorysVoid() throws Exception {
        String text = Files.readString(LinksetCounts.RELATIVE);
        String rewritten = LinksetCounts.rewrite(text, Map.of(LINKSET, 21L), "data/void.ttl");
        assertEquals(text.replace("void:triples 20 ;", "void:triples 21 ;"), rewritten);
    }

    @Test
    void aLayoutItDoesNotKnowIsRefusedWithTheFileAndTheLinkset() {
        String text = """
                @prefix void: <http://rdfs.org/ns/void#> .
                [] void:subset <%s> .
                    <%s> a void:Linkset ; void:triples 20 .
                """.formatted(LINKSET, LINKSET);
        UserException e = assertThrows(UserException.class, () -> LinksetCounts.rewrite(text, Map.of(LINKSET, 21L), "void.ttl"));
        assertTrue(e.getMessage().startsWith("cannot update void:triples of " + LINKSET + " in void.ttl to 21"), e.getMessage());
    }
}
