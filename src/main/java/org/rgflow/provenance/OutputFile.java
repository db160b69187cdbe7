package org.rgflow.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One file an artifact consists of: path relative to the artifact directory, size and SHA-256. */
public record OutputFile(String path, long bytes, String sha256) {

    private static final java.util.regex.Pattern HEX64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    public OutputFile {
        if (path == null || path.isBlank() || Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException("output path must be relative and non-empty, got " + path);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes + " for " + path);
        }
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of " + path + " must be 64 lower-case hex digits, got '"
                    + sha256 + "'");
        }
    }

    /** Hashes an existing file in {@code dir}. */
    public static OutputFile of(Path dir, String relativePath) throws IOException {
        Path file = dir.resolve(relativePath);
        return new OutputFile(relativePath, Files.size(file), Sha256.of(file));
    }
}
