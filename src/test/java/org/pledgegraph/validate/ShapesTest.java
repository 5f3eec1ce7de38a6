package org.pledgegraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgegraph.load.Loader;
import org.pledgegraph.support.TestStores;

/**
 * The shapes of ontology/shapes/ pass on the repository's data, and each fails on an example: the repository's data
 * with one thing broken by a SPARQL Update, which must give a violation naming the shape (or, for a shape used by
 * another through sh:node, naming the one that uses it) at the path broken.
 */
class ShapesTest {
    static final String PREFIXES = """
            PREFIX pg: <https://w3id.org/pledgegraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX schema: <https://schema.org/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX id: <https://w3id.org/pledgegraph/id/>
            PREFIX concept: <https://w3id.org/pledgegraph/id/concept/>
            PREFIX g: <https://w3id.org/pledgegraph/graph/>
            """;
    static final String SOURCE = "<https://w3id.org/pledgegraph/graph/source/coalition-summit-2026-01-07>";
    static final String EVENT_GRAPH = "<https://w3id.org/pledgegraph/graph/source/event-test>";

    /** A broken example: the shape it covers, the shape and path the report names, the update that breaks the data. */
    record Case(String covers, String reported, String path, String update) {
        @Override
        public String toString() {
            return covers;
        }
    }

    static Loader.Parsed repository;

    @BeforeAll
    static void parse() {
        repository = new Loader(TestStores.project()).read();
    }

    static Stream<Case> cases() {
        return Stream.of(
            c("CommitmentShape", "CommitmentShape", "rdfs:label", "DELETE WHERE { GRAPH ?g { id:commitment\\/eu-loan-90bn rdfs:label ?l } }"),
            c("ModalityConcept", "CommitmentShape", "pg:modality", replace("id:commitment\\/eu-loan-90bn", "pg:modality", "concept:purpose\\/deterrence")),
            c("BindingnessConcept", "CommitmentShape", "pg:bindingness", insert("id:commitment\\/eu-loan-90bn pg:bindingness concept:modality\\/pledged")),
            c("LeadershipConcept", "CommitmentShape", "pg:leadership", insert("id:commitment\\/eu-loan-90bn pg:leadership concept:modality\\/pledged")),
            c("PurposeConcept", "CommitmentShape", "pg:hasPurpose", insert("id:commitment\\/eu-loan-90bn pg:hasPurpose concept:modality\\/pledged")),
            c("MeasureTypeConcept", "CommitmentShape", "pg:mayInvolveMeasure", insert("id:commitment\\/eu-loan-90bn pg:mayInvolveMeasure concept:purpose\\/deterrence")),
            c("ActivationConditionShape", "ActivationConditionShape", null, "DELETE WHERE { GRAPH ?g { id:condition\\/security-guarantees-ceasefire pg:awaitsEvent ?e } }"),
            c("PlainCondition", "ActivationConditionShape", null, "DELETE WHERE { GRAPH ?g { id:condition\\/uk-france-military-hubs-ceasefire pg:awaitsEvent ?e } }"),
            c("AnyOfConditionShape", "AnyOfConditionShape", "pg:anyOf", insert("id:condition\\/empty a pg:AnyOfCondition")),
            c("ConditionBasisConcept", "ActivationConditionShape", "pg:conditionBasis", replace("id:condition\\/security-guarantees-ceasefire", "pg:conditionBasis", "concept:modality\\/pledged")),
            c("PostShape", "PostShape", "org:postIn", "DELETE WHERE { GRAPH ?g { id:post\\/president-of-france org:postIn ?o } }"),
            c("MembershipShape", "MembershipShape", "org:organization", insert("id:tenure\\/france-nato org:organization id:organization\\/european-union")),
            c("TenureShape", "TenureShape", "pg:heldOn", "DELETE WHERE { GRAPH ?g { id:tenure\\/mark-rutte-secretary-general-of-nato pg:heldOn ?d } }"),
            c("ParticipationShape", "ParticipationShape", "pg:participant", "DELETE WHERE { GRAPH ?g { id:role\\/mark-rutte-at-paris-summit pg:participant ?p } }"),
            c("ParticipantRoleConcept", "ParticipationShape", "pg:participantRole", replace("id:role\\/mark-rutte-at-paris-summit", "pg:participantRole", "concept:modality\\/pledged")),
            c("MonetaryAmountShape", "MonetaryAmountShape", "schema:currency", replace("id:amount\\/eu-loan-90bn", "schema:currency", "\"euro\"")),
            c("ReportedCountShape", "ReportedCountShape", "pg:countMoreThan", replace("id:amount\\/coalition-summit-participating-countries", "pg:countMoreThan", "\"35.5\"^^xsd:decimal")),
            c("PeriodShape", "PeriodShape", "pg:startYear", replace("<https://w3id.org/pledgegraph/id/commitment/eu-loan-90bn#period>", "pg:startYear", "\"2026-01-01\"^^xsd:date")),
            c("EntityLinkShape", "EntityLinkShape", "pg:linkDate", "DELETE WHERE { GRAPH ?g { id:link\\/wikidata-state-france pg:linkDate ?d } }"),
            c("LinkStatusConcept", "EntityLinkShape", "pg:linkStatus", replace("id:link\\/wikidata-state-france", "pg:linkStatus", "concept:modality\\/pledged")),
            c("LinkMethodConcept", "EntityLinkShape", "pg:linkMethod", replace("id:link\\/wikidata-state-france", "pg:linkMethod", "concept:modality\\/pledged")),
            c("StatementShape", "StatementShape", "pg:speaker", "DELETE WHERE { GRAPH ?g { id:statement\\/keir-starmer-hubs pg:speaker ?s } }"),
            c("SocialMediaPostShape", "SocialMediaPostShape", "pg:onPlatform", "DELETE WHERE { GRAPH ?g { id:statement\\/antonio-costa-x-post-2026-01-06 pg:onPlatform ?p } }"),
            c("DocumentShape", "DocumentShape", "rdfs:label", "DELETE WHERE { GRAPH ?g { id:document\\/joint-declaration-paris-2026-01-06 rdfs:label ?l } }"),
            c("StanceShape", "StanceShape", "pg:stanceHolder", "DELETE WHERE { GRAPH ?g { id:stance\\/russia-rejects-foreign-troops pg:stanceHolder ?h } }"),
            c("StancePositionConcept", "StanceShape", "pg:position", replace("id:stance\\/russia-rejects-foreign-troops", "pg:position", "concept:modality\\/pledged")),
            c("AssessmentShape", "AssessmentShape", "pg:assessorText", "DELETE WHERE { GRAPH ?g { id:assessment\\/significant-step-toward-formalizing pg:assessorText ?t } }"),
            c("ActorShape", "ActorShape", "rdfs:label", insert("id:state\\/france rdfs:label \"La France\"@en")),
            c("SummitShape", "SummitShape", "pg:eventDate", replace("id:summit\\/coalition-of-the-willing-paris-2026-01-06", "pg:eventDate", "\"6 January 2026\"")),
            c("EventDatesShape", "EventDatesShape", "pg:ongoingAsOf", replace("id:event\\/russo-ukrainian-war", "pg:ongoingAsOf", "\"2026\"^^xsd:gYear")),
            c("AnnotationShape", "AnnotationShape", "oa:hasBody", "DELETE WHERE { GRAPH ?g { id:annotation\\/summit-host oa:hasBody ?b } }"),
            c("BackgroundFactShape", "BackgroundFactShape", "pg:factText", "DELETE WHERE { GRAPH ?g { id:annotation\\/background-paris-in-france pg:factText ?t } }"),
            c("SpecificResourceShape", "SpecificResourceShape", "oa:hasSelector", "DELETE WHERE { GRAPH ?g { id:annotation\\/summit-host-target oa:hasSelector id:selector\\/summit-host-position } }"),
            c("TextQuoteSelectorShape", "TextQuoteSelectorShape", "oa:exact", insert("id:selector\\/summit-host-quote oa:exact \"another\"")),
            c("TextPositionSelectorShape", "TextPositionSelectorShape", "oa:start", replace("id:selector\\/summit-host-position", "oa:start", "\"5000\"^^xsd:nonNegativeInteger")),
            c("SourceDocumentShape", "SourceDocumentShape", "pg:textFile", replace("id:source\\/coalition-summit-2026-01-07", "pg:textFile", "\"../../etc/passwd\"")),
            c("SelectorMatchesText", "SelectorMatchesText", "oa:exact", replace("id:selector\\/summit-host-quote", "oa:exact", "\"The summit, hosted by French President Emmanuel Macron at the Elysee Palace on January 6\"")),
            c("FactAnnotated", "FactAnnotated", null, insert("id:person\\/nobody a pg:Person ; rdfs:label \"Nobody\"@en")),
            c("OccurrenceShape", "OccurredOnShape", "pg:occurredOn", occurrence("id:occurrence\\/bad", "\"notadate\"^^xsd:date", "pg:EntryIntoForce")),
            c("OccurredOnShape", "OccurredOnShape", "pg:occurredOn", occurrence("id:occurrence\\/bad", "\"2026-06-01\"", "pg:EntryIntoForce")),
            c("OccurrenceOfShape", "OccurrenceOfShape", "pg:occurrenceOf", "INSERT DATA { GRAPH " + EVENT_GRAPH + " { id:occurrence\\/bad a pg:Occurrence , pg:EntryIntoForce ; pg:occurredOn \"2026-06-01\"^^xsd:date } }"),
            c("OccurrenceKindShape", "OccurrenceKindShape", "rdf:type", occurrence("id:occurrence\\/bad", "\"2026-06-01\"^^xsd:date", "pg:Occurrence")),
            c("OneOccurrencePerKindShape", "OneOccurrencePerKindShape", null,
                    occurrence("id:occurrence\\/first", "\"2026-06-01\"^^xsd:date", "pg:EntryIntoForce") + " ;\n"
                    + occurrence("id:occurrence\\/second", "\"2026-06-02\"^^xsd:date", "pg:EntryIntoForce")),
            c("OccurrenceMakesSense", "OccurrenceMakesSense", null, occurrence("id:occurrence\\/bad", "\"2025-06-01\"^^xsd:date", "pg:EntryIntoForce")));
    }

    private static Case c(String covers, String reported, String path, String update) {
        return new Case(covers, reported, path, update);
    }

    private static String insert(String triples) {
        return "INSERT DATA { GRAPH " + SOURCE + " { " + triples + " } }";
    }

    private static String replace(String subject, String property, String value) {
        return "DELETE { GRAPH ?g { " + subject + " " + property + " ?old } } INSERT { GRAPH ?g { " + subject + " " + property
                + " " + value + " } } WHERE { GRAPH ?g { " + subject + " " + property + " ?old } }";
    }

    private static String occurrence(String iri, String date, String kind) {
        return "INSERT DATA { GRAPH " + EVENT_GRAPH + " { " + iri + " a pg:Occurrence , " + kind
                + " ; pg:occurrenceOf id:event\\/russia-ukraine-ceasefire ; pg:occurredOn " + date + " } }";
    }

    @Test
    void theRepositoryConforms() {
        Report report = validate(repository.dataset());
        assertTrue(report.conforms(), report.text());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachShapeFailsOnItsExample(Case c) {
        DatasetGraph dsg = copy();
        UpdateExec.dataset(dsg).update(PREFIXES + c.update()).execute();
        Report report = validate(dsg);
        String shape = Report.SHAPES + c.reported();
        boolean named = report.violations().stream()
                .anyMatch(v -> v.shape().equals(shape) && (c.path() == null || c.path().equals(v.path())));
        assertTrue(named, c.covers() + ": expected a violation of pgsh:" + c.reported() + " at " + c.path() + ", got:\n" + report.text());
    }

    @Test
    void everyShapeHasAFailingExample() {
        Set<String> shapes = new TreeSet<>();
        var g = ShapesLibrary.graph();
        for (Node type : List.of(SHACL.NodeShape, SHACL.PropertyShape)) {
            g.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                if (t.getSubject().isURI()) {
                    shapes.add(t.getSubject().getURI().substring(Report.SHAPES.length()));
                }
            });
        }
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> covered.add(c.covers()));
        assertEquals(shapes, covered);
    }

    @Test
    void theLibraryListsEveryFileOfTheShapesFolder() throws IOException {
        try (Stream<Path> files = Files.list(TestStores.project().resolve("ontology/shapes"))) {
            assertEquals(new TreeSet<>(ShapesLibrary.FILES),
                    new TreeSet<>(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".ttl")).toList()));
        }
    }

    private static Report validate(DatasetGraph dsg) {
        return new Validator(SourceTexts.under(TestStores.project())).all(dsg);
    }

    private static DatasetGraph copy() {
        DatasetGraph source = repository.dataset();
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        source.find().forEachRemaining(dsg::add);
        return dsg;
    }
}
