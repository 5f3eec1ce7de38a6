package org.pledgegraph.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.Vocab;
import org.pledgegraph.support.Cli;

/** `pledgegraph link wikidata` against the replay server: each reconciliation case, and each way Wikidata can fail. */
class LinkWikidataTest {
    static final Node LINKS = Vocab.iri(Vocab.linksGraph("wikidata"));
    static final String ID = Vocab.ID;

    @TempDir
    Path tmp;

    ReplayServer wikidata;
    ReplayProject project;

    @BeforeEach
    void start() throws Exception {
        wikidata = new ReplayServer();
        project = new ReplayProject(tmp);
        assertEquals(0, project.run("load").exit());
    }

    @AfterEach
    void stop() {
        wikidata.close();
    }

    static boolean sameAs(DatasetGraph dsg, String entity, String qid) {
        return dsg.contains(LINKS, Vocab.iri(ID + entity), OWL.sameAs.asNode(), Vocab.iri(LinkRecord.WD + qid));
    }

    static long sameAsCount(DatasetGraph dsg) {
        return dsg.stream(LINKS, Node.ANY, OWL.sameAs.asNode(), Node.ANY).count();
    }

    @Test
    void linksOnlyTheUniqueMatchesAndPrintsTheRestForReview() {
        Cli.Run run = project.link(wikidata, "wikidata");
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        // Unique match: two humans called Ada Example, only one held the office our data gives her.
        assertTrue(out.contains("linked     person:ada-example") && out.contains("wd:Q900000101"), out);
        // Our label is not Wikidata's (as Türkiye / "Turkey"): found through the alias, score 0.8.
        assertTrue(out.contains("linked     state:exampliye") && out.contains("wd:Q900000131 \"Examplia\""), out);
        assertTrue(out.contains("ambiguous  city:twin-city") && out.contains("wd:Q900000111") && out.contains("wd:Q900000112"), out);
        assertTrue(out.contains("missed     venue:nowhere-hall") && out.contains("no search result"), out);
        assertTrue(out.contains("missed     organization:example-alliance") && out.contains("type mismatch"), out);
        assertFalse(out.contains("example-treaty-organization"), "an entity already linked is not reconciled again: " + out);
        assertTrue(out.contains("5 entities without a link: 2 linked, 1 ambiguous, 2 missed"), out);

        project.read(dsg -> {
            assertTrue(sameAs(dsg, "person/ada-example", "Q900000101"));
            assertTrue(sameAs(dsg, "state/exampliye", "Q900000131"));
            assertEquals(3, sameAsCount(dsg), "the two new links and the one from the file, nothing for the review cases");
            Node record = Vocab.iri(ID + "link/wikidata-person-ada-example");
            assertTrue(dsg.contains(LINKS, record, Vocab.iri(Vocab.PG + "linkMethod"), Vocab.iri(ID + "concept/link-method/reconciled")));
            assertTrue(dsg.stream(LINKS, record, Vocab.iri(Vocab.PG + "linkEvidence"), Node.ANY)
                    .anyMatch(q -> q.getObject().getLiteralLexicalForm().contains("action=wbgetentities")));
            assertTrue(dsg.stream(LINKS, record, Vocab.iri(Vocab.PG + "matchedDescription"), Node.ANY).findAny().isPresent());
            return null;
        });
        assertTrue(wikidata.userAgents().stream().allMatch(ua -> ua.startsWith("pledgegraph/0.1 (https://w3id.org/pledgegraph;")),
                wikidata.userAgents().toString());
    }

    @Test
    void theEvidenceIsTheRequestsActuallyMadeInTheirOrder() {
        assertEquals(0, project.link(wikidata, "wikidata").exit());
        Node record = Vocab.iri(ID + "link/wikidata-person-ada-example");
        String evidence = project.read(dsg -> dsg.stream(LINKS, record, Vocab.iri(Vocab.PG + "linkEvidence"), Node.ANY)
                .findFirst().orElseThrow().getObject().getLiteralLexicalForm());
        String prefix = "Wikidata API answers to: ";
        assertTrue(evidence.startsWith(prefix), evidence);
        List<String> urls = List.of(evidence.substring(prefix.length()).split(" ; "));
        String origin = wikidata.apiUrl().substring(0, wikidata.apiUrl().indexOf("/w/api.php"));
        List<String> asked = wikidata.requests().stream().map(r -> origin + r).toList();
        // Her label search, her candidates' entities, then their positions: three requests, one after the other.
        assertEquals(3, urls.size(), evidence);
        assertTrue(Collections.indexOfSubList(asked, urls) >= 0, "evidence " + urls + " is not what was asked: " + asked);
        assertTrue(urls.get(0).contains("action=wbsearchentities&search=Ada+Example"), urls.get(0));
    }

    @Test
    void reconciledLinksSurviveAReloadAndAreNotAskedForAgain() {
        assertEquals(0, project.link(wikidata, "wikidata").exit());
        assertTrue(project.linkFile().contains("<https://w3id.org/pledgegraph/id/person/ada-example> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q900000101>"),
                project.linkFile());
        assertEquals(0, project.run("load").exit(), "load rebuilds links/wikidata from the file");
        project.read(dsg -> {
            assertTrue(sameAs(dsg, "person/ada-example", "Q900000101"));
            assertTrue(sameAs(dsg, "state/exampliye", "Q900000131"));
            return null;
        });
        Cli.Run again = project.link(wikidata, "wikidata");
        assertTrue(again.out().contains("3 entities without a link: 0 linked, 1 ambiguous, 2 missed"), again.out());
    }

    @Test
    void theVoidLinkCountsFollowTheLinksInTheStoreAndInTheFile() {
        ReplayProject withVoid = new ReplayProject(tmp.resolve("with-void")).withRepositoryVoid();
        assertEquals(0, withVoid.run("load").exit());
        String voidBefore = withVoid.file(ReplayProject.VOID);
        Cli.Run run = withVoid.link(wikidata, "wikidata");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2 linked") && run.out().contains("VoID link counts updated"), run.out());
        Node candidate = Vocab.iri(Vocab.PG + "candidateMatch");
        withVoid.read(dsg -> {
            assertEquals(3, sameAsCount(dsg), "the link of the file and the two reconciled");
            assertEquals(sameAsCount(dsg), VoidTest.declared(dsg, OWL.sameAs.asNode()));
            assertEquals(VoidTest.count(dsg, candidate), VoidTest.declared(dsg, candidate));
            return null;
        });
        // The file says the same, and only the numbers changed: the repository's counts (21 and 1) were not this
        // project's, so both follow its links now.
        assertEquals(voidBefore.replace("void:triples 21 ;", "void:triples 3 ;").replace("void:triples 1 ;", "void:triples 0 ;"),
                withVoid.file(ReplayProject.VOID));
        assertEquals(0, withVoid.run("load").exit());
        withVoid.read(dsg -> {
            assertEquals(3, VoidTest.declared(dsg, OWL.sameAs.asNode()), "load reads the rewritten count");
            return null;
        });
    }

    @Test
    void aLinkFileThatCannotBeWrittenLeavesTheStoreAndTheFilesAsTheyWere() throws Exception {
        ReplayProject withVoid = new ReplayProject(tmp.resolve("with-void")).withRepositoryVoid();
        assertEquals(0, withVoid.run("load").exit());
        Map<String, Long> before = withVoid.graphSizes();
        String voidBefore = withVoid.file(ReplayProject.VOID);
        // A folder (not empty) where data/links/wikidata.ttl should be: the new content is written beside it, then
        // cannot be moved into place, inside the store's transaction.
        Path links = withVoid.dir.resolve(LinkFile.RELATIVE);
        Files.delete(links);
        Files.createDirectories(links.resolve("kept"));
        Cli.Run run = withVoid.link(wikidata, "wikidata");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("cannot write " + links) && run.err().contains("the store and the files are unchanged"),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertEquals(before, withVoid.graphSizes());
        withVoid.read(dsg -> {
            assertEquals(1, sameAsCount(dsg), "no reconciled link in the store");
            assertEquals(21, VoidTest.declared(dsg, OWL.sameAs.asNode()), "the VoID graph as it was");
            return null;
        });
        assertTrue(Files.isDirectory(links.resolve("kept")));
        assertEquals(voidBefore, withVoid.file(ReplayProject.VOID));
        assertEquals(List.of(), withVoid.tempFiles("data/links"));
        assertEquals(List.of(), withVoid.tempFiles("data"));
    }

    @Test
    void dryRunWritesNothing() {
        Map<String, Long> before = project.graphSizes();
        String file = project.linkFile();
        Cli.Run run = project.link(wikidata, "wikidata", "--dry-run");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("2 linked") && run.out().contains("dry run: nothing written"), run.out());
        assertEquals(before, project.graphSizes());
        assertEquals(file, project.linkFile());
    }

    @Test
    void minScoreDropsTheAliasMatch() {
        Cli.Run run = project.link(wikidata, "wikidata", "--dry-run", "--min-score", "0.9");
        assertTrue(run.out().contains("missed     state:exampliye") && run.out().contains("below score 0.9"), run.out());
        assertTrue(run.out().contains("linked     person:ada-example"), run.out());
    }

    @Test
    void anHttpErrorExitsOneAndLeavesStoreAndFileUnchanged() {
        Map<String, Long> before = project.graphSizes();
        String file = project.linkFile();
        wikidata.alwaysAnswer(new ReplayServer.Scripted(503, "", Map.of("Retry-After", "0"), 0));
        Cli.Run run = project.link(wikidata, "wikidata");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("HTTP 503") && run.err().contains("after 5 attempts"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertEquals(before, project.graphSizes());
        assertEquals(file, project.linkFile());
    }

    @Test
    void aTimeoutExitsOneAndLeavesTheStoreUnchanged() {
        Map<String, Long> before = project.graphSizes();
        wikidata.alwaysAnswer(new ReplayServer.Scripted(200, "{}", Map.of(), 4000));
        Cli.Run run = project.link(wikidata, "wikidata");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("did not answer") && run.err().contains("within 2 s"), run.err());
        assertEquals(before, project.graphSizes());
    }

    @Test
    void tooManyRequestsWithRetryAfterIsHonouredThenSucceeds() {
        wikidata.script(new ReplayServer.Scripted(429, "", Map.of("Retry-After", "1"), 0));
        long start = System.nanoTime();
        Cli.Run run = project.link(wikidata, "wikidata");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2 linked"), run.out());
        var times = wikidata.requestTimes();
        assertTrue(times.get(1) - times.get(0) >= 1_000_000_000L, "the retry came before Retry-After: 1 had passed");
        assertTrue(System.nanoTime() - start >= 1_000_000_000L);
        assertEquals(wikidata.requests().get(0), wikidata.requests().get(1), "the same request is retried");
    }

    @Test
    void aMalformedJsonBodyExitsOneWithAClearMessage() {
        Map<String, Long> before = project.graphSizes();
        wikidata.script(new ReplayServer.Scripted(200, "{\"searchinfo\": {\"search\": \"Ada Example\"}, \"search\": [", Map.of(), 0));
        Cli.Run run = project.link(wikidata, "wikidata");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("pledgegraph: Wikidata sent malformed JSON from http://127.0.0.1:"), run.err());
        assertEquals(before, project.graphSizes());
    }

    @Test
    void requestsAreSpacedByTheRateLimit() {
        Cli.Run run = project.run("link", "wikidata", "--dry-run", "--api-url", wikidata.apiUrl(),
                "--interval", "150");
        assertEquals(0, run.exit(), run.err());
        var times = wikidata.requestTimes();
        assertTrue(times.size() > 5);
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) - times.get(i - 1) >= 140_000_000L, "requests " + (i - 1) + " and " + i + " too close");
        }
    }
}
