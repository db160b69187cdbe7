package org.rgflow.backend;

/**
 * The ND4J backend could not be loaded or is not the one the user required. The message is one
 * line saying what happened and what to do; the cause keeps ND4J's original error for {@code --verbose}.
 */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
