package org.pledgegraph.server;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;

/**
 * The text a regular expression runs over, which stops the match when the query is cancelled or its time is up.
 * Java's {@code Pattern} cannot be interrupted, and ARQ's timeout is checked between the steps of a query, never
 * inside one {@code REGEX}: a pattern with catastrophic backtracking ({@code a*a*a*a*a*a*b} over 30,000 characters)
 * would keep a core busy for hours. The matcher reads every character through {@link #charAt}, so that is where the
 * cancel signal and the deadline are checked (the clock once every few thousand reads).
 */
final class CancellableText implements CharSequence {
    private static final int CLOCK_EVERY = 4096;

    private final String text;
    private final int from;
    private final int to;
    private final AtomicBoolean cancelled;
    private final long deadlineNanos;
    private int reads;

    CancellableText(String text, AtomicBoolean cancelled, long deadlineNanos) {
        this(text, 0, text.length(), cancelled, deadlineNanos);
    }

    private CancellableText(String text, int from, int to, AtomicBoolean cancelled, long deadlineNanos) {
        this.text = text;
        this.from = from;
        this.to = to;
        this.cancelled = cancelled;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (++reads >= CLOCK_EVERY) {
            reads = 0;
            if (cancelled != null && cancelled.get()) {
                throw new QueryCancelledException();
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new QueryCancelledException();
            }
        }
        return text.charAt(from + index);
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new CancellableText(text, from + start, from + end, cancelled, deadlineNanos);
    }

    @Override
    public String toString() {
        return text.substring(from, to);
    }
}
