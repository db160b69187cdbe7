package org.rgflow.cli;

/**
 * A run that ended without its result for a reason already classified, e.g. a pipeline step that exited non-zero or
 * a search whose every candidate failed: reported as its one-line message with the given exit code.
 */
final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailedException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
