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
 * <p>
 * The file lists a page (its line marked {@code # page} holds {@code ORDER BY ?commitment LIMIT n}): {@link #on} lifts
 * the limit (every commitment, what {@code status} prints), {@link #page} asks for the page after a commitment (keyset
 * on the IRI), {@link #of} for one commitment (its page).
 */
public final class AsOfQuery {
    // Before the constants below: static fields initialize in order.
    private static final Pattern MARKED_LINE = Pattern.compile("(?m)^.*# as of$");
    private static final Pattern DATE = Pattern.compile("\"\\d{4}-\\d{2}-\\d{2}\"\\^\\^xsd:date");
    private static final Pattern PAGE_LINE = Pattern.compile("(?m)^.*# page$");
    private static final Pattern LIMIT = Pattern.compile("LIMIT \\d+");
    private static final Pattern PAGE_SELECT = Pattern.compile("\\{ SELECT \\?commitment WHERE \\{ (.*) \\} ORDER BY \\?commitment LIMIT \\d+ \\}");

    /** Every commitment with its status: {@code queries/status-as-of.rq}. */
    public static final AsOfQuery STATUS = new AsOfQuery("/queries/status-as-of.rq");
    /** The commitments in force: {@code queries/active-as-of.rq}. */
    public static final AsOfQuery ACTIVE = new AsOfQuery("/queries/active-as-of.rq");

    private final String text;

    private AsOfQuery(String resource) {
        this.text = read(resource);
        if (!MARKED_LINE.matcher(text).find() || !PAGE_LINE.matcher(text).find()) {
            throw new IllegalStateException(resource + " has no line marked '# as of' or no line marked '# page'");
        }
    }

    /** Every commitment (the page limit lifted), as of the date. */
    public Query on(LocalDate date) {
        return QueryFactory.create(onPageLine(dated(date), line -> LIMIT.matcher(line).replaceAll("")));
    }

    /**
     * A page as of the date: at most {@code size} commitments, the first by IRI after {@code after} (null: from the
     * start). The next page starts after the last IRI listed (keyset, so every page costs the same).
     */
    public Query page(LocalDate date, String after, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one row");
        }
        return QueryFactory.create(onPageLine(dated(date), line -> {
            String limited = LIMIT.matcher(line).replaceAll("LIMIT " + size);
            if (after == null) {
                return limited;
            }
            String keyset = "FILTER (STR(?commitment) > \"" + escape(after) + "\") ";
            int at = limited.lastIndexOf("} ORDER BY");
            if (at < 0) {
                throw new IllegalStateException("the line marked '# page' has no '} ORDER BY': " + line);
            }
            return limited.substring(0, at) + keyset + limited.substring(at);
        }));
    }

    /**
     * The row of one commitment as of the date: its IRI bound (VALUES) in place of the page, so that every lookup
     * starts from it. Only for a query whose page line is one sub-select ({@code status-as-of.rq}).
     */
    public Query of(LocalDate date, String commitment) {
        if (!commitment.matches("[^<>\"{}|^`\\\\\\s]+")) {
            throw new IllegalArgumentException("not an IRI: " + commitment);
        }
        return QueryFactory.create(onPageLine(dated(date), line -> {
            Matcher select = PAGE_SELECT.matcher(line);
            if (!select.find()) {
                throw new IllegalStateException("the line marked '# page' is not one sub-select: " + line);
            }
            return line.substring(0, select.start()) + "VALUES ?commitment { <" + commitment + "> }" + line.substring(select.end());
        }));
    }

    /**
     * The rows of the commitments a group pattern binds to {@code ?commitment} (for example a sub-select of candidates),
     * as of the date, in place of the page. Only for a query whose page line is one sub-select ({@code status-as-of.rq}).
     */
    public Query over(LocalDate date, String commitments) {
        return QueryFactory.create(onPageLine(dated(date), line -> {
            Matcher select = PAGE_SELECT.matcher(line);
            if (!select.find()) {
                throw new IllegalStateException("the line marked '# page' is not one sub-select: " + line);
            }
            return line.substring(0, select.start()) + commitments + line.substring(select.end());
        }));
    }

    private String dated(LocalDate date) {
        Matcher line = MARKED_LINE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (line.find()) {
            String dated = DATE.matcher(line.group()).replaceAll("\"" + date + "\"^^xsd:date");
            line.appendReplacement(out, Matcher.quoteReplacement(dated));
        }
        line.appendTail(out);
        return out.toString();
    }

    private static String onPageLine(String query, java.util.function.UnaryOperator<String> change) {
        Matcher line = PAGE_LINE.matcher(query);
        if (!line.find()) {
            throw new IllegalStateException("the query has no line marked '# page'");
        }
        return query.substring(0, line.start()) + change.apply(line.group()) + query.substring(line.end());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
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
