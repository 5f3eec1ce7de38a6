package org.pledgegraph.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The query catalog, {@code queries/*.rq}, as the jar carries it: each query's name (file name without {@code .rq}),
 * the title and question of its header comment, and its text. Read once, sorted by title.
 */
public final class Catalog {
    /** One catalog query. */
    public record Entry(String name, String title, String question, String text) {}

    private static final String DIR = "queries/";
    /** A query the jar always holds: where the catalog is found. */
    private static final String ANCHOR = DIR + "status-as-of.rq";

    private final List<Entry> entries;

    private Catalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Catalog fromClasspath() {
        URL anchor = Catalog.class.getClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException(ANCHOR + " is not on the classpath (is queries/ in the build?)");
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = jarFileSystem(uri)) {
                    return read(jar.provider().getPath(uri).getParent());
                } catch (FileSystemAlreadyExistsException e) {
                    return read(FileSystems.getFileSystem(uri).provider().getPath(uri).getParent());
                }
            }
            return read(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the query catalog at " + anchor, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        return FileSystems.newFileSystem(uri, Map.of());
    }

    private static Catalog read(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".rq")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                String text = Files.readString(file, StandardCharsets.UTF_8);
                entries.add(new Entry(name, header(text, "Title").orElse(name), header(text, "Question").orElse(""), text));
            }
        }
        entries.sort(Comparator.comparing(Entry::title, String.CASE_INSENSITIVE_ORDER));
        return new Catalog(entries);
    }

    /** A header field: its {@code # Field:} line and the indented comment lines that continue it. */
    static Optional<String> header(String text, String field) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("# " + field + ":")) {
                StringBuilder value = new StringBuilder(lines.get(i).substring(field.length() + 3).strip());
                for (int j = i + 1; j < lines.size() && lines.get(j).matches("#\\s{2,}\\S.*"); j++) {
                    value.append(' ').append(lines.get(j).substring(1).strip());
                }
                return Optional.of(value.toString());
            }
        }
        return Optional.empty();
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> get(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
