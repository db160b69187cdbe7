package org.rgflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rgflow.provenance.Sha256;

/**
 * What someone passing on a doctored artifact would do: after changing a file, rewrite its size and SHA-256 in the
 * artifact's {@code manifest.json} so that checksum verification passes.
 */
public final class ManifestTampering {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ManifestTampering() {
    }

    /** Sets the {@code outputs} entry of {@code relative} to the file's current size and SHA-256. */
    public static void rehash(Path dir, String relative) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        JsonNode root = JSON.readTree(manifest.toFile());
        boolean found = false;
        for (JsonNode o : root.path("outputs")) {
            if (relative.equals(o.path("path").asText())) {
                ((ObjectNode) o).put("bytes", Files.size(dir.resolve(relative)));
                ((ObjectNode) o).put("sha256", Sha256.of(dir.resolve(relative)));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException(relative + " is not listed in " + manifest);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), root);
    }
}
