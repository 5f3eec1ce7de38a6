package org.pledgegraph.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Slows down password guessing, per client address. After {@link #FREE_FAILURES} wrong passwords in a row, the
 * address must wait before it may present credentials again: 1 s, then twice as long after each further failure, up
 * to {@link #MAX_WAIT}. While it waits, a request with credentials gets 429 with {@code Retry-After} and the password
 * is not even checked, so guesses cost time instead of CPU. A right password clears the address's record.
 * <p>
 * It wraps Jetty's whole handler tree, because the login is checked by the security handler, before any servlet
 * filter sees the request. A wrong password is a 401 answered to a request that carried {@code Authorization}.
 */
public final class PasswordThrottle extends Handler.Wrapper {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public PasswordThrottle(Handler handler) {
        this(handler, System::nanoTime);
    }

    PasswordThrottle(Handler handler, LongSupplier clock) {
        super(handler);
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return super.handle(request, response, callback);
        }
        String address = Request.getRemoteAddr(request);
        long waitNanos = remainingWait(address);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
            Response.writeError(request, response, callback, 429,
                    "Too many wrong passwords from " + address + ": retry in " + seconds + " s");
            return true;
        }
        Callback counting = Callback.from(callback, () -> record(address, response.getStatus()));
        return super.handle(request, response, new Callback() {
            @Override
            public void succeeded() {
                record(address, response.getStatus());
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                record(address, response.getStatus());
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return counting.getInvocationType();
            }
        });
    }

    private long remainingWait(String address) {
        Failures f = byAddress.get(address);
        return f == null ? 0 : f.until - clock.getAsLong();
    }

    private void record(String address, int status) {
        if (status == 401) {
            if (byAddress.size() > MAX_TRACKED) {
                long now = clock.getAsLong();
                byAddress.values().removeIf(f -> f.until - now < 0 && f.count < FREE_FAILURES);
            }
            byAddress.compute(address, (a, f) -> {
                Failures next = f == null ? new Failures() : f;
                next.count++;
                if (next.count >= FREE_FAILURES) {
                    int doublings = Math.min(20, next.count - FREE_FAILURES);
                    long wait = Math.min(MAX_WAIT.toNanos(), FIRST_WAIT.toNanos() << doublings);
                    next.until = clock.getAsLong() + wait;
                }
                return next;
            });
        } else if (status < 400) {
            byAddress.remove(address);
        }
    }

    private static final class Failures {
        int count;
        long until = Long.MIN_VALUE / 2;
    }
}
