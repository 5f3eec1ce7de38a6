package org.pledgegraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Static files from the jar: our own ({@code /assets/*} from {@code web/assets/}) and webjars ({@code /webjars/*} from
 * {@code META-INF/resources/webjars/}, e.g. {@code /webjars/echarts/5.6.0/dist/echarts.min.js}). Nothing comes from a
 * CDN, so every page works with no network. Only files with a known type are served; no listing, no "..".
 */
public final class Assets extends HttpServlet {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final String root;
    private final String cacheControl;

    private Assets(String root, String cacheControl) {
        this.root = root;
        this.cacheControl = cacheControl;
    }

    /** Our own files, {@code src/main/resources/web/assets/}; they change with the jar, so a short cache. */
    public static Assets own() {
        return new Assets("web/assets/", "public, max-age=300");
    }

    /** Webjar files: their path carries the library's version, so they never change. */
    public static Assets webjars() {
        return new Assets("META-INF/resources/webjars/", "public, max-age=31536000, immutable");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String type = path == null ? null : TYPES.get(extension(path));
        URL resource = type == null || !safe(path) ? null : Assets.class.getClassLoader().getResource(root + path.substring(1));
        if (resource == null || resource.getPath().endsWith("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = resource.openStream()) {
            byte[] bytes = in.readAllBytes();
            response.setContentType(type);
            response.setHeader("Cache-Control", cacheControl);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private static boolean safe(String path) {
        return path.startsWith("/") && !path.contains("..") && !path.contains("//") && !path.contains("\\")
                && !path.contains("%");
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }
}
