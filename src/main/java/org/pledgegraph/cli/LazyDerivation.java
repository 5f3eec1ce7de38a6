package org.pledgegraph.cli;

import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateRequest;
import org.pledgegraph.store.Derivation;
import org.pledgegraph.store.StoreView;

/**
 * A derivation made on its first use: parsing the rules costs a read-only command (a query, a status report) time
 * at start-up for nothing, since only a write derives. Every method of {@link Derivation} is passed on to the one
 * made (a method added to Derivation must be added here, or its default would answer instead).
 */
final class LazyDerivation implements Derivation {
    private final Supplier<? extends Derivation> maker;
    private volatile Derivation made;

    LazyDerivation(Supplier<? extends Derivation> maker) {
        this.maker = maker;
    }

    private Derivation get() {
        Derivation d = made;
        if (d == null) {
            synchronized (this) {
                if (made == null) {
                    made = maker.get();
                }
                d = made;
            }
        }
        return d;
    }

    @Override
    public void apply(DatasetGraph dsg) {
        get().apply(dsg);
    }

    @Override
    public void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        get().applyAfter(dsg, added, removed);
    }

    @Override
    public org.apache.jena.update.UpdateRequest updateAll() {
        return get().updateAll();
    }

    @Override
    public org.apache.jena.update.UpdateRequest updateAfter(org.pledgegraph.store.StoreView view, List<Quad> added,
            List<Quad> removed) {
        return get().updateAfter(view, added, removed);
    }

    @Override
    public <T extends Derivation> java.util.Optional<T> find(Class<T> kind) {
        return Derivation.super.find(kind).or(() -> get().find(kind));
    }

    @Override
    public void check(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        get().check(dsg, added, removed);
    }

    @Override
    public UpdateRequest updateAll() {
        return get().updateAll();
    }

    @Override
    public UpdateRequest updateAfter(StoreView view, List<Quad> added, List<Quad> removed) {
        return get().updateAfter(view, added, removed);
    }

    @Override
    public String toString() {
        return "made on first use: " + (made == null ? "not yet" : made.toString());
    }
}
