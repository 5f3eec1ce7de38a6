package org.pledgegraph.store;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateRequest;

/**
 * Brings derived graphs up to date after a change. It runs inside the writer's transaction, so a store is never
 * seen with facts whose consequences are missing. For a remote store, the same derivation is given as SPARQL Update
 * ({@link #updateAfter}, {@link #updateAll}) and sent in the change's own request.
 */
@FunctionalInterface
public interface Derivation {
    Derivation NONE = new Derivation() {
        @Override
        public void apply(DatasetGraph dsg) {}

        @Override
        public UpdateRequest updateAll() {
            return new UpdateRequest();
        }

        @Override
        public UpdateRequest updateAfter(StoreView view, List<Quad> added, List<Quad> removed) {
            return new UpdateRequest();
        }
    };

    void apply(DatasetGraph dsg);

    /**
     * Brings derived graphs up to date after a change known to consist only of these quads added and removed (a
     * SPARQL Update of INSERT DATA and DELETE DATA only). A derivation may use them to do less; by default it does
     * what {@link #apply(DatasetGraph)} does.
     */
    default void applyAfter(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {
        apply(dsg);
    }

    /**
     * Refuses, with a {@link org.pledgegraph.UserException} that says why, a change of known quads whose input the
     * derivation cannot digest; called before the change commits by writers that do not check their input themselves
     * (the endpoint's INSERT DATA). By default every change is accepted.
     */
    default void check(DatasetGraph dsg, List<Quad> added, List<Quad> removed) {}

    /**
     * What {@link #apply} does, as SPARQL Update operations that a store runs after any change, in the same request;
     * null when this derivation has no such form (it then cannot serve a remote store).
     */
    default UpdateRequest updateAll() {
        return null;
    }

    /**
     * What {@link #applyAfter} does, as SPARQL Update operations to run after the change in the same request. The
     * view reads the store as it is before the change (the change has not been sent yet). By default, {@link #updateAll}.
     */
    default UpdateRequest updateAfter(StoreView view, List<Quad> added, List<Quad> removed) {
        return updateAll();
    }

    /**
     * The derivation of this kind that does the work, this one or one it delegates to (a derivation that wraps another
     * overrides this to look inside): how a caller reaches the rules behind validation or lazy loading.
     */
    default <T extends Derivation> java.util.Optional<T> find(Class<T> kind) {
        return kind.isInstance(this) ? java.util.Optional.of(kind.cast(this)) : java.util.Optional.empty();
    }
}
