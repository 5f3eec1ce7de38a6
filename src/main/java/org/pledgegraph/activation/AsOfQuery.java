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
 * A catalog query asked as of a date: the query file itself, with the date asked put in every xsd:date literal of the
 * lines it marks {@code # as of}. One query answers over SPARQL and on the command line, so they cannot drift.
 */
public final class AsOfQuery {
    // Before the constants below: static fields initialize in order.
    private static final Pattern MARKED_LINE = Pattern.compile("(?m)^.*# as of$");
    private static final Pattern DATE = Pattern.compile("\"\\d{4}-\\d{2}-\\d{2}\"\\^\\^xsd:date");

    /** Every commitment with its status: {@code queries/status-as-of.rq}. */
    public static final AsOfQuery STATUS = new AsOfQuery("/queries/status-as-of.rq");
    /** The commitments in force: {@code queries/active-as-of.rq}. */
    public static final AsOfQuery ACTIVE = new AsOfQuery("/queries/active-as-of.rq");

    private final String text;

    private AsOfQuery(String resource) {
        this.text = read(resource);
        if (!MARKED_LINE.matcher(text).find()) {
            throw new IllegalStateException(resource + " has no line marked '# as of'");
        }
    }

    public Query on(LocalDate date) {
        Matcher line = MARKED_LINE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (line.find()) {
            String dated = DATE.matcher(line.group()).replaceAll("\"" + date + "\"^^xsd:date");
            line.appendReplacement(out, Matcher.quoteReplacement(dated));
        }
        line.appendTail(out);
        return QueryFactory.create(out.toString());
    }

    private static String read(String resource) {
        try (InputStream in = AsOfQuery.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (is queries/ in the build?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
