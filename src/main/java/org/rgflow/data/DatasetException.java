package org.rgflow.data;

/**
 * A dataset on disk is missing, incomplete, corrupted or inconsistent with its manifest, or could
 * not be written. The message names the file, says what is wrong and how to fix it.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
