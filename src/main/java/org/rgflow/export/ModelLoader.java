package org.rgflow.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.rgflow.modelzip.SafeModelZip;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;

/**
 * Loads a model directory written by {@link ModelExporter}. When the directory has a
 * {@code manifest.json}, the zip's size and SHA-256 are checked against it first, so a truncated or
 * modified model is refused with a message naming the file. The zip itself is read by {@link SafeModelZip}: a zip
 * with other entries, oversized entries or foreign classes is refused, and nothing in it is Java-deserialized.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * Restores the network (with updater state) from {@code dir/model.zip}.
     *
     * @throws IllegalArgumentException (a {@link org.rgflow.modelzip.ModelZipException} for the zip's content) naming
     *         the file and what is wrong
     */
    public static MultiLayerNetwork load(Path dir) throws IOException {
        Path zip = dir.resolve(ModelExporter.ZIP);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException(zip + ": no such model file; is " + dir
                    + " a model directory written by `rgflow train`?");
        }
        verify(dir, ModelExporter.ZIP);
        return SafeModelZip.read(zip, true);
    }

    /** Checks one file against the manifest's outputs, if the directory has a manifest. */
    static void verify(Path dir, String relative) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return;
        }
        Path file = dir.resolve(relative);
        for (JsonNode o : Manifest.read(manifest).path("outputs")) {
            if (relative.equals(o.path("path").asText())) {
                long size = Files.size(file);
                if (size != o.path("bytes").asLong()) {
                    throw new IllegalArgumentException(file + ": size " + size + " bytes, the manifest says "
                            + o.path("bytes").asLong() + "; the model is truncated or was replaced — retrain or restore it");
                }
                if (!Sha256.of(file).equals(o.path("sha256").asText())) {
                    throw new IllegalArgumentException(file + ": SHA-256 does not match the manifest; the model was "
                            + "modified after it was written — retrain or restore it");
                }
                return;
            }
        }
        throw new IllegalArgumentException(file + " is not listed in " + manifest);
    }
}
