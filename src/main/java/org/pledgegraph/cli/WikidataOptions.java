package org.pledgegraph.cli;

import java.time.Duration;

import org.pledgegraph.wikidata.WikidataEndpoints;

import picocli.CommandLine.Option;

/** Where Wikidata is and how politely we ask it: shared by the `link` subcommands. */
public final class WikidataOptions {
    @Option(names = "--api-url", paramLabel = "URL", description = "Wikidata action API (default: ${DEFAULT-VALUE}).",
            defaultValue = WikidataEndpoints.API)
    String apiUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per request (default: ${DEFAULT-VALUE} s).",
            defaultValue = "30")
    long timeoutSeconds;

    @Option(names = "--interval", paramLabel = "MILLIS",
            description = "At least this long between two requests, the rate limit (default: ${DEFAULT-VALUE} ms).",
            defaultValue = "500")
    long intervalMillis;

    WikidataEndpoints endpoints() {
        if (timeoutSeconds <= 0) throw new org.pledgegraph.UserException("--timeout must be positive");
        if (intervalMillis < 0) throw new org.pledgegraph.UserException("--interval cannot be negative");
        return WikidataEndpoints.live().withApi(apiUrl)
                .withTimeout(Duration.ofSeconds(timeoutSeconds)).withMinInterval(Duration.ofMillis(intervalMillis));
    }
}
