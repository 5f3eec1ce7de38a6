package org.pledgegraph.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a pledgegraph server runs. The defaults are the safe ones: loopback only, no writes, Wikidata as the one
 * federated endpoint, 30 s per query, 10 MB per request body.
 *
 * @param authFile credentials for writes (Jetty's "user: password" lines), or null to refuse all writes
 */
public record ServerSettings(String host, int port, Duration queryTimeout, Path authFile, List<String> allowedServices,
        long maxBodyBytes) {

    public static final String DATASET = "pledgegraph";
    public static final String REALM = "pledgegraph";

    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 3030, Duration.ofSeconds(30), null, ServiceAllowList.DEFAULT,
                10L * 1024 * 1024);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, queryTimeout, authFile, allowedServices, maxBodyBytes);
    }

    public ServerSettings withAuthFile(Path file) {
        return new ServerSettings(host, port, queryTimeout, file, allowedServices, maxBodyBytes);
    }

    public ServerSettings withAllowedServices(List<String> services) {
        return new ServerSettings(host, port, queryTimeout, authFile, List.copyOf(services), maxBodyBytes);
    }

    public ServerSettings withQueryTimeout(Duration timeout) {
        return new ServerSettings(host, port, timeout, authFile, allowedServices, maxBodyBytes);
    }

    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(host, port, queryTimeout, authFile, allowedServices, bytes);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, queryTimeout, authFile, allowedServices, maxBodyBytes);
    }
}
