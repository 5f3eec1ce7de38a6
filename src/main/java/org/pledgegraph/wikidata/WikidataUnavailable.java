package org.pledgegraph.wikidata;

import org.pledgegraph.UserException;

/** Wikidata did not answer usefully (network error, timeout, HTTP error, unreadable body): the command stops, exit 1. */
public final class WikidataUnavailable extends UserException {
    public WikidataUnavailable(String message) {
        super(message);
    }

    public WikidataUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
