package org.pledgegraph.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The activation question both sides of the benchmark answer: which commitments are active on a date. For the
 * baseline it is asked directly of an OWLMicro InfModel, which supplies the subclass and subproperty entailments;
 * the activation logic itself (every condition met by an entry into force on or before the date, an any-of met by
 * one alternative, made by then, no withdrawal, suspension, fulfilment or lapse yet) is spelled out in the query.
 * Our side asks queries/active-as-of.rq of the materialized store. The two agree on the synthetic data's shapes,
 * not in general: this one needs pg:dateMade (the rules fall back to the statement's or source's date), knows
 * xsd:date and xsd:gYearMonth (counted once the whole month is past, as the rules do) but not xsd:gYear, and
 * assumes entry into force as the awaited kind; a condition met inside the month made counts from the month's end
 * here too, since the month only counts once it is over. The benchmark
 * checks both answers are equal.
 */
public final class ActiveQuestion {
    private ActiveQuestion() {}

    public static String sparql(LocalDate asOf) {
        return """
                PREFIX pg:  <https://w3id.org/pledgegraph/ontology#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                SELECT DISTINCT ?c WHERE {
                  BIND ("%s"^^xsd:date AS ?asOf)
                  ?c a pg:Commitment ; pg:dateMade ?made .
                  # A month made counts only once all of it is on or before the date (its last day, leap years too).
                  BIND (xsd:integer(SUBSTR(STR(?made), 1, 4)) AS ?y)
                  BIND (xsd:integer(SUBSTR(STR(?made), 6, 2)) AS ?m)
                  FILTER (IF(datatype(?made) = xsd:gYearMonth, STRDT(CONCAT(STR(?made), "-",
                      IF(?m = 2, IF((?y - FLOOR(?y / 4) * 4 = 0 && ?y - FLOOR(?y / 100) * 100 != 0) || ?y - FLOOR(?y / 400) * 400 = 0, "29", "28"),
                         IF(?m IN (4, 6, 9, 11), "30", "31"))), xsd:date), ?made) <= ?asOf)
                  FILTER NOT EXISTS {
                    ?c pg:hasActivationCondition ?cond .
                    FILTER NOT EXISTS { ?cond pg:awaitsEvent ?e . ?o pg:occurrenceOf ?e ; a pg:EntryIntoForce ; pg:occurredOn ?d . FILTER (?d <= ?asOf) }
                    FILTER NOT EXISTS { ?cond pg:anyOf ?alt . ?alt pg:awaitsEvent ?e2 .
                                        ?o2 pg:occurrenceOf ?e2 ; a pg:EntryIntoForce ; pg:occurredOn ?d2 . FILTER (?d2 <= ?asOf) }
                  }
                  FILTER NOT EXISTS { ?l pg:occurrenceOf ?c ; pg:occurredOn ?ld . FILTER (?ld <= ?asOf) }
                }""".formatted(asOf);
    }

    /** A short fingerprint of a set of IRIs, to compare two answers without printing them. */
    public static String fingerprint(List<String> iris) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            iris.stream().sorted().forEach(i -> sha.update((i + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
