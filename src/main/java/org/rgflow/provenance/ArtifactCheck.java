package org.rgflow.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** What a directory's {@code manifest.json} says it is, and whether its files still match it. */
public final class ArtifactCheck {

    private ArtifactCheck() {
    }

    /** The manifest of {@code dir}, or empty when it has none or it cannot be read as JSON with a "kind". */
    public static Optional<JsonNode> manifest(Path dir) {
        Path m = dir.resolve("manifest.json");
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Manifest.read(m);
            return node != null && node.path("kind").isTextual() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Empty when {@code dir} has a manifest and every output it lists has the recorded size and SHA-256; otherwise
     * the first problem, e.g. {@code "training.csv: SHA-256 differs from manifest.json"}.
     */
    public static Optional<String> problem(Path dir) {
        Optional<JsonNode> m = manifest(dir);
        if (m.isEmpty()) {
            return Optional.of("no readable manifest.json");
        }
        for (JsonNode o : m.get().path("outputs")) {
            String name = o.path("path").asText();
            Path f = dir.resolve(name).normalize();
            try {
                if (!f.startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
                    return Optional.of(name + ": missing");
                }
                if (Files.size(f) != o.path("bytes").asLong()) {
                    return Optional.of(name + ": size differs from manifest.json");
                }
                if (!Sha256.of(f).equals(o.path("sha256").asText())) {
                    return Optional.of(name + ": SHA-256 differs from manifest.json");
                }
            } catch (IOException e) {
                return Optional.of(name + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
