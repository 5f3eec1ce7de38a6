package org.pledgegraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.pledgegraph.Vocab;

/**
 * Synthetic data in the shape of the article's: actors with offices, summits in cities, statements, commitments with
 * and without activation conditions (some with two, some any-of) waiting for awaited events, a few recorded
 * occurrences, and a Web Annotation tracing each statement and commitment to a source. Every IRI says "synthetic".
 * <p>
 * Deterministic: summit {@code i} is drawn from its own random stream derived from the seed, so it is the same for
 * any number of summits. For benchmarks and tests only; it must never go into {@code data/}.
 */
public final class SyntheticData {
    public static final int STATES = 50;
    public static final int PERSONS_PER_STATE = 5;
    public static final int ORGANIZATIONS = 10;
    public static final int CITIES = 80;
    /** Commitments of this many consecutive summits wait for the same ceasefire. */
    public static final int SUMMITS_PER_AWAITED_EVENT = 5;
    /** Every this many awaited events one has already entered into force in the data. */
    public static final int OCCURRED_EVERY = 10;
    public static final LocalDate FIRST_SUMMIT = LocalDate.of(2000, 1, 3);

    static final String PG = Vocab.PG;
    static final String ID = Vocab.ID;
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String[] COMMITMENT_CLASSES = {"Commitment", "SecurityGuaranteeCommitment",
            "FinancialAssistanceCommitment", "MilitaryAssistanceCommitment", "MonitoringCommitment"};

    private final long seed;
    private StreamRDF out;
    private long triples;

    public SyntheticData(long seed) {
        this.seed = seed;
    }

    /** Writes {@code summits} summits to {@code file} (N-Triples, or Turtle when it ends in .ttl); the triple count. */
    public long write(int summits, Path file) {
        RDFFormat format = file.toString().endsWith(".ttl") ? RDFFormat.TURTLE_BLOCKS : RDFFormat.NTRIPLES;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            return write(summits, StreamRDFWriter.getWriterStream(os, format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long write(int summits, StreamRDF stream) {
        out = stream;
        triples = 0;
        out.start();
        Vocab.PREFIXES.getNsPrefixMap().forEach(out::prefix);
        actors();
        int events = (summits + SUMMITS_PER_AWAITED_EVENT - 1) / SUMMITS_PER_AWAITED_EVENT;
        for (int k = 0; k < events; k++) {
            describeAwaitedEvent(k);
        }
        for (int i = 0; i < summits; i++) {
            summit(i);
        }
        out.finish();
        return triples;
    }

    /** The awaited event the commitments of summit {@code i} wait for. */
    public static String awaitedEvent(int summit) {
        return ID + "event/synthetic-ceasefire-" + (summit / SUMMITS_PER_AWAITED_EVENT);
    }

    /** Whether the data already records the entry into force of awaited event {@code k}. */
    public static boolean occurred(int k) {
        return k % OCCURRED_EVERY == OCCURRED_EVERY - 1;
    }

    public static LocalDate summitDate(int i) {
        return FIRST_SUMMIT.plusDays(2L * i);
    }

    private void actors() {
        // The shapes ask every post for its org:Role: the synthetic data brings its own two.
        Node headOfGovernment = id("role", "synthetic-head-of-government");
        Node envoy = id("role", "synthetic-envoy");
        add(headOfGovernment, RDF.type.asNode(), iri(ORG + "Role"));
        add(headOfGovernment, RDFS.label.asNode(), en("synthetic head of government"));
        add(envoy, RDF.type.asNode(), iri(ORG + "Role"));
        add(envoy, RDFS.label.asNode(), en("synthetic envoy"));
        for (int s = 0; s < STATES; s++) {
            Node state = id("state", "synthetic-state-" + s);
            add(state, RDF.type.asNode(), pg("State"));
            add(state, RDFS.label.asNode(), en("Synthetic State " + s));
            for (int p = 0; p < PERSONS_PER_STATE; p++) {
                Node person = id("person", "synthetic-person-" + s + "-" + p);
                Node post = id("post", "synthetic-post-" + s + "-" + p);
                add(person, RDF.type.asNode(), pg("Person"));
                add(person, RDFS.label.asNode(), en("Synthetic Person " + s + "-" + p));
                add(post, RDF.type.asNode(), iri(ORG + "Post"));
                add(post, RDFS.label.asNode(), en(p == 0 ? "Head of government of State " + s : "Envoy " + p + " of State " + s));
                add(post, iri(ORG + "role"), p == 0 ? headOfGovernment : envoy);
                add(post, iri(ORG + "postIn"), state);
                add(post, iri(ORG + "heldBy"), person);
            }
        }
        for (int o = 0; o < ORGANIZATIONS; o++) {
            Node org = id("organization", "synthetic-organization-" + o);
            add(org, RDF.type.asNode(), pg("Organization"));
            add(org, RDFS.label.asNode(), en("Synthetic Organization " + o));
        }
        for (int c = 0; c < CITIES; c++) {
            Node city = id("city", "synthetic-city-" + c);
            add(city, RDF.type.asNode(), pg("City"));
            add(city, RDFS.label.asNode(), en("Synthetic City " + c));
            add(city, pg("locatedIn"), id("state", "synthetic-state-" + (c % STATES)));
        }
    }

    private void describeAwaitedEvent(int k) {
        Node event = id("event", "synthetic-ceasefire-" + k);
        add(event, RDF.type.asNode(), pg("Ceasefire"));
        add(event, RDFS.label.asNode(), en("Synthetic ceasefire " + k));
        if (occurred(k)) {
            // Recorded as 'event add' records it, so status queries meet active commitments too.
            Node occurrence = id("occurrence", "synthetic-ceasefire-" + k + "-entry-into-force");
            LocalDate on = summitDate((k + 1) * SUMMITS_PER_AWAITED_EVENT).plusDays(30);
            add(occurrence, RDF.type.asNode(), pg("Occurrence"));
            add(occurrence, RDF.type.asNode(), pg("EntryIntoForce"));
            add(occurrence, pg("occurrenceOf"), event);
            add(occurrence, pg("occurredOn"), date(on));
        }
    }

    private void summit(int i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        LocalDate day = summitDate(i);
        Node summit = id("summit", "synthetic-summit-" + i);
        Node source = id("source", "synthetic-source-" + i);
        Node declaration = id("document", "synthetic-declaration-" + i);
        Node host = person(r);
        add(summit, RDF.type.asNode(), pg("Summit"));
        add(summit, RDFS.label.asNode(), en("Synthetic summit " + i));
        add(summit, pg("eventDate"), date(day));
        add(summit, pg("inCity"), id("city", "synthetic-city-" + r.nextInt(CITIES)));
        add(summit, pg("hostedBy"), host);
        int participants = 4 + r.nextInt(5);
        for (int p = 0; p < participants; p++) {
            add(summit, pg("hasParticipant"), person(r));
        }
        add(source, RDF.type.asNode(), pg("NewsArticle"));
        add(source, RDFS.label.asNode(), en("Synthetic report on summit " + i));
        add(source, pg("publicationDate"), date(day.plusDays(1)));
        add(declaration, RDF.type.asNode(), pg("JointDeclaration"));
        add(declaration, RDFS.label.asNode(), en("Synthetic joint declaration of summit " + i));
        add(declaration, pg("madeAt"), summit);
        add(declaration, prov("wasDerivedFrom"), source);

        Node[] statements = new Node[3];
        for (int j = 0; j < statements.length; j++) {
            Node st = id("statement", "synthetic-" + i + "-" + j);
            statements[j] = st;
            add(st, RDF.type.asNode(), pg("Statement"));
            add(st, RDFS.label.asNode(), en("Statement " + j + " at synthetic summit " + i));
            add(st, pg("speaker"), j == 0 ? host : person(r));
            add(st, pg("statementDate"), date(day));
            add(st, pg("concerns"), summit);
            add(st, pg("quote"), NodeFactory.createLiteralString("We stand ready to act, said speaker " + j + " at summit " + i + "."));
            add(st, prov("wasDerivedFrom"), source);
            annotate(st, source, "synthetic-" + i + "-s" + j, r);
        }
        int commitments = 6;
        for (int j = 0; j < commitments; j++) {
            commitment(i, j, r, summit, source, statements[r.nextInt(statements.length)], day);
        }
    }

    private void commitment(int i, int j, SplittableRandom r, Node summit, Node source, Node statement, LocalDate day) {
        String slug = "synthetic-" + i + "-" + j;
        Node c = id("commitment", slug);
        add(c, RDF.type.asNode(), pg(COMMITMENT_CLASSES[r.nextInt(COMMITMENT_CLASSES.length)]));
        add(c, RDFS.label.asNode(), en("Synthetic commitment " + j + " of summit " + i));
        int guarantors = 1 + r.nextInt(3);
        for (int g = 0; g < guarantors; g++) {
            add(c, pg("committedBy"), r.nextInt(4) == 0 ? id("organization", "synthetic-organization-" + r.nextInt(ORGANIZATIONS))
                    : id("state", "synthetic-state-" + r.nextInt(STATES)));
        }
        add(c, pg("beneficiary"), id("state", "synthetic-state-" + r.nextInt(STATES)));
        add(c, pg("madeAt"), summit);
        add(c, pg("statedIn"), statement);
        add(c, pg("dateMade"), r.nextInt(10) == 0
                ? NodeFactory.createLiteralDT(day.toString().substring(0, 7), XSDDatatype.XSDgYearMonth) : date(day));
        add(c, pg("descriptionText"), NodeFactory.createLiteralString("commitment " + j + " made at summit " + i));
        add(c, prov("wasDerivedFrom"), source);
        annotate(c, source, slug, r);

        int shape = r.nextInt(20);
        Node awaited = iri(awaitedEvent(i));
        if (shape < 8) {            // 40 % one condition
            add(c, pg("hasActivationCondition"), condition(slug + "-ceasefire", awaited, r));
        } else if (shape < 10) {    // 10 % two conditions, the second on a later ceasefire
            add(c, pg("hasActivationCondition"), condition(slug + "-ceasefire", awaited, r));
            add(c, pg("hasActivationCondition"), condition(slug + "-later", iri(awaitedEvent(i + SUMMITS_PER_AWAITED_EVENT)), r));
        } else if (shape < 11) {    // 5 % any-of
            Node any = id("condition", slug + "-either");
            add(any, RDF.type.asNode(), pg("AnyOfCondition"));
            add(any, pg("conditionText"), NodeFactory.createLiteralString("a ceasefire or the next one, whichever comes first"));
            add(any, pg("anyOf"), condition(slug + "-either-a", awaited, r));
            add(any, pg("anyOf"), condition(slug + "-either-b", iri(awaitedEvent(i + SUMMITS_PER_AWAITED_EVENT)), r));
            add(c, pg("hasActivationCondition"), any);
        } else if (shape == 19 && i % 3 == 0) {  // a few unconditional ones are withdrawn a year on
            Node w = id("occurrence", slug + "-withdrawal");
            add(w, RDF.type.asNode(), pg("Occurrence"));
            add(w, RDF.type.asNode(), pg("Withdrawal"));
            add(w, pg("occurrenceOf"), c);
            add(w, pg("occurredOn"), date(day.plusDays(365)));
        }
    }

    private Node condition(String slug, Node awaited, SplittableRandom r) {
        Node cond = id("condition", slug);
        add(cond, RDF.type.asNode(), pg("ActivationCondition"));
        add(cond, pg("conditionText"), NodeFactory.createLiteralString("once a ceasefire enters into force"));
        add(cond, pg("awaitsEventType"), pg("EntryIntoForce"));
        add(cond, pg("awaitsEvent"), awaited);
        add(cond, pg("conditionBasis"), id("concept", r.nextInt(4) == 0 ? "condition-basis/implied" : "condition-basis/stated"));
        return cond;
    }

    private void annotate(Node body, Node source, String slug, SplittableRandom r) {
        Node annotation = id("annotation", slug);
        Node target = id("annotation", slug + "-target");
        Node quote = id("selector", slug + "-quote");
        Node position = id("selector", slug + "-position");
        int start = r.nextInt(5000);
        add(annotation, RDF.type.asNode(), iri(OA + "Annotation"));
        add(annotation, iri(OA + "hasBody"), body);
        add(annotation, iri(OA + "hasTarget"), target);
        add(target, RDF.type.asNode(), iri(OA + "SpecificResource"));
        add(target, iri(OA + "hasSource"), source);
        add(target, iri(OA + "hasSelector"), quote);
        add(target, iri(OA + "hasSelector"), position);
        add(quote, RDF.type.asNode(), iri(OA + "TextQuoteSelector"));
        add(quote, iri(OA + "exact"), NodeFactory.createLiteralString("stand ready to commit " + slug));
        add(quote, iri(OA + "prefix"), NodeFactory.createLiteralString("We "));
        add(quote, iri(OA + "suffix"), NodeFactory.createLiteralString(" once"));
        add(position, RDF.type.asNode(), iri(OA + "TextPositionSelector"));
        add(position, iri(OA + "start"), NodeFactory.createLiteralDT(Integer.toString(start), XSDDatatype.XSDnonNegativeInteger));
        add(position, iri(OA + "end"), NodeFactory.createLiteralDT(Integer.toString(start + 40), XSDDatatype.XSDnonNegativeInteger));
    }

    private Node person(SplittableRandom r) {
        return id("person", "synthetic-person-" + r.nextInt(STATES) + "-" + r.nextInt(PERSONS_PER_STATE));
    }

    private void add(Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
        triples++;
    }

    private static Node id(String kind, String slug) {
        return NodeFactory.createURI(ID + kind + "/" + slug);
    }

    private static Node pg(String local) {
        return NodeFactory.createURI(PG + local);
    }

    private static Node prov(String local) {
        return NodeFactory.createURI(PROV + local);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    static Node date(LocalDate d) {
        return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }
}
