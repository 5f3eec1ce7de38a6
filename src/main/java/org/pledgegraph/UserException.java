package org.pledgegraph;

/**
 * A problem the user can fix: bad input, a missing file, a store in use. The command line prints its message on
 * one line and exits 1; anything else is an internal error (exit 2).
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
