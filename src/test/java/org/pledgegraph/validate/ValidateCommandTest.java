package org.pledgegraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.Cli;
import org.pledgegraph.support.TestFiles;

/** {@code validate} passes on the repository, and on a broken copy names file:line, node, path, message and shape. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void theRepositoryValidates() {
        Cli.Run r = Cli.run("validate");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("conforms: no violations\n", r.out());
    }

    private Path brokenCopy() throws IOException {
        Path project = dir.resolve("project");
        TestFiles.copyTree(Path.of("ontology"), project.resolve("ontology"));
        TestFiles.copyTree(Path.of("data"), project.resolve("data"));
        Path source = project.resolve("data/sources/coalition-summit-2026-01-07.ttl");
        String ttl = Files.readString(source);
        // The loan's modality becomes a purpose, and a selector's end moves by one code point.
        ttl = ttl.replace("    pg:modality modality:agreed ;\n    pg:dateMade \"2025-12\"^^xsd:gYearMonth ;",
                "    pg:modality purpose:deterrence ;\n    pg:dateMade \"2025-12\"^^xsd:gYearMonth ;");
        ttl = ttl.replace("    oa:start \"0\"^^xsd:nonNegativeInteger ;\n    oa:end \"25\"^^xsd:nonNegativeInteger .",
                "    oa:start \"0\"^^xsd:nonNegativeInteger ;\n    oa:end \"26\"^^xsd:nonNegativeInteger .");
        Files.writeString(source, ttl);
        return project;
    }

    @Test
    void aBrokenCopyIsReportedWithFileAndLine() throws IOException {
        Path project = brokenCopy();
        String ttl = Files.readString(project.resolve("data/sources/coalition-summit-2026-01-07.ttl"));
        int loan = line(ttl, "commitment:eu-loan-90bn a pg:LoanCommitment");
        int quote = line(ttl, "<https://w3id.org/pledgegraph/id/selector/article-dateline-quote> a");

        Cli.Run r = Cli.run("validate", "--project", project.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("2 violations:\n"), r.out());
        assertTrue(r.out().contains("data/sources/coalition-summit-2026-01-07.ttl:" + loan + ": commitment:eu-loan-90bn pg:modality: "), r.out());
        assertTrue(r.out().contains("ModalityConcept") && r.out().contains("[pgsh:CommitmentShape]"), r.out());
        assertTrue(r.out().contains("data/sources/coalition-summit-2026-01-07.ttl:" + quote + ": selector:article-dateline-quote oa:exact: "
                + "the text at 0..26 of data/sources/coalition-summit-2026-01-07.txt is \"BRUSSELS, January 7, 2026 \", not "
                + "\"BRUSSELS, January 7, 2026\" [pgsh:SelectorMatchesText]"), r.out());
    }

    @Test
    void theTurtleReportIsAShaclReportWithWhereEachNodeWasWritten() throws IOException {
        Path project = brokenCopy();
        Cli.Run r = Cli.run("validate", "--project", project.toString(), "--format", "ttl");
        assertEquals(1, r.exit());
        Graph report = RDFParser.fromString(r.out(), Lang.TURTLE).toGraph();
        Node root = report.find(Node.ANY, RDF.type.asNode(), SHACL.ValidationReport).next().getSubject();
        assertTrue(report.contains(root, SHACL.conforms, org.apache.jena.graph.NodeFactory.createLiteralByValue(false)));
        assertEquals(2, report.find(root, SHACL.result, Node.ANY).toList().size());
        assertTrue(report.contains(Node.ANY, SHACL.sourceShape, Vocab.iri(Report.SHAPES + "SelectorMatchesText")));
        assertTrue(report.find(Node.ANY, Vocab.iri(Report.SHAPES + "writtenAt"), Node.ANY).toList().stream()
                .allMatch(t -> t.getObject().getLiteralLexicalForm().startsWith("data/sources/coalition-summit-2026-01-07.ttl:")));
    }

    private static int line(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
