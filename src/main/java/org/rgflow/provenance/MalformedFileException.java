package org.rgflow.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file rgflow reads is not what it should be (malformed JSON, unknown format, failed checksum). The message names
 * the file and says what is wrong; the CLI reports it as a bad input (exit 2).
 */
public final class MalformedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public MalformedFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** A JSON file that does not parse: Jackson's reason on one line, with its line and column. */
    public static MalformedFileException json(Path file, JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage()
                .replaceAll("\\s*\\(start marker at \\[Source:[^]]*][^)]*\\)", "").replaceAll("\\s+", " ").strip();
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return new MalformedFileException(file, "not valid JSON: " + reason + where
                + "; the file is truncated or damaged — restore it or re-create it", e);
    }

    public Path file() {
        return file;
    }
}
