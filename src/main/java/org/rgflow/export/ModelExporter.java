package org.rgflow.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.OutputFile;
import org.rgflow.rbm.Rbm;

/**
 * Writes a trained RBM stack into a model directory:
 * <pre>
 *   model.zip                 DL4J ModelSerializer zip, updater state included
 *   model.json                {@link ModelDescription}
 *   weights/W0.npy            [numVisible, numHidden] of layer 0, same dtype as the network
 *   weights/vb0.npy           [numVisible]   visible bias a of layer 0
 *   weights/hb0.npy           [numHidden]    hidden bias b of layer 0
 *   weights/W1.npy ...        the same for every layer
 * </pre>
 * Every file is written atomically; the returned list (path, size, SHA-256) goes into the manifest.
 */
public final class ModelExporter {

    /** Name of the DL4J zip inside a model directory. */
    public static final String ZIP = "model.zip";
    /** Name of the JSON description. */
    public static final String DESCRIPTION = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelExporter() {
    }

    /**
     * @param network a MultiLayerNetwork whose layers are all {@code rbm.RbmLayer}s
     * @param dir the model directory (created if missing)
     * @return the files written, relative to {@code dir}
     */
    public static List<OutputFile> export(MultiLayerNetwork network, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("weights"));
        List<OutputFile> outputs = new ArrayList<>();
        Path zip = dir.resolve(ZIP);
        Path tmp = AtomicFiles.temporaryFor(zip);
        ModelSerializer.writeModel(network, tmp.toFile(), true);
        AtomicFiles.commit(tmp, zip);
        outputs.add(OutputFile.of(dir, ZIP));

        List<LayerDescription> layers = new ArrayList<>();
        for (int i = 0; i < network.getnLayers(); i++) {
            Rbm rbm = Rbm.of(network.getLayer(i));
            LayerDescription d = new LayerDescription(i, rbm.numVisible(), rbm.numHidden(),
                    rbm.isVisibleBiasEnabled(), rbm.isHiddenBiasEnabled(), "weights/W" + i + ".npy",
                    "weights/vb" + i + ".npy", "weights/hb" + i + ".npy");
            outputs.add(writeArray(dir, d.weights(), rbm.weights()));
            outputs.add(writeArray(dir, d.visibleBiasFile(), rbm.visibleBias().reshape(rbm.numVisible())));
            outputs.add(writeArray(dir, d.hiddenBiasFile(), rbm.hiddenBias().reshape(rbm.numHidden())));
            layers.add(d);
        }
        DataType dtype = network.params().dataType();
        ModelDescription description = new ModelDescription(1, "rbm-stack", "bernoulli-bernoulli", "zero-one",
                dtype == DataType.DOUBLE ? "float64" : "float32", List.copyOf(layers), ZIP);
        AtomicFiles.write(dir.resolve(DESCRIPTION), JSON.writeValueAsBytes(description));
        outputs.add(OutputFile.of(dir, DESCRIPTION));
        return outputs;
    }

    private static OutputFile writeArray(Path dir, String relative, INDArray array) throws IOException {
        NpyArrays.write(array, dir.resolve(relative));
        return OutputFile.of(dir, relative);
    }

    /** Reads {@code model.json} of a model directory. */
    public static ModelDescription readDescription(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(DESCRIPTION).toFile(), ModelDescription.class);
    }
}
