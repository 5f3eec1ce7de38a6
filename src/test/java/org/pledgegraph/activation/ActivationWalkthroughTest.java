package org.pledgegraph.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgegraph.cli.PledgeGraph;

/**
 * docs/activation.md stays true: its walk-through ({@code $ pledgegraph ARGS} blocks, in order, on one store) prints
 * today exactly what the page shows, exit code included. The page's store was /tmp/docstore; here it is a temp folder.
 */
class ActivationWalkthroughTest {
    static final Pattern STEP = Pattern.compile("```text\\n\\$ pledgegraph (.+?)\\n(.*?)```", Pattern.DOTALL);
    static final String DOC_STORE = "/tmp/docstore";

    @TempDir
    Path dir;

    @Test
    void everyStepPrintsWhatThePageShows() throws IOException {
        String page = Files.readString(Path.of("docs/activation.md"), StandardCharsets.UTF_8);
        Path store = dir.resolve("store");
        Matcher m = STEP.matcher(page);
        int steps = 0;
        while (m.find()) {
            List<String> args = new ArrayList<>(List.of(words(m.group(1))));
            args.addAll(List.of("--store", store.toString()));
            // CSV ends its lines with CRLF; the page, like a terminal, shows plain line ends.
            String printed = run(args.toArray(String[]::new)).replace(store.toString(), DOC_STORE).replace("\r\n", "\n");
            assertEquals(m.group(2).strip(), printed.strip(), "pledgegraph " + m.group(1));
            steps++;
        }
        assertEquals(15, steps, "the page's walk-through steps, every one run");
    }

    /** Splits like a shell: on spaces, except inside single or double quotes. */
    static String[] words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words.toArray(String[]::new);
    }

    /** Standard output and error as a terminal shows them, then {@code [exit N]}, as the page writes it. */
    private static String run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            System.setErr(both);
            var cli = PledgeGraph.commandLine();
            cli.setOut(new PrintWriter(both, true));
            cli.setErr(new PrintWriter(both, true));
            int exit = cli.execute(args);
            both.flush();
            return buffer.toString(StandardCharsets.UTF_8) + "[exit " + exit + "]\n";
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
