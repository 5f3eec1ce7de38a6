package org.pledgegraph.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The texts of the sources, by the project-relative path a source gives in {@code pg:textFile}
 * ({@code data/sources/SLUG.txt}): what selectors are checked against.
 */
@FunctionalInterface
public interface SourceTexts {
    /** No texts at hand: every selector check says so. */
    SourceTexts NONE = textFile -> Optional.empty();

    Optional<String> text(String textFile);

    /** The texts in a project folder; only paths of the form {@code data/sources/SLUG.txt} are read. */
    static SourceTexts under(Path project) {
        return textFile -> {
            if (textFile == null || !textFile.matches("data/sources/[a-z0-9][a-z0-9-]*\\.txt")) {
                return Optional.empty();
            }
            Path file = project.resolve(textFile);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
