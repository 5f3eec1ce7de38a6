package org.pledgegraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.pledgegraph.UserException;

/**
 * The baseline server: plain Fuseki from Apache's {@code jena-fuseki-server} jar, of the same Jena version as ours,
 * serving a TDB2 store with its union default graph (as pledgegraph serves it). The jar comes from Maven Central by
 * {@code mvn dependency:copy} into a cache folder, once.
 */
public final class PlainFuseki {
    public static final String DATASET = "pledgegraph";

    private PlainFuseki() {}

    /** The Jena version on our class path (from jena-arq's Maven properties, which the shaded jar keeps). */
    public static String jenaVersion() {
        try (InputStream in = PlainFuseki.class.getResourceAsStream("/META-INF/maven/org.apache.jena/jena-arq/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // fall through
        }
        throw new UserException("cannot tell which Jena version this is (no jena-arq pom.properties on the class path)");
    }

    /** The fuseki-server jar in {@code cache}, fetched with Maven when it is not there yet. */
    public static Path jar(Path cache) {
        String version = jenaVersion();
        Path jar = cache.resolve("jena-fuseki-server-" + version + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        String artifact = "org.apache.jena:jena-fuseki-server:" + version;
        List<String> command = List.of("mvn", "-B", "-q", "dependency:copy", "-Dartifact=" + artifact,
                "-DoutputDirectory=" + cache.toAbsolutePath());
        try {
            Files.createDirectories(cache);
            Process p = new ProcessBuilder(command).directory(cache.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || !Files.isRegularFile(jar)) {
                throw new UserException("cannot fetch " + artifact + " with Maven (" + String.join(" ", command) + "): " + out.strip());
            }
            return jar;
        } catch (IOException e) {
            throw new UserException("cannot run Maven to fetch " + artifact + " (pass --fuseki-jar): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while fetching " + artifact);
        }
    }

    /** The command that serves TDB2 store {@code store} as {@code /pledgegraph} on loopback {@code port}. */
    public static List<String> command(Path jar, String heap, Path store, int port, long timeoutMs) {
        return List.of(ServerProcess.java(), "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString(),
                "--loc=" + store.toAbsolutePath(), "--tdb2", "--set", "tdb:unionDefaultGraph=true", "--localhost",
                "--port", Integer.toString(port), "--ping", "--timeout=" + timeoutMs, "/" + DATASET);
    }
}
