package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/**
 * No typo mints a term: every class, property, datatype and concept that data/ uses is declared in the ontology
 * graph (every ontology/*.ttl), or is one of the few built-in terms listed here.
 */
class VocabularyTest {
    /** Built-in terms that no ontology declares; everything else, external vocabularies included, must be declared. */
    static final Set<String> BUILT_IN = Set.of(
            RDF.type.getURI(), RDFS.label.getURI(), RDFS.comment.getURI(), RDFS.seeAlso.getURI(),
            OWL.sameAs.getURI());
    static final Set<String> BUILT_IN_DATATYPES = Set.of(
            "http://www.w3.org/2001/XMLSchema#string", RDF.langString.getURI(),
            "http://www.w3.org/2001/XMLSchema#integer", "http://www.w3.org/2001/XMLSchema#decimal",
            "http://www.w3.org/2001/XMLSchema#nonNegativeInteger", "http://www.w3.org/2001/XMLSchema#boolean",
            "http://www.w3.org/2001/XMLSchema#dateTime");

    static boolean declared(Model onto, String iri, Resource... types) {
        Resource r = onto.createResource(iri);
        for (Resource t : types) {
            if (onto.contains(r, RDF.type, t)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyClassUsedInDataIsDeclared() {
        Model onto = Project.ontology();
        Set<String> missing = new TreeSet<>();
        Project.data().listObjectsOfProperty(RDF.type).forEach(c -> {
            if (!declared(onto, c.asResource().getURI(), OWL.Class, RDFS.Class)) {
                missing.add(c.toString());
            }
        });
        assertTrue(missing.isEmpty(), "classes used in data/ but not declared in ontology/: " + missing);
    }

    @Test
    void everyPropertyUsedInDataIsDeclaredWithTheRightKind() {
        Model onto = Project.ontology();
        Set<String> missing = new TreeSet<>();
        for (Statement st : Project.data().listStatements().toList()) {
            String p = st.getPredicate().getURI();
            if (BUILT_IN.contains(p)) {
                continue;
            }
            boolean ok = st.getObject().isLiteral()
                    ? declared(onto, p, OWL.DatatypeProperty, OWL.AnnotationProperty)
                    : declared(onto, p, OWL.ObjectProperty, OWL.AnnotationProperty);
            if (!ok) {
                missing.add(p + (st.getObject().isLiteral() ? " (with a literal)" : " (with a resource)"));
            }
        }
        assertTrue(missing.isEmpty(), "properties used in data/ but not declared (or declared as the other kind): "
                + missing);
    }

    @Test
    void everyDatatypeUsedInDataIsBuiltInOrDeclared() {
        Model onto = Project.ontology();
        Set<String> missing = new TreeSet<>();
        Project.data().listStatements().forEach(st -> {
            if (st.getObject().isLiteral()) {
                RDFDatatype dt = st.getObject().asLiteral().getDatatype();
                String iri = dt.getURI();
                if (!BUILT_IN_DATATYPES.contains(iri) && !declared(onto, iri, RDFS.Datatype)) {
                    missing.add(iri);
                }
            }
        });
        assertTrue(missing.isEmpty(), "datatypes used but neither OWL 2 built-ins nor declared: " + missing);
    }

    @Test
    void everyConceptUsedInDataIsAConceptOfTheOntology() {
        Model onto = Project.ontology();
        Set<String> missing = new TreeSet<>();
        Project.data().listStatements().forEach(st -> {
            RDFNode o = st.getObject();
            if (o.isURIResource() && o.asResource().getURI().startsWith(Project.ID + "concept/")
                    && !onto.contains(o.asResource(), RDF.type, SKOS.Concept)) {
                missing.add(o.toString());
            }
        });
        assertTrue(missing.isEmpty(), "concept IRIs used in data/ that no scheme defines: " + missing);
    }

    @Test
    void everyPgTermUsedInDataExistsInTheOntology() {
        // Catches pg: IRIs used as values (pg:awaitsEventType pg:EntryIntoForce) as well as classes and properties.
        Model onto = Project.ontology();
        Set<String> missing = new TreeSet<>();
        for (Statement st : Project.data().listStatements().toList()) {
            for (RDFNode n : List.of(st.getSubject(), st.getPredicate(), st.getObject())) {
                if (n.isURIResource() && n.asResource().getURI().startsWith(Project.PG)
                        && !onto.contains(n.asResource(), RDF.type, (RDFNode) null)) {
                    missing.add(n.toString());
                }
            }
        }
        assertTrue(missing.isEmpty(), "pg: terms not in the ontology: " + missing);
    }
}
