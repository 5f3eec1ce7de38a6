package org.pledgegraph.store;

import java.util.List;

import org.apache.jena.sparql.core.Quad;

/**
 * A change that knows exactly which quads it added and removed, so that derivations can bring only what those quads
 * touch up to date (see {@link Derivation#applyAfter}).
 */
public interface Change {
    List<Quad> added();

    List<Quad> removed();
}
