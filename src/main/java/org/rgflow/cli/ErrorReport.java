package org.rgflow.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rgflow.backend.BackendUnavailableException;
import org.rgflow.config.ConfigException;
import org.rgflow.data.DatasetException;
import org.rgflow.provenance.MalformedFileException;

/**
 * How the CLI reports a failure: an exit code and one line (README, "exit codes"). The cause chain decides, in this
 * order:
 * <ol>
 *   <li>{@link Kind#BACKEND} (3): the ND4J backend cannot load;</li>
 *   <li>a {@link CommandFailedException} keeps the code it was given (a failed step, a search without result);</li>
 *   <li>{@link Kind#ENVIRONMENT} (1): memory exhausted, or the file system refused (disk full, quota, permission
 *       denied, read-only, a file where a directory is needed, I/O error); the line names the path;</li>
 *   <li>{@link Kind#INPUT} (2): a bad config, argument or file: {@link UserException}, {@link ConfigException},
 *       {@link DatasetException}, {@link MalformedFileException}, a missing file, or an
 *       {@link IllegalArgumentException} thrown by rgflow's own checks; their messages name the file;</li>
 *   <li>{@link Kind#BUG} (1): anything else; a short line, the stack trace only on request.</li>
 * </ol>
 */
record ErrorReport(Kind kind, int exitCode, String line) {

    /** What went wrong, which decides the exit code. */
    enum Kind { INPUT, ENVIRONMENT, BACKEND, BUG }

    /** Exit code of input faults. */
    static final int EXIT_INPUT = 2;
    /** Exit code of environment faults and bugs. */
    static final int EXIT_FAILURE = 1;
    /** Exit code when the backend cannot load. */
    static final int EXIT_BACKEND = 3;

    /** System error texts (strerror) of file-system refusals, lower case, and what to do about each. */
    private static final String[][] SYSTEM_ERRORS = {
        {"no space left on device", "free some space or write elsewhere (--out)"},
        {"disk quota exceeded", "free some space or write elsewhere (--out)"},
        {"read-only file system", "write elsewhere (--out)"},
        {"permission denied", "write elsewhere (--out) or fix the permissions"},
        {"operation not permitted", "write elsewhere (--out) or fix the permissions"},
        {"not a directory", "a file is in the way: write elsewhere (--out)"},
        {"input/output error", "the storage failed: check the device"},
        {"too many open files", "raise the limit (ulimit -n)"},
        {"file too large", "write elsewhere (--out)"},
    };

    /**
     * @param e          what the command threw
     * @param outputHint where the command writes (its --out, or null), named when an I/O fault has no path
     */
    static ErrorReport of(Throwable e, String outputHint) {
        List<Throwable> chain = chain(e);
        for (Throwable t : chain) {
            if (t instanceof BackendUnavailableException) {
                return new ErrorReport(Kind.BACKEND, EXIT_BACKEND, oneLine(t.getMessage()));
            }
        }
        if (e instanceof CommandFailedException f) {
            Kind kind = switch (f.exitCode()) {
                case EXIT_INPUT -> Kind.INPUT;
                case EXIT_BACKEND -> Kind.BACKEND;
                default -> Kind.ENVIRONMENT;
            };
            return new ErrorReport(kind, f.exitCode(), oneLine(f.getMessage()));
        }
        for (Throwable t : chain) {
            if (t instanceof OutOfMemoryError) {
                return new ErrorReport(Kind.ENVIRONMENT, EXIT_FAILURE, "out of memory (" + t.getMessage() + "); raise "
                        + "the limits with RGFLOW_JAVA_OPTS (README, \"Memory\") or use smaller sizes");
            }
        }
        ErrorReport io = fileSystemRefusal(chain, outputHint);
        if (io != null) {
            return io;
        }
        for (Throwable t : chain) {
            if (isInputFault(t)) {
                String m = t instanceof NoSuchFileException n ? n.getFile() + ": no such file or directory"
                        : t.getMessage();
                return new ErrorReport(Kind.INPUT, EXIT_INPUT, oneLine(m));
            }
        }
        return new ErrorReport(Kind.BUG, EXIT_FAILURE, "internal error: " + oneLine(describe(e))
                + " (a bug: run with --verbose or RGFLOW_DEBUG=1 for the stack trace and report it)");
    }

    /** Whether the report is a bug, whose stack trace is worth showing. */
    boolean isBug() {
        return kind == Kind.BUG;
    }

    private static boolean isInputFault(Throwable t) {
        return t instanceof UserException || t instanceof ConfigException || t instanceof DatasetException
                || t instanceof MalformedFileException || t instanceof NoSuchFileException
                || (t instanceof IllegalArgumentException && thrownByRgflow(t));
    }

    /** rgflow's own argument checks (not an IllegalArgumentException from inside a library). */
    private static boolean thrownByRgflow(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length > 0 && st[0].getClassName().startsWith("org.rgflow.");
    }

    /** A disk-full, permission or similar failure anywhere in the chain, with the path it concerns. */
    private static ErrorReport fileSystemRefusal(List<Throwable> chain, String outputHint) {
        for (Throwable t : chain) {
            String[] known = systemError(t);
            if (known == null) {
                continue;
            }
            String reason = known[0];
            String where = null;
            for (Throwable u : chain) {
                if (u instanceof FileSystemException f && f.getFile() != null && !(u instanceof NoSuchFileException)) {
                    where = f.getFile() + ": " + reason;
                    break;
                }
            }
            if (where == null) { // no path in the chain: the outermost message that says more than the reason
                for (Throwable u : chain) {
                    String m = u.getMessage();
                    if (m != null && !m.isBlank() && !m.strip().equalsIgnoreCase(reason)
                            && (u.getCause() == null || !m.equals(u.getCause().toString()))) {
                        where = m.toLowerCase(Locale.ROOT).contains(reason) ? m : m + ": " + reason;
                        break;
                    }
                }
            }
            if (where == null) {
                where = reason + " while writing " + (outputHint != null ? outputHint
                        : "in " + java.nio.file.Path.of("").toAbsolutePath());
            }
            return new ErrorReport(Kind.ENVIRONMENT, EXIT_FAILURE, oneLine(where) + "; " + known[1]);
        }
        return null;
    }

    /** {reason, advice} when {@code t} is a file-system refusal, else null. */
    private static String[] systemError(Throwable t) {
        if (!(t instanceof java.io.IOException) || t instanceof NoSuchFileException
                || t instanceof MalformedFileException) {
            return null;
        }
        if (t instanceof AccessDeniedException) {
            return SYSTEM_ERRORS[3];
        }
        if (t instanceof NotDirectoryException || t instanceof FileAlreadyExistsException) {
            return new String[] {t instanceof NotDirectoryException ? "not a directory"
                : "exists and is not a directory", SYSTEM_ERRORS[5][1]};
        }
        String m = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
        if (m == null) {
            return null;
        }
        String lower = m.toLowerCase(Locale.ROOT).strip();
        for (String[] s : SYSTEM_ERRORS) { // the whole message, "path (reason)" or "...: reason"
            if (lower.equals(s[0]) || lower.endsWith("(" + s[0] + ")") || lower.endsWith(": " + s[0])) {
                return s;
            }
        }
        return null;
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = e; t != null && !out.contains(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Collapses line breaks (and the indentation after them) so a message stays on one line. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
