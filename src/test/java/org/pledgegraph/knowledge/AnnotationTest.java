package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * Provenance: every selector points at its passage in the source text, every resource of a source graph is traced to
 * a passage, and statements and commitments say which source they come from.
 */
class AnnotationTest {
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String PROV = "http://www.w3.org/ns/prov#";

    static Property oa(String local) {
        return org.apache.jena.rdf.model.ResourceFactory.createProperty(OA + local);
    }

    static Resource oaClass(String local) {
        return org.apache.jena.rdf.model.ResourceFactory.createResource(OA + local);
    }

    /** The code points of text between start (inclusive) and end (exclusive), as a String. */
    static String codePoints(String text, int start, int end) {
        int[] cps = text.codePoints().toArray();
        return new String(cps, start, end - start);
    }

    @Test
    void everySelectorStandsAtItsOffsetsInTheSourceText() {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : Project.sourceGraphs().entrySet()) {
            Model m = Project.model(e.getKey());
            String text = Project.read(Project.ROOT.resolve("data/sources/" + e.getValue() + ".txt"));
            int length = (int) text.codePoints().count();
            Resource sourceDoc = m.createResource(Project.ID + "source/" + e.getValue());
            for (Resource target : m.listSubjectsWithProperty(RDF.type, oaClass("SpecificResource")).toList()) {
                assertEquals(sourceDoc, target.getPropertyResourceValue(oa("hasSource")), target + " has another source");
                Resource quote = null;
                Resource position = null;
                for (RDFNode s : m.listObjectsOfProperty(target, oa("hasSelector")).toList()) {
                    Resource sel = s.asResource();
                    if (sel.hasProperty(RDF.type, oaClass("TextQuoteSelector"))) {
                        quote = sel;
                    } else if (sel.hasProperty(RDF.type, oaClass("TextPositionSelector"))) {
                        position = sel;
                    }
                }
                if (quote == null || position == null) {
                    failures.add(target + ": needs a TextQuoteSelector and a TextPositionSelector");
                    continue;
                }
                int start = position.getRequiredProperty(oa("start")).getInt();
                int end = position.getRequiredProperty(oa("end")).getInt();
                String exact = quote.getRequiredProperty(oa("exact")).getString();
                if (start < 0 || end > length || start >= end) {
                    failures.add(position + ": offsets " + start + ".." + end + " outside the text");
                    continue;
                }
                String at = codePoints(text, start, end);
                if (!at.equals(exact)) {
                    failures.add(position + ": text at " + start + ".." + end + " is [" + at + "], exact is [" + exact + "]");
                }
                if (quote.hasProperty(oa("prefix"))) {
                    String prefix = quote.getProperty(oa("prefix")).getString();
                    int from = start - (int) prefix.codePoints().count();
                    if (from < 0 || !codePoints(text, from, start).equals(prefix)) {
                        failures.add(quote + ": prefix [" + prefix + "] does not precede the passage");
                    }
                } else if (start != 0) {
                    failures.add(quote + ": no prefix, but the passage does not open the text");
                }
                String suffix = quote.getRequiredProperty(oa("suffix")).getString();
                int to = end + (int) suffix.codePoints().count();
                if (to > length || !codePoints(text, end, to).equals(suffix)) {
                    failures.add(quote + ": suffix [" + suffix + "] does not follow the passage");
                }
                checked++;
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked >= 30, "only " + checked + " selectors checked");
    }

    @Test
    void offsetsCountCodePointsNotUtf16Units() {
        // The article has an astral-free but non-ASCII text; a passage after "€" and "Élysée" checks the counting.
        String text = Project.read(Project.ROOT.resolve("data/sources/coalition-summit-2026-01-07.txt"));
        assertEquals("b", codePoints("a\uD83D\uDE00b", 2, 3));
        assertTrue(text.contains("Élysée"));
    }

    @Test
    void everyAnnotationHasABodyAndATarget() {
        List<String> failures = new ArrayList<>();
        for (String g : Project.sourceGraphs().keySet()) {
            Model m = Project.model(g);
            for (Resource a : m.listSubjectsWithProperty(RDF.type, oaClass("Annotation")).toList()) {
                if (!a.hasProperty(oa("hasBody"))) {
                    failures.add(a + " has no body");
                }
                Resource t = a.getPropertyResourceValue(oa("hasTarget"));
                if (t == null || !m.contains(t, RDF.type, oaClass("SpecificResource"))) {
                    failures.add(a + " has no oa:SpecificResource target");
                }
            }
            for (RDFNode body : m.listObjectsOfProperty(oa("hasBody")).toList()) {
                if (!m.contains(body.asResource(), null, (RDFNode) null)) {
                    failures.add(g + ": body " + body + " is not described in the graph (a typo?)");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Every resource described in a source graph is the body of an annotation (a hash IRI counts as its base). */
    @Test
    void everyDescribedResourceIsTracedToAPassage() {
        List<String> untraced = new ArrayList<>();
        for (String g : Project.sourceGraphs().keySet()) {
            Model m = Project.model(g);
            Set<String> bodies = new HashSet<>();
            m.listObjectsOfProperty(oa("hasBody")).forEach(b -> bodies.add(b.asResource().getURI()));
            Set<Resource> provenance = new HashSet<>();
            m.listSubjectsWithProperty(RDF.type, oaClass("Annotation")).forEach(provenance::add);
            m.listSubjectsWithProperty(RDF.type, oaClass("SpecificResource")).forEach(provenance::add);
            m.listSubjectsWithProperty(RDF.type, oaClass("TextQuoteSelector")).forEach(provenance::add);
            m.listSubjectsWithProperty(RDF.type, oaClass("TextPositionSelector")).forEach(provenance::add);
            for (Resource s : m.listSubjects().toList()) {
                if (provenance.contains(s)) {
                    continue;
                }
                String iri = s.getURI();
                String base = iri.contains("#") ? iri.substring(0, iri.indexOf('#')) : iri;
                if (!bodies.contains(iri) && !bodies.contains(base)) {
                    untraced.add(iri);
                }
            }
        }
        assertTrue(untraced.isEmpty(), "described but not the body of any annotation: " + untraced);
    }

    @Test
    void statementsAndCommitmentsAreDerivedFromTheirSource() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> e : Project.sourceGraphs().entrySet()) {
            String q = """
                    PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    SELECT ?x WHERE { GRAPH <%s> { ?x a ?c } GRAPH ?o { ?c rdfs:subClassOf* ?top }
                      VALUES ?top { pg:Statement pg:Commitment pg:Document pg:Stance pg:Assessment } }
                    """.formatted(e.getKey());
            var rs = Project.select(q);
            Model m = Project.model(e.getKey());
            Resource src = m.createResource(Project.ID + "source/" + e.getValue());
            Property derived = m.createProperty(PROV + "wasDerivedFrom");
            while (rs.hasNext()) {
                Resource x = rs.next().getResource("x");
                checked++;
                if (!m.contains(x, derived, src)) {
                    failures.add(x + " lacks prov:wasDerivedFrom " + src);
                }
            }
        }
        assertTrue(checked >= 20, "only " + checked + " checked");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theArticleGraphHoldsNoBackgroundFactAndNoStoredStatus() {
        for (String g : Project.sourceGraphs().keySet()) {
            Model m = Project.model(g);
            assertFalse(m.contains(null, RDF.type, m.createResource(Project.PG + "BackgroundFact")), g);
            m.listStatements().forEach(st -> {
                assertFalse(st.getObject().isURIResource()
                        && st.getObject().asResource().getURI().startsWith(Project.ID + "concept/status/"),
                        "status stored in source data: " + st);
                assertFalse(st.getPredicate().getURI().equals("http://www.w3.org/2002/07/owl#sameAs"),
                        "owl:sameAs belongs to data/links, not a source graph: " + st);
            });
        }
    }

    /** Properties whose values are the source's own words: each value must occur verbatim in the source text. */
    static final java.util.List<String> VERBATIM = java.util.List.of("quote", "conditionText", "descriptionText",
            "reportedContent", "countText", "amountText", "purposeText", "committedByText", "beneficiaryText",
            "locationText", "caveat", "durationText", "aimText", "stanceObjectText", "timeText", "assessmentText",
            "integratesText");

    @Test
    void wordsAttributedToTheSourceOccurInIt() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> e : Project.sourceGraphs().entrySet()) {
            Model m = Project.model(e.getKey());
            String text = Project.read(Project.ROOT.resolve("data/sources/" + e.getValue() + ".txt"));
            for (String local : VERBATIM) {
                for (var st : m.listStatements(null, m.createProperty(Project.PG + local), (RDFNode) null).toList()) {
                    checked++;
                    String words = st.getString();
                    if (!text.contains(words)) {
                        failures.add(st.getSubject() + " pg:" + local + " [" + words + "] is not in the source text");
                    }
                }
            }
        }
        assertTrue(checked >= 40, "only " + checked + " checked");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
