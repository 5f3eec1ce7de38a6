package org.pledgegraph.cli;

import java.nio.file.Path;

import org.pledgegraph.activation.Materializer;
import org.pledgegraph.store.Store;
import org.pledgegraph.validate.SourceTexts;
import org.pledgegraph.validate.ValidatingDerivation;
import org.pledgegraph.validate.Validator;

/** Connects an opened store to the parts every write passes through: validation, then the rules. */
public final class Wiring {
    private Wiring() {}

    /**
     * Every write is validated against the shapes (selectors against the texts of {@code project}'s sources), then the
     * rules of ontology/rules/ materialize the inferred graph, in the writer's transaction. The rules are parsed at the
     * first write, so that read-only commands start without them.
     */
    public static void wire(Store store, Path project) {
        store.setDerivation(new ValidatingDerivation(new Validator(SourceTexts.under(project)),
                new LazyDerivation(Materializer::fromRules)));
    }

    /** {@link #wire(Store, Path)} for the project in the working directory. */
    public static void wire(Store store) {
        wire(store, Path.of(""));
    }

}
