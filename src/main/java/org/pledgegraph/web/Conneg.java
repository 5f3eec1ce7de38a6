package org.pledgegraph.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation on {@code Accept} (RFC 9110 §12.5.1): each offered media type gets the quality of the most
 * specific range that matches it; the best quality above zero wins, ties go to the order of {@link Representation}
 * (HTML first, so {@code *}{@code /*} and browsers get the page). An empty optional means 406.
 */
public final class Conneg {
    private record Range(String type, String subtype, double q) {
        int specificity() {
            return "*".equals(type) ? 0 : "*".equals(subtype) ? 1 : 2;
        }

        boolean matches(String mediaType) {
            String[] ts = mediaType.split("/", 2);
            return ("*".equals(type) || type.equals(ts[0])) && ("*".equals(subtype) || subtype.equals(ts[1]));
        }
    }

    private Conneg() {}

    /** The representation to answer an {@code Accept} header with (no header: the page). */
    public static Optional<Representation> choose(String accept) {
        return choose(accept, Representation.offered());
    }

    /**
     * The same for a resource meant for programs ({@code /.well-known/void}, the service description): on a tie
     * ({@code *}{@code /*}, no header) Turtle wins; a browser, which names text/html, still gets the page.
     */
    public static Optional<Representation> chooseDataFirst(String accept) {
        List<String> offers = new ArrayList<>(Representation.offered());
        offers.remove(Representation.HTML.mediaType());
        offers.add(Representation.HTML.mediaType());
        return choose(accept == null || accept.isBlank() ? "*/*" : accept, offers);
    }

    private static Optional<Representation> choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(Representation.HTML);
        }
        List<Range> ranges = parse(accept);
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            double q = quality(ranges, offer);
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return best == null ? Optional.empty() : Representation.byMediaType(best);
    }

    private static double quality(List<Range> ranges, String offer) {
        Range chosen = null;
        for (Range r : ranges) {
            if (r.matches(offer) && (chosen == null || r.specificity() > chosen.specificity())) {
                chosen = r;
            }
        }
        return chosen == null ? 0 : chosen.q();
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] params = part.trim().split(";");
            String[] ts = params[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (ts.length != 2 || ts[0].isEmpty() || ts[1].isEmpty()) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String[] kv = params[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(kv[1].trim())));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(ts[0], ts[1], q));
        }
        return ranges;
    }
}
