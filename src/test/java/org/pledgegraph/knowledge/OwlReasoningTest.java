package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.model.OWLLiteral;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInLiteral;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * The ontology, alone and together with the data, is OWL 2 DL, consistent under HermiT, and has no unsatisfiable
 * class. All ontology/*.ttl files are taken together, as the loader does.
 */
class OwlReasoningTest {

    static OWLOntology owl(Model model) throws OWLOntologyCreationException {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, model, Lang.TURTLE);
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        return manager.loadOntologyFromOntologyDocument(new StringDocumentSource(out.toString()));
    }

    static OWLReasoner hermit(OWLOntology o) {
        Configuration config = new Configuration();
        // xsd:date and xsd:gYearMonth are outside the OWL 2 datatype map: HermiT treats their literals as opaque.
        config.ignoreUnsupportedDatatypes = true;
        return new ReasonerFactory().createReasoner(o, config);
    }

    static String violations(OWLProfileReport report) {
        return report.getViolations().stream().map(OWLProfileViolation::toString).limit(40)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theOntologyIsOwl2Dl() throws Exception {
        OWLOntology o = owl(Project.ontology());
        OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
        assertTrue(report.isInProfile(), "OWL 2 DL violations:\n" + violations(report));
        assertTrue(o.getClassesInSignature().size() > 40, "classes parsed: " + o.getClassesInSignature().size());
    }

    @Test
    void theOntologyIsConsistentAndEveryClassSatisfiable() throws Exception {
        OWLOntology o = owl(Project.ontology());
        OWLReasoner r = hermit(o);
        assertTrue(r.isConsistent(), "the ontology is inconsistent");
        Set<String> unsat = new TreeSet<>();
        for (OWLClass c : o.getClassesInSignature()) {
            if (!r.isSatisfiable(c)) unsat.add(c.getIRI().toString());
        }
        assertTrue(unsat.isEmpty(), "unsatisfiable classes: " + unsat);
        r.dispose();
    }

    /**
     * The one known departure, by design: docs/design.md fixes xsd:date and xsd:gYearMonth for dates (and we use
     * xsd:gYear for years), which are not in the OWL 2 datatype map. OWL 2 DL has no literals of such datatypes;
     * Protégé and HermiT (ignoring unsupported datatypes) read them as opaque values. Only literals of exactly these
     * datatypes are tolerated; any other violation fails.
     */
    static final Set<String> TOLERATED_LITERAL_DATATYPES = Set.of(
            "http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#gYearMonth",
            "http://www.w3.org/2001/XMLSchema#gYear");

    static boolean tolerated(OWLProfileViolation v) {
        if (!(v instanceof UseOfDefinedDatatypeInLiteral u)) {
            return false;
        }
        OWLLiteral lit = u.getExpression();
        return TOLERATED_LITERAL_DATATYPES.contains(lit.getDatatype().getIRI().toString());
    }

    @Test
    void ontologyWithDataIsOwl2DlAndConsistent() throws Exception {
        Model all = ModelFactory.createDefaultModel().add(Project.ontology()).add(Project.data());
        OWLOntology o = owl(all);
        OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
        List<OWLProfileViolation> other = report.getViolations().stream().filter(v -> !tolerated(v)).toList();
        assertTrue(other.isEmpty(), "OWL 2 DL violations:\n"
                + other.stream().map(Object::toString).limit(40).collect(Collectors.joining("\n")));
        assertTrue(report.getViolations().size() > 0, "the tolerated date literals are expected to be reported");
        OWLReasoner r = hermit(o);
        assertTrue(r.isConsistent(), "ontology + data is inconsistent");
        r.dispose();
    }

    @Test
    void theReasonerWouldCatchAContradiction() throws Exception {
        // Guards the test above: a person who is also a commitment must be found inconsistent.
        Model all = ModelFactory.createDefaultModel().add(Project.ontology());
        all.read(new java.io.StringReader("""
                <https://w3id.org/pledgegraph/id/person/x> a <https://w3id.org/pledgegraph/ontology#Person> ,
                    <https://w3id.org/pledgegraph/ontology#Commitment> .
                """), null, "TTL");
        OWLReasoner r = hermit(owl(all));
        assertEquals(false, r.isConsistent());
        r.dispose();
    }

    @Test
    void theDlCheckWouldCatchAPropertyUsedBothWays() throws Exception {
        Model all = ModelFactory.createDefaultModel().add(Project.ontology());
        all.read(new java.io.StringReader("""
                <https://w3id.org/pledgegraph/id/person/x> <https://w3id.org/pledgegraph/ontology#quote>
                    <https://w3id.org/pledgegraph/id/person/y> .
                """), null, "TTL");
        assertTrue(!new OWL2DLProfile().checkOntology(owl(all)).isInProfile());
    }
}
