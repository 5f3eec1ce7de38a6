package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.pledgegraph.Vocab;

/** Background facts are kept apart from the sources and marked as such, resource by resource. */
class BackgroundTest {
    static final String OA = "http://www.w3.org/ns/oa#";

    @Test
    void everyBackgroundResourceIsMarkedByABackgroundFact() {
        Model m = Project.model(Vocab.GRAPH_BACKGROUND);
        Resource backgroundFact = m.createResource(Project.PG + "BackgroundFact");
        Resource backgroundSource = m.createResource(Project.ID + "source/background-knowledge");
        Property hasBody = m.createProperty(OA + "hasBody");
        Property derived = m.createProperty("http://www.w3.org/ns/prov#wasDerivedFrom");
        Property factText = m.createProperty(Project.PG + "factText");
        Set<Resource> marked = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Resource bf : m.listSubjectsWithProperty(RDF.type, backgroundFact).toList()) {
            if (!bf.hasProperty(derived, backgroundSource)) failures.add(bf + " is not derived from the background source");
            if (!bf.hasProperty(factText)) failures.add(bf + " does not state its fact in words");
            m.listObjectsOfProperty(bf, hasBody).forEach(b -> marked.add(b.asResource()));
        }
        for (Resource s : m.listSubjects().toList()) {
            if (!s.hasProperty(RDF.type, backgroundFact) && !s.equals(backgroundSource) && !marked.contains(s)) {
                failures.add(s + " is described in the background graph but no pg:BackgroundFact marks it");
            }
        }
        assertTrue(marked.size() >= 10, "only " + marked.size() + " background resources");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void backgroundMarkersAndSourceAnnotationsDoNotMix() {
        Model bg = Project.model(Vocab.GRAPH_BACKGROUND);
        assertTrue(!bg.contains(null, RDF.type, bg.createResource(OA + "TextQuoteSelector")),
                "the background graph quotes no source");
        for (String g : Project.sourceGraphs().keySet()) {
            Model src = Project.model(g);
            // The article does not say that Paris is in France: that triple lives only in the background graph.
            assertTrue(!src.contains(null, src.createProperty(Project.PG + "locatedIn"), (RDFNode) null),
                    g + " holds a location fact the article does not state");
        }
        assertTrue(bg.contains(bg.createResource(Project.ID + "city/paris"), bg.createProperty(Project.PG + "locatedIn"),
                bg.createResource(Project.ID + "state/france")));
    }
}
