package org.pledgegraph.server;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

/**
 * The size of Jetty's response buffer. Fuseki main (5.6) sets it to 5 MB on its connector, while Jetty 12's
 * default buffer pool only keeps buffers up to 64 KB: every response then allocated and zeroed a fresh 5 MB direct
 * buffer, about 20 ms of CPU per request (even {@code /$/ping}) and a resident size climbing into gigabytes under
 * load (apache/jena#4084, fixed upstream after 5.6 by sizing the pool). A 32 KB buffer is pooled and reused.
 * Responses larger than the buffer are written out as it fills (chunked), so a big result still streams: it is never
 * held whole in memory, whatever the buffer size.
 */
public final class ResponseBuffers {
    /** Pooled by Jetty 12's default {@code ArrayByteBufferPool} (up to 64 KB); large enough for most answers in one write. */
    public static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    private ResponseBuffers() {}

    /** Sets the response buffer of every HTTP connector of a built, not yet started, server. */
    public static void fit(Server jetty) {
        for (Connector connector : jetty.getConnectors()) {
            for (HttpConnectionFactory http : connector.getConnectionFactories().stream()
                    .filter(HttpConnectionFactory.class::isInstance).map(HttpConnectionFactory.class::cast).toList()) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
            }
        }
    }
}
