package org.pledgegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pledgegraph.cli.PledgeGraph;

/** docs/model.md (the README's "The model" section) stays true: its outputs are what the commands print today. */
class ModelDocTest {
    static final Pattern EXAMPLE = Pattern.compile(
            "<!-- output of: pledgegraph (.+?) -->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    static String doc() {
        return Project.read(Project.ROOT.resolve("docs/model.md"));
    }

    @TestFactory
    Stream<DynamicTest> everyOutputIsWhatTheCommandPrints() {
        List<String[]> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(doc());
        while (m.find()) {
            examples.add(new String[] {m.group(1).trim(), m.group(2)});
        }
        assertTrue(examples.size() >= 2, "docs/model.md shows real output");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e[0], () ->
                assertEquals(e[1].strip(), run(e[0].split("\\s+")).strip())));
    }

    @Test
    void theDiagramsAndTheWorkedExampleArePresent() {
        String doc = doc();
        assertTrue(doc.contains("```mermaid\nclassDiagram"), "class diagram");
        assertTrue(doc.contains("```mermaid\nflowchart"), "activation diagram");
        String article = Project.read(Project.ROOT.resolve("data/sources/coalition-summit-2026-01-07.txt"));
        int start = article.indexOf("European leaders attending");
        assertEquals(28, article.codePointCount(0, start), "the worked example's offsets");
    }

    static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            assertEquals(0, PledgeGraph.commandLine().execute(args), String.join(" ", args));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
