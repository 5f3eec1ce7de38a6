package org.pledgegraph.query;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of a catalog query that lists without bound: its two lines marked {@code # page}, {@code OFFSET n} and
 * {@code LIMIT n}, as its {@code # Parameter:} header documents them. The rows come in the store's own order and are
 * sorted within the page (a sort of the whole list would read all of it for every page).
 */
public final class CatalogPage {
    private static final Pattern OFFSET = Pattern.compile("(?m)^(\\s*)OFFSET\\s+\\d+(\\s+# page)$");
    private static final Pattern LIMIT = Pattern.compile("(?m)^(\\s*)LIMIT\\s+(\\d+)(\\s+# page)$");
    private static final Pattern PAGE_LINE = Pattern.compile("(?m)^[^#\\n]*# page\\n");

    private CatalogPage() {}

    /** The page length the text asks for, if it is a paged query. */
    public static Optional<Integer> size(String text) {
        Matcher m = LIMIT.matcher(text);
        return m.find() && OFFSET.matcher(text).find() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    /** The text asking for the page of {@code size} rows from row {@code offset} (0 for the first). */
    public static String page(String text, long offset, int size) {
        if (size(text).isEmpty()) {
            throw new IllegalArgumentException("not a paged query: no lines 'OFFSET n  # page' and 'LIMIT n  # page'");
        }
        String withOffset = OFFSET.matcher(text).replaceFirst("$1OFFSET " + offset + "$2");
        return LIMIT.matcher(withOffset).replaceFirst("$1LIMIT " + size + "$3");
    }

    /** The text without its page lines: every row at once. */
    public static String all(String text) {
        return PAGE_LINE.matcher(text).replaceAll("");
    }
}
