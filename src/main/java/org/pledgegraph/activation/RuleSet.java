package org.pledgegraph.activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@code ontology/rules/}, in the order they run. The build copies that folder into the jar under
 * {@code rules/}; a jar cannot list a folder, so the names are spelled out here (a test checks they match the files).
 */
public final class RuleSet {
    public static final List<String> NAMES = List.of(
            "10-subclass-closure.ru",
            "11-subproperty-closure.ru",
            "12-equivalence.ru",
            "13-inverse-symmetry.ru",
            "20-types-from-superclasses.ru",
            "21-superproperties.ru",
            "22-inverses.ru",
            "23-transitive.ru",
            "24-property-chains.ru",
            "30-condition-met.ru",
            "31-any-of-met.ru",
            "32-active-from.ru");

    private RuleSet() {}

    public static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        for (String name : NAMES) {
            rules.add(new Rule(name, read("/rules/" + name)));
        }
        return List.copyOf(rules);
    }

    private static String read(String resource) {
        try (InputStream in = RuleSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule " + resource + " is not on the classpath (is ontology/rules/ in the build?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
