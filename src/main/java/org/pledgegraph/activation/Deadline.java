package org.pledgegraph.activation;

import java.time.Duration;

import org.pledgegraph.UserException;

/**
 * The time bound of one derivation. The rules run inside the writer's transaction, which holds the store's write
 * lock: without a bound, one pathological write (a long chain, a huge fan-out) blocks every writer after it. Past
 * the bound the derivation throws, and the caller's transaction is aborted, so the store stays as it was.
 */
public final class Deadline {
    private final long end;
    private final Duration bound;
    private int ticks;

    private Deadline(Duration bound) {
        this.bound = bound;
        this.end = System.nanoTime() + bound.toNanos();
    }

    public static Deadline after(Duration bound) {
        return new Deadline(bound);
    }

    /** Cheap enough for inner loops: looks at the clock every 4096 calls. */
    void tick() {
        if ((++ticks & 0xFFF) == 0) {
            check();
        }
    }

    void check() {
        if (System.nanoTime() > end) {
            throw new UserException("deriving the consequences of this change took longer than " + bound.toSeconds()
                    + " s, the bound of one derivation (pledgegraph.derivation.timeout): the change was not applied");
        }
    }

    /** What is left, for the SPARQL rules' own timeout (at least 1 ms). */
    long remainingMillis() {
        return Math.max(1, (end - System.nanoTime()) / 1_000_000);
    }

    Duration bound() {
        return bound;
    }
}
