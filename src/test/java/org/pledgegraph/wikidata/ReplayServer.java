package org.pledgegraph.wikidata;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Wikidata on 127.0.0.1: answers {@code /w/api.php} (wbsearchentities, wbgetentities) and
 * {@code /sparql} from the hand-made files under {@code src/test/resources/wikidata/}. A test can queue scripted
 * answers (an HTTP status with headers, a malformed body, a delay) that are served before the files.
 */
final class ReplayServer implements AutoCloseable {
    static final Path FILES = Path.of("src/test/resources/wikidata");

    /** A scripted answer: status, body, headers, and how long to wait before answering. */
    record Scripted(int status, String body, Map<String, String> headers, long delayMillis) {}

    private final HttpServer server;
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> userAgents = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> times = Collections.synchronizedList(new ArrayList<>());
    private volatile Scripted always;
    private final Path entityFiles;

    ReplayServer() throws IOException {
        this(FILES.resolve("entities"));
    }

    /** A replay server that answers wbgetentities from the files of {@code entities}. */
    ReplayServer(Path entities) throws IOException {
        this.entityFiles = entities;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/w/api.php", this::api);
        server.createContext("/sparql", this::sparql);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/w/api.php";
    }

    String sparqlUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
    }

    void script(Scripted answer) {
        scripted.add(answer);
    }

    /** Every request gets this answer from now on. */
    void alwaysAnswer(Scripted answer) {
        always = answer;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    List<Long> requestTimes() {
        return List.copyOf(times);
    }

    private boolean scripted(HttpExchange exchange) throws IOException {
        Scripted answer = always != null ? always : scripted.poll();
        if (answer == null) return false;
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        send(exchange, answer.status(), answer.body(), "application/json; charset=utf-8");
        return true;
    }

    private void record(HttpExchange exchange) {
        requests.add(exchange.getRequestURI().toString());
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        times.add(System.nanoTime());
    }

    private void api(HttpExchange exchange) throws IOException {
        record(exchange);
        if (scripted(exchange)) return;
        Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
        String action = params.getOrDefault("action", "");
        if (action.equals("wbsearchentities")) {
            Path file = FILES.resolve("search").resolve(slug(params.get("search")) + ".json");
            if (!Files.exists(file)) file = FILES.resolve("search/_empty.json");
            send(exchange, 200, Files.readString(file), "application/json; charset=utf-8");
        } else if (action.equals("wbgetentities")) {
            JsonObject entities = new JsonObject();
            for (String id : params.getOrDefault("ids", "").split("\\|")) {
                Path file = entityFiles.resolve(id + ".json");
                if (Files.exists(file)) {
                    entities.put(id, JSON.parse(Files.readString(file)).get("entities").getAsObject().get(id));
                } else {
                    JsonObject missing = new JsonObject();
                    missing.put("id", id);
                    missing.put("missing", "");
                    entities.put(id, missing);
                }
            }
            JsonObject answer = new JsonObject();
            answer.put("entities", entities);
            answer.put("success", 1);
            send(exchange, 200, answer.toString(), "application/json; charset=utf-8");
        } else {
            send(exchange, 400, "{\"error\":{\"code\":\"badvalue\",\"info\":\"unknown action\"}}", "application/json");
        }
    }

    private void sparql(HttpExchange exchange) throws IOException {
        record(exchange);
        if (scripted(exchange)) return;
        send(exchange, 200, Files.readString(FILES.resolve("sparql/enrichment.json")),
                "application/sparql-results+json; charset=utf-8");
    }

    static String slug(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) return params;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // The client timed out and closed the connection: nothing left to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
