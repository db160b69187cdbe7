package org.rgflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.Manifest;
import org.rgflow.provenance.Sha256;

/**
 * The {@code dataset} section of a model manifest ({@code rgflow train} models and {@code rgflow search}
 * candidates): the dataset's id, path, manifest SHA-256, size, lattice labels, temperatures and the held-out split.
 * {@code AnalysisInputs.model} places the visible units on the lattice from it.
 */
final class ModelDatasetSection {

    private ModelDatasetSection() {
    }

    static Map<String, Object> of(SpinDataset ds, Path dir, long trainingRows, long heldOutRows,
            double heldOutFraction) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Manifest.read(manifest).path("id").asText(dir.toAbsolutePath().normalize().getFileName()
                .toString()));
        m.put("path", dir.toString());
        m.put("manifestSha256", Sha256.of(manifest));
        m.put("numConfigurations", ds.numConfigurations());
        m.put("numSites", ds.numSites());
        m.put("dimension", ds.labels().dimension());
        m.put("length", ds.labels().length());
        m.put("model", ds.labels().model());
        m.put("sigma", ds.labels().sigmaOrNull());
        m.put("temperatures", ds.temperatures());
        m.put("trainingRows", trainingRows);
        m.put("heldOutRows", heldOutRows);
        m.put("heldOutSplit", "rows [round((1-f) n), n) of every shard of n rows, f = " + heldOutFraction);
        return m;
    }
}
