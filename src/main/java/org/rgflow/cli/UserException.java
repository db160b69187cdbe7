package org.rgflow.cli;

/** A problem the user can fix (bad path, existing output): printed as one line, exit code 2. */
public final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
