package org.pledgegraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a baseline's program (tdb2.tdbloader, Oxigraph) to its end or to a time bound, and keeps what it printed. */
final class BoundedProcess {
    private BoundedProcess() {}

    /** Its output lines (standard error merged), with a last line saying so when the bound stopped it. */
    static List<String> run(List<String> command, long boundSeconds) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(output::add);
            } catch (IOException ignored) {
                // stopped
            }
        });
        reader.start();
        try {
            if (!process.waitFor(boundSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                output.add("did not finish within " + boundSeconds + " s");
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return output;
    }
}
