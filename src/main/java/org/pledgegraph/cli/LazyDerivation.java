package org.pledgegraph.cli;

import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.pledgegraph.store.Derivation;

/**
 * A derivation made on its first use: parsing the rules costs a read-only command (a query, a status report) time
 * at start-up for nothing, since only a write derives.
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
}
