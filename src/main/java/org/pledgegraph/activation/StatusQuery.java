package org.pledgegraph.activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The status of every commitment as of a date: {@code queries/status-as-of.rq}, the catalog query, with the date put
 * on its {@code VALUES ?asOf} line. One query answers both over SPARQL and on the command line, so they cannot drift.
 */
public final class StatusQuery {
    static final String RESOURCE = "/queries/status-as-of.rq";
    private static final Pattern PARAMETER = Pattern.compile("(?m)^(\\s*VALUES \\?asOf \\{ \")(\\d{4}-\\d{2}-\\d{2})(\"\\^\\^xsd:date \\})");
    private static final String TEXT = read();

    private StatusQuery() {}

    public static Query asOf(LocalDate date) {
        Matcher m = PARAMETER.matcher(TEXT);
        if (!m.find()) {
            throw new IllegalStateException(RESOURCE + " has no 'VALUES ?asOf { \"YYYY-MM-DD\"^^xsd:date }' line");
        }
        return QueryFactory.create(m.replaceFirst("$1" + date + "$3"));
    }

    private static String read() {
        try (InputStream in = StatusQuery.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (is queries/ in the build?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
