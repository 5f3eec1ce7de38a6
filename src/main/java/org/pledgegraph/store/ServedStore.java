package org.pledgegraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file {@code serve.url} that {@code pledgegraph serve} writes in the store directory it holds: the URL of its
 * dataset. A command that finds the directory locked reads it and works through the server instead (its
 * {@code /sparql}, {@code /update} and {@code /data} endpoints); the server deletes it when it stops. A file left by a
 * server that was killed is harmless: it is read only while the directory is locked.
 */
public final class ServedStore {
    public static final String FILE = "serve.url";

    private ServedStore() {}

    public static void announce(Path storeDir, String datasetUrl) {
        try {
            Path temp = Files.createTempFile(storeDir, "." + FILE + ".", ".tmp");
            Files.writeString(temp, datasetUrl + "\n", StandardCharsets.UTF_8);
            Files.move(temp, storeDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + storeDir.resolve(FILE), e);
        }
    }

    public static void withdraw(Path storeDir, String datasetUrl) {
        try {
            // Only our own announcement: a later server on the same directory may have replaced it.
            if (datasetUrl.equals(url(storeDir).orElse(null))) {
                Files.deleteIfExists(storeDir.resolve(FILE));
            }
        } catch (IOException e) {
            // Left behind, it is harmless (read only while the directory is locked).
        }
    }

    /** The dataset URL of the server that announced itself in this directory, if any. */
    public static Optional<String> url(Path storeDir) {
        Path file = storeDir.resolve(FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The endpoints of a pledgegraph server's dataset URL. */
    public static RemoteEndpoints endpoints(String datasetUrl) {
        return RemoteEndpoints.of(datasetUrl + "/sparql", datasetUrl + "/update", datasetUrl + "/data", null);
    }

    static String inUseMessage(Path dir) {
        return url(dir).map(url -> "store " + dir + " is in use by `pledgegraph serve` at " + url
                + "; work through it with --store-url " + url + "/sparql --store-update-url " + url
                + "/update --store-data-url " + url + "/data (writes: --store-credentials FILE)")
                .orElse("store " + dir + " is in use by another process (is `pledgegraph serve` running? it writes "
                        + dir.resolve(FILE) + " with its URL once it is up)");
    }
}
