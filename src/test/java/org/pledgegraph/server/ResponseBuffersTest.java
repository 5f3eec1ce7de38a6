package org.pledgegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.pledgegraph.store.Store;
import org.pledgegraph.support.Http;

/**
 * Responses reuse pooled buffers: a hundred pings and small queries add less direct memory than the one 5 MB buffer
 * that Fuseki main's default allocated for every response (apache/jena#4084), and a response bigger than the
 * buffer is still sent whole, in chunks.
 */
class ResponseBuffersTest {
    static final long FUSEKI_DEFAULT_BUFFER = 5L * 1024 * 1024;

    @Test
    void responsesDoNotEachAllocateABigDirectBuffer() {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        try (Store store = Store.inMemory(); PledgeServer server = PledgeServer.start(store, ServerSettings.defaults().withPort(0))) {
            String ask = server.datasetUrl() + "/sparql?query=" + Http.encode("ASK {}");
            assertEquals(200, Http.get(server.baseUrl() + "/$/ping", "*/*").statusCode());
            long before = direct.getTotalCapacity();
            long most = before;
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> r = Http.get(i % 2 == 0 ? server.baseUrl() + "/$/ping" : ask, "application/sparql-results+json");
                assertEquals(200, r.statusCode(), r.body());
                most = Math.max(most, direct.getTotalCapacity());
            }
            assertTrue(most - before < FUSEKI_DEFAULT_BUFFER, "direct memory grew by " + (most - before) + " bytes over 100 responses");
        }
    }

    @Test
    void aResponseLargerThanTheBufferArrivesWholeInChunks() {
        try (Store store = Store.inMemory(); PledgeServer server = PledgeServer.start(store, ServerSettings.defaults().withPort(0))) {
            int rows = 20_000;
            // About 20 times the buffer: rows of one 40-character string each.
            String query = "SELECT ?i ?s { VALUES ?x { 0 1 2 3 4 5 6 7 8 9 } VALUES ?y { 0 1 2 3 4 5 6 7 8 9 } "
                    + "VALUES ?z { 0 1 2 3 4 5 6 7 8 9 } VALUES ?w { 0 1 2 3 4 5 6 7 8 9 } VALUES ?v { 0 1 } "
                    + "BIND (?x + 10 * ?y + 100 * ?z + 1000 * ?w + 10000 * ?v AS ?i) "
                    + "BIND (CONCAT(\"row-\", STR(?i), \"-0123456789012345678901234567890\") AS ?s) }";
            HttpResponse<String> r = Http.get(server.datasetUrl() + "/sparql?query=" + Http.encode(query), "text/tab-separated-values");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().length() > 20 * ResponseBuffers.OUTPUT_BUFFER_BYTES, "size " + r.body().length());
            assertEquals(rows + 1, r.body().lines().count(), "header and every row");
            assertTrue(r.body().lines().skip(1).map(l -> l.split("\t")[0]).distinct().count() == rows, "no row lost or repeated");
            assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "streamed, so sent without a length");
        }
    }
}
