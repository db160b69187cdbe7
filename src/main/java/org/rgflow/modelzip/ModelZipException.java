package org.rgflow.modelzip;

import java.nio.file.Path;

/**
 * A model zip rgflow refuses to load. The message is one line naming the file, the entry and what is wrong; as an
 * {@link IllegalArgumentException} it is a bad input, exit code 2, for the CLI.
 */
public final class ModelZipException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final String ADVICE = "; not loaded — use a model written by rgflow (retrain it, or restore an "
            + "untouched copy)";
    private static final int MAX_NAME = 80;

    ModelZipException(Path zip, String entry, String problem) {
        super(zip + ": entry '" + printable(entry) + "' " + problem + ADVICE);
    }

    ModelZipException(Path zip, String problem, Throwable cause) {
        super(zip + ": " + problem + ADVICE, cause);
    }

    /** The entry name with anything but printable ASCII escaped, shortened to a readable length. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < MAX_NAME; i++) {
            char c = name.charAt(i);
            b.append(c >= 0x20 && c < 0x7F && c != '\'' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return name.length() > MAX_NAME ? b + "…" : b.toString();
    }

    /** First line of an exception's message, for one-line reports of library errors. */
    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
