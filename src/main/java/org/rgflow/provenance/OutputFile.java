package org.rgflow.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One file an artifact consists of: path relative to the artifact directory, size and SHA-256. */
public record OutputFile(String path, long bytes, String sha256) {

    public OutputFile {
        if (path == null || path.isBlank() || Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException("output path must be relative and non-empty, got " + path);
        }
    }

    /** Hashes an existing file in {@code dir}. */
    public static OutputFile of(Path dir, String relativePath) throws IOException {
        Path file = dir.resolve(relativePath);
        return new OutputFile(relativePath, Files.size(file), Sha256.of(file));
    }
}
