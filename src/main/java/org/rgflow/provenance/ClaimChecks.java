package org.rgflow.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** The refusals of {@link ArtifactDirectory#claim}: where DIR really is, inputs, and what is there already. */
final class ClaimChecks {

    private ClaimChecks() {
    }

    /** DIR with its parent's symbolic links resolved (and DIR's own, when it is one); creates the parent. */
    static Path realPath(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            if (!Files.exists(abs)) {
                throw new ArtifactConflictException(target + " is a broken symbolic link; choose another --out");
            }
            return abs.toRealPath();
        }
        Files.createDirectories(abs.getParent());
        return abs.getParent().toRealPath().resolve(abs.getFileName());
    }

    /** Refuses when {@code real} (DIR as given: {@code target}) is or contains one of the inputs (nulls ignored). */
    static void refuseInputs(Path target, Path real, Collection<Path> inputs) throws IOException {
        for (Path in : inputs) {
            if (in != null && Files.exists(in)) {
                Path r = in.toRealPath();
                if (r.startsWith(real)) {
                    throw new ArtifactConflictException(target + (r.equals(real) ? " is the input " : " contains the "
                            + "input ") + in + " of this run; choose another --out");
                }
            }
        }
    }

    /**
     * The manifest of the artifact of {@code kind} at {@code real}; empty when nothing or an empty directory is
     * there. Refuses anything else.
     */
    static Optional<JsonNode> existing(Path target, Path real, String kind) throws IOException {
        if (!Files.exists(real)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(real)) {
            throw new ArtifactConflictException(target + " exists and is not a directory; choose another --out");
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(real)) {
            if (!s.iterator().hasNext()) {
                return Optional.empty();
            }
        }
        Optional<JsonNode> manifest = ArtifactCheck.manifest(real);
        if (manifest.isEmpty()) {
            throw new ArtifactConflictException(target + " exists and is not an rgflow artifact (no readable "
                    + "manifest.json); rgflow replaces only its own " + kind + " directories: choose another --out");
        }
        String found = manifest.get().path("kind").asText();
        if (!kind.equals(found)) {
            throw new ArtifactConflictException(target + " holds an rgflow " + found + " (manifest.json kind), not a "
                    + kind + "; choose another --out");
        }
        return manifest;
    }
}
