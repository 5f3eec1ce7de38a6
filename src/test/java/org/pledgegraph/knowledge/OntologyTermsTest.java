package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** The ontology documents itself: metadata, and a label, a comment and rdfs:isDefinedBy on every pg: term. */
class OntologyTermsTest {
    static final List<Resource> KINDS = List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
            OWL.AnnotationProperty);

    @Test
    void theOntologyHeaderHasVersionMetadataAndLicence() {
        Model m = Project.ontology();
        Resource o = m.createResource(org.pledgegraph.Vocab.ONTOLOGY);
        assertTrue(m.contains(o, RDF.type, OWL.Ontology));
        for (Property p : List.of(OWL2.versionIRI, OWL.versionInfo, DCTerms.title, DCTerms.description,
                DCTerms.creator, DCTerms.created, DCTerms.modified)) {
            assertTrue(o.hasProperty(p), "ontology lacks " + p);
        }
        assertTrue(o.hasProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/")));
    }

    static final class OWL2 {
        static final Property versionIRI = org.apache.jena.rdf.model.ResourceFactory
                .createProperty("http://www.w3.org/2002/07/owl#versionIRI");
    }

    @Test
    void everyPgTermHasLabelCommentAndIsDefinedBy() {
        Model m = Project.ontology();
        // Our terms are defined by the core ontology; module files (ontology/activation.ttl ...) define theirs.
        Set<Resource> ontologies = new java.util.HashSet<>(m.listSubjectsWithProperty(RDF.type, OWL.Ontology).toList());
        Set<String> failures = new TreeSet<>();
        int terms = 0;
        int core = 0;
        for (Resource kind : KINDS) {
            for (Resource t : m.listSubjectsWithProperty(RDF.type, kind).toList()) {
                if (!t.isURIResource() || !t.getURI().startsWith(Project.PG)) {
                    continue;
                }
                terms++;
                if (!t.hasProperty(RDFS.label)) failures.add(t + " has no rdfs:label");
                if (!t.hasProperty(RDFS.comment)) failures.add(t + " has no rdfs:comment");
                else if (t.getProperty(RDFS.comment).getString().length() < 20) failures.add(t + ": comment too short to define it");
                Resource by = t.getPropertyResourceValue(RDFS.isDefinedBy);
                if (by == null || !ontologies.contains(by)) failures.add(t + " has no rdfs:isDefinedBy an ontology of ontology/");
                else if (by.getURI().equals(org.pledgegraph.Vocab.ONTOLOGY)) core++;
            }
        }
        assertTrue(core >= 80, "only " + core + " pg: terms defined by the core ontology");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everyPgIriMentionedInTheOntologyIsDeclared() {
        Model m = Project.ontology();
        Set<String> undeclared = new TreeSet<>();
        m.listStatements().forEach(st -> {
            for (RDFNode n : List.of(st.getSubject(), st.getPredicate(), st.getObject())) {
                if (n.isURIResource() && n.asResource().getURI().startsWith(Project.PG)
                        && KINDS.stream().noneMatch(k -> m.contains(n.asResource(), RDF.type, k))) {
                    undeclared.add(n.toString());
                }
            }
        });
        assertTrue(undeclared.isEmpty(), "pg: IRIs used but not declared: " + undeclared);
    }

    @Test
    void everyTermIsOneKindOnly() {
        Model m = Project.ontology();
        Set<String> mixed = new TreeSet<>();
        m.listSubjects().forEach(s -> {
            long kinds = KINDS.stream().filter(k -> m.contains(s, RDF.type, k)).count();
            if (kinds > 1) mixed.add(s.toString());
        });
        assertTrue(mixed.isEmpty(), "declared as more than one kind of entity: " + mixed);
    }

    @Test
    void everyConceptHasALabelADefinitionAndAScheme() {
        Model m = Project.ontology();
        Set<String> failures = new TreeSet<>();
        for (Resource c : m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
            if (!c.hasProperty(SKOS.prefLabel)) failures.add(c + " has no skos:prefLabel");
            if (!c.hasProperty(SKOS.definition)) failures.add(c + " has no skos:definition");
            Resource scheme = c.getPropertyResourceValue(SKOS.inScheme);
            if (scheme == null || !m.contains(scheme, RDF.type, SKOS.ConceptScheme)) failures.add(c + " is in no scheme");
            else if (!c.getURI().startsWith(scheme.getURI() + "/")) failures.add(c + " is not named under its scheme " + scheme);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theSchemesTheIssueAsksForHaveTheirConcepts() {
        Model m = Project.ontology();
        String c = Project.ID + "concept/";
        for (String s : List.of("status/pending", "status/active", "status/suspended", "status/fulfilled",
                "status/withdrawn", "status/lapsed", "status/undetermined", "condition-basis/stated", "condition-basis/implied",
                "modality/pledged", "modality/agreed", "modality/planned", "modality/possible", "modality/potential",
                "bindingness/politically-binding", "bindingness/legally-binding", "measure-type/military",
                "measure-type/intelligence", "measure-type/logistical", "measure-type/diplomatic",
                "measure-type/sanctions", "participant-role/host", "participant-role/participant",
                "participant-role/envoy")) {
            assertTrue(m.contains(m.createResource(c + s), RDF.type, SKOS.Concept), s);
        }
        // Six lifecycle statuses, and undetermined for a date inside the month (or year) a commitment was made in.
        assertEquals(7, m.listSubjectsWithProperty(SKOS.inScheme, m.createResource(c + "status")).toList().size(),
                "the status scheme has exactly the six lifecycle statuses and undetermined");
    }

    @Test
    void everyCameoCodeIsAConceptOfTheCameoScheme() {
        Model m = Project.ontology();
        Resource scheme = m.createResource(Project.ID + "concept/cameo");
        Set<String> notations = new TreeSet<>();
        m.listSubjectsWithProperty(SKOS.inScheme, scheme).forEach(c -> notations.add(c.getProperty(SKOS.notation).getString()));
        Property cameo = m.createProperty(Project.PG + "cameoCode");
        Set<String> dangling = new TreeSet<>();
        int used = 0;
        for (var st : m.listStatements(null, cameo, (RDFNode) null).toList()) {
            used++;
            if (!notations.contains(st.getString())) dangling.add(st.getSubject() + " " + st.getString());
        }
        assertTrue(used >= 5, "CAMEO codes in use: " + used);
        assertTrue(dangling.isEmpty(), "CAMEO codes without a concept: " + dangling);
    }
}
