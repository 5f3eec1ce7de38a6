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
 * Measured two ways, one after the other in this JVM:
 * <ul>
 * <li>incremental: an InfModel over the data is built, prepared and asked the question once before the occurrence
 * (not timed: a reasoner-backed store keeps its InfModel, warm); then the occurrence is added to it (Jena's forward
 * engine absorbs additions without starting over, its backward engine drops its tabled answers) and the question
 * asked. This is the reasoner's best case for "record, then ask".</li>
 * <li>rebuild: then, in the same warm JVM, a new InfModel over the data with the occurrence, prepared, and the
 * question asked: what a store that re-derives everything on every change does.</li>
 * </ul>
 * Prints one line: {@code BASELINE parse_ms=.. incremental_ms=.. rebuild_ms=.. active=.. fingerprint=..
 * rebuild_active=.. rebuild_fingerprint=..}.
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
        long parseMs = (System.nanoTime() - t0) / 1_000_000;

        InfModel kept = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), base);
        kept.prepare();
        // Warm-up, untimed: the same question before the occurrence, so that the JIT has compiled the query path, as
        // our side's warm-up rounds do. Adding a triple resets the reasoner's tabled answers, so nothing carries over.
        ask(kept, asOf);
        long t1 = System.nanoTime();
        for (Triple t : occurrence(event, on)) {
            kept.getGraph().add(t);
        }
        List<String> active = ask(kept, asOf);
        long incrementalMs = (System.nanoTime() - t1) / 1_000_000;
        kept = null; // not closed: closing an InfModel closes the data graph under it

        // The data model now holds the occurrence too (the InfModel wrote it through).
        long t2 = System.nanoTime();
        InfModel rebuilt = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), base);
        rebuilt.prepare();
        List<String> again = ask(rebuilt, asOf);
        long rebuildMs = (System.nanoTime() - t2) / 1_000_000;

        System.out.printf("BASELINE parse_ms=%d incremental_ms=%d rebuild_ms=%d active=%d fingerprint=%s rebuild_active=%d "
                + "rebuild_fingerprint=%s%n", parseMs, incrementalMs, rebuildMs, active.size(), ActiveQuestion.fingerprint(active),
                again.size(), ActiveQuestion.fingerprint(again));
    }

    private static List<Triple> occurrence(Node event, LocalDate on) {
        Node occurrence = Vocab.iri(Vocab.ID + "occurrence/baseline-entry-into-force");
        return List.of(
                Triple.create(occurrence, RDF.type.asNode(), Vocab.iri(Vocab.PG + "Occurrence")),
                Triple.create(occurrence, RDF.type.asNode(), Vocab.iri(Vocab.PG + "EntryIntoForce")),
                Triple.create(occurrence, Vocab.iri(Vocab.PG + "occurrenceOf"), event),
                Triple.create(occurrence, Vocab.iri(Vocab.PG + "occurredOn"), SyntheticData.date(on)));
    }

    private static List<String> ask(InfModel inf, LocalDate asOf) {
        List<String> active = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.create(ActiveQuestion.sparql(asOf), inf)) {
            exec.execSelect().forEachRemaining(row -> active.add(row.getResource("c").getURI()));
        }
        return active;
    }
}
