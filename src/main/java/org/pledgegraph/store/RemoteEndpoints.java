package org.pledgegraph.store;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.pledgegraph.UserException;

/**
 * Where a remote SPARQL 1.1 store answers: its query, update and Graph Store URLs (one URL serves all three on Fuseki,
 * GraphDB and Neptune; Virtuoso has three), and the user and password its writes need, if any.
 */
public record RemoteEndpoints(String query, String update, String data, String user, String password) {

    /**
     * From the command line's {@code --store-url}, {@code --store-update-url}, {@code --store-data-url} and
     * {@code --store-credentials}: a missing update or data URL is the query URL.
     */
    public static RemoteEndpoints of(String url, String updateUrl, String dataUrl, Path credentials) {
        String query = checked("--store-url", url);
        String update = updateUrl == null ? query : checked("--store-update-url", updateUrl);
        String data = dataUrl == null ? query : checked("--store-data-url", dataUrl);
        String[] login = credentials == null ? new String[] {null, null} : readCredentials(credentials);
        return new RemoteEndpoints(query, update, data, login[0], login[1]);
    }

    public boolean hasCredentials() {
        return user != null;
    }

    public RemoteEndpoints withCredentials(Path credentials) {
        if (credentials == null) {
            return this;
        }
        String[] login = readCredentials(credentials);
        return new RemoteEndpoints(query, update, data, login[0], login[1]);
    }

    /**
     * The first {@code user: password} line of the file (the format of {@code serve --auth}, so the same file serves
     * both); blank lines and lines starting with # are skipped.
     */
    static String[] readCredentials(Path file) {
        try {
            Optional<String> line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst();
            int colon = line.map(l -> l.indexOf(':')).orElse(-1);
            if (colon <= 0) {
                throw new UserException("credentials file " + file + ": expected a line 'user: password'");
            }
            String password = line.get().substring(colon + 1).strip();
            // Jetty's realm files may add roles after a comma; the password is what comes before.
            int comma = password.indexOf(',');
            return new String[] {line.get().substring(0, colon).strip(), comma < 0 ? password : password.substring(0, comma).strip()};
        } catch (IOException e) {
            throw new UserException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String option, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UserException(option + " '" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new UserException(option + " '" + url + "' must be an http(s) URL, e.g. http://127.0.0.1:3030/ds");
        }
        return url;
    }
}
