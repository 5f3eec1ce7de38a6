package org.pledgegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** wrk's summary, as wrk 4.1 (Debian 12) prints it, read into numbers; errors are refused answers plus socket errors. */
class WrkTest {
    @Test
    void readsRateLatencyAndErrors() {
        String out = """
                Running 1s test @ http://127.0.0.1:3911/nothing
                  2 threads and 8 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency     4.83ms    8.50ms  47.81ms   87.25%
                    Req/Sec     1.20k     1.47k    5.05k    90.00%
                  Latency Distribution
                     50%  408.00us
                     75%    5.53ms
                     90%   16.54ms
                     99%    1.20s
                  1199 requests in 1.02s, 605.35KB read
                  Socket errors: connect 0, read 2, write 0, timeout 3
                  Non-2xx or 3xx responses: 1199
                Requests/sec:   1173.17
                Transfer/sec:    592.32KB
                """;
        Wrk.Run run = Wrk.parse(out);
        assertEquals(1173.17, run.requestsPerSecond(), 1e-9);
        assertEquals(0.408, run.p50Ms(), 1e-9);
        assertEquals(16.54, run.p90Ms(), 1e-9);
        assertEquals(1200.0, run.p99Ms(), 1e-9);
        assertEquals(1199, run.requests());
        assertEquals(1199 + 5, run.errors());
    }

    @Test
    void aCleanRunHasNoErrors() {
        Wrk.Run run = Wrk.parse("""
                  Latency Distribution
                     50%  315.00us
                     75%  500.00us
                     90%    1.00ms
                     99%    2.00ms
                  25000 requests in 10.00s, 5.00MB read
                Requests/sec:   2500.00
                """);
        assertEquals(0, run.errors());
        assertEquals(0.315, run.p50Ms(), 1e-9);
        assertEquals(25000, run.requests());
    }
}
