package org.pledgegraph.load;

import org.apache.jena.riot.system.ErrorHandler;
import org.pledgegraph.UserException;

/**
 * Turns every parser complaint, warnings included (a bad IRI, an invalid xsd:date), into an error that names
 * file:line:column: data that parses with warnings is data with a typo in it.
 */
final class ParseFailure implements ErrorHandler {
    private final String file;

    ParseFailure(String file) {
        this.file = file;
    }

    @Override
    public void warning(String message, long line, long col) {
        throw failure(message, line, col);
    }

    @Override
    public void error(String message, long line, long col) {
        throw failure(message, line, col);
    }

    @Override
    public void fatal(String message, long line, long col) {
        throw failure(message, line, col);
    }

    private UserException failure(String message, long line, long col) {
        String where = line > 0 ? file + ":" + line + ":" + Math.max(col, 1) : file;
        return new UserException(where + ": " + message);
    }
}
