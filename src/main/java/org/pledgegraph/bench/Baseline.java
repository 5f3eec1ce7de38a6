package org.pledgegraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.pledgegraph.Vocab;

/**
 * The baseline: Jena's OWLMicro reasoner over the same ontology and data, plus the same recorded occurrence, asked
 * the same activation question. Runs in its own JVM so that the benchmark can stop it at the stated bound.
 * Prints one line: {@code BASELINE parse_ms=.. answer_ms=.. active=.. fingerprint=..}; answer_ms covers building the
 * InfModel, its forward inference and the query, i.e. what a reasoner-backed store does when an event is recorded.
 */
public final class Baseline {
    private Baseline() {}

    /** Arguments: data file, ontology folder, awaited event IRI, date it entered into force, date asked. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path ontology = Path.of(args[1]);
        Node event = Vocab.iri(args[2]);
        LocalDate on = LocalDate.parse(args[3]);
        LocalDate asOf = LocalDate.parse(args[4]);

        long t0 = System.nanoTime();
        Model base = ModelFactory.createDefaultModel();
        Graph g = base.getGraph();
        try (Stream<Path> files = Files.list(ontology)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
                RDFParser.source(f).parse(g);
            }
        }
        RDFParser.source(data).parse(g);
        Node occurrence = Vocab.iri(Vocab.ID + "occurrence/baseline-entry-into-force");
        g.add(Triple.create(occurrence, RDF.type.asNode(), Vocab.iri(Vocab.PG + "Occurrence")));
        g.add(Triple.create(occurrence, RDF.type.asNode(), Vocab.iri(Vocab.PG + "EntryIntoForce")));
        g.add(Triple.create(occurrence, Vocab.iri(Vocab.PG + "occurrenceOf"), event));
        g.add(Triple.create(occurrence, Vocab.iri(Vocab.PG + "occurredOn"), SyntheticData.date(on)));
        long t1 = System.nanoTime();

        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), base);
        inf.prepare();
        List<String> active = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.create(ActiveQuestion.sparql(asOf), inf)) {
            exec.execSelect().forEachRemaining(row -> active.add(row.getResource("c").getURI()));
        }
        long t2 = System.nanoTime();
        System.out.printf("BASELINE parse_ms=%d answer_ms=%d active=%d fingerprint=%s%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, active.size(), ActiveQuestion.fingerprint(active));
    }
}
