package org.pledgegraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * The SPARQL the pages run: {@code src/main/resources/web/queries/{name}.rq}, each with a header comment
 * ({@code # Title:}, {@code # Question:}) like the catalog's. Parsed once; a query that does not parse fails at its
 * first use with its name (and a test runs every one).
 */
public final class WebQueries {
    public static final String DIR = "web/queries/";
    private static final Map<String, Query> PARSED = new ConcurrentHashMap<>();

    private WebQueries() {}

    /** The parsed query {@code name} (without {@code .rq}); copy it before changing it. */
    public static Query get(String name) {
        return PARSED.computeIfAbsent(name, n -> {
            String text = text(n);
            try {
                return QueryFactory.create(text);
            } catch (QueryParseException e) {
                throw new IllegalStateException(DIR + n + ".rq: " + e.getMessage(), e);
            }
        });
    }

    /** The text of query {@code name}, header included. */
    public static String text(String name) {
        try (InputStream in = WebQueries.class.getClassLoader().getResourceAsStream(DIR + name + ".rq")) {
            if (in == null) {
                throw new IllegalArgumentException("no query " + DIR + name + ".rq in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
