package org.rgflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.rgflow.config.ConfigException;
import org.rgflow.data.DatasetException;
import org.rgflow.provenance.MalformedFileException;

/**
 * Reads a user's input file (a DL4J model zip, a thermometer, a JSON description) so that whatever the reader
 * throws on a damaged file becomes a {@link UserException} naming that file (exit 2): a library's zip, JSON or
 * shape error says nothing about which file it read. File-system refusals (permissions, I/O errors) and rgflow's own
 * input errors pass through unchanged.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** The reader of one file. */
    @FunctionalInterface
    interface Reader<T> {
        T read() throws IOException;
    }

    /**
     * @param file the file {@code reader} reads (named in the message)
     * @param what what it should be, e.g. "a DL4J model written by `rgflow train`"
     */
    static <T> T read(Path file, String what, Reader<T> reader) throws IOException {
        try {
            return reader.read();
        } catch (UserException | ConfigException | DatasetException | MalformedFileException
                | FileSystemException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new UserException(MalformedFileException.json(file, e).getMessage());
        } catch (IOException | RuntimeException e) {
            throw names(file, e) ? new UserException(ErrorReport.oneLine(e.getMessage()))
                    : new UserException(file + ": not " + what + " (" + describe(e) + "); restore or re-create it");
        }
    }

    private static boolean names(Path file, Exception e) {
        String m = e.getMessage();
        return m != null && m.contains(file.toString());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return ErrorReport.oneLine(e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }
}
