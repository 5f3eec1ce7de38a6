package org.pledgegraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pledgegraph.cli.PledgeGraph;

/**
 * README stays true: every block introduced by {@code <!-- output of: pledgegraph ARGS -->} is exactly what the
 * command line prints for ARGS today (run in this JVM against an in-memory store loaded from the repository).
 */
class ReadmeExamplesTest {
    static final Pattern EXAMPLE = Pattern.compile("<!-- output of: pledgegraph (.+?) -->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    record Example(String args, String expected) {}

    static List<Example> examples() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(readme);
        while (m.find()) {
            examples.add(new Example(m.group(1).trim(), m.group(2)));
        }
        return examples;
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeExampleIsWhatTheCommandPrints() throws IOException {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 3, "README shows command output");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.args(), () -> {
            assertTrue(e.args().contains("--mem") || e.args().contains("--help"), "examples run on --mem stores: " + e.args());
            assertEquals(e.expected().strip(), run(words(e.args())).strip());
        }));
    }

    /** Splits like a shell: on spaces, except inside single quotes. */
    static String[] words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            int exit = PledgeGraph.commandLine().execute(args);
            assertEquals(0, exit, "exit code of " + String.join(" ", args));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
