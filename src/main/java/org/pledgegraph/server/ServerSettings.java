package org.pledgegraph.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a pledgegraph server runs. The defaults are the safe ones: loopback only, no writes, Wikidata as the one
 * federated endpoint, 30 s per query, 10 MB per request body.
 *
 * @param authFile credentials for writes (Jetty's "user: password" lines), or null to refuse all writes
 * @param readCors whether web pages of other origins may query (never write): off by default
 */
public record ServerSettings(String host, int port, Duration queryTimeout, Path authFile, List<String> allowedServices,
        long maxBodyBytes, boolean readCors) {

    public static final String DATASET = "pledgegraph";
    public static final String REALM = "pledgegraph";

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 3030, Duration.ofSeconds(30), null, ServiceAllowList.DEFAULT,
                10L * 1024 * 1024, false);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, queryTimeout, authFile, allowedServices, maxBodyBytes, readCors);
    }

    public ServerSettings withAuthFile(Path file) {
        return new ServerSettings(host, port, queryTimeout, file, allowedServices, maxBodyBytes, readCors);
    }

    public ServerSettings withAllowedServices(List<String> services) {
        return new ServerSettings(host, port, queryTimeout, authFile, List.copyOf(services), maxBodyBytes, readCors);
    }

    public ServerSettings withQueryTimeout(Duration timeout) {
        return new ServerSettings(host, port, timeout, authFile, allowedServices, maxBodyBytes, readCors);
    }

    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(host, port, queryTimeout, authFile, allowedServices, bytes, readCors);
    }

    public ServerSettings withReadCors(boolean cors) {
        return new ServerSettings(host, port, queryTimeout, authFile, allowedServices, maxBodyBytes, cors);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, queryTimeout, authFile, allowedServices, maxBodyBytes, readCors);
    }
}
