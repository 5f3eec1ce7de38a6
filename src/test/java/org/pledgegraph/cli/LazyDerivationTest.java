package org.pledgegraph.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.pledgegraph.store.Derivation;

/** The derivation made on first use is made once, only when used, and answers every method as the one it makes. */
class LazyDerivationTest {
    @Test
    void madeOnceAtTheFirstUse() {
        AtomicInteger made = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        LazyDerivation lazy = new LazyDerivation(() -> {
            made.incrementAndGet();
            return dsg -> applied.incrementAndGet();
        });
        assertEquals(0, made.get(), "not made before it is used");
        lazy.apply(DatasetGraphFactory.create());
        lazy.applyAfter(DatasetGraphFactory.create(), List.of(), List.of());
        assertEquals(1, made.get());
        assertEquals(2, applied.get());
    }

    @Test
    void passesOnEveryMethodOfDerivation() {
        for (Method m : Derivation.class.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                assertDoesNotThrow(() -> LazyDerivation.class.getDeclaredMethod(m.getName(), m.getParameterTypes()),
                        "LazyDerivation does not pass on " + m);
            }
        }
    }
}
