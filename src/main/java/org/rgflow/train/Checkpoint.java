package org.rgflow.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.provenance.DirectorySwap;
import org.rgflow.modelzip.SafeModelZip;
import org.rgflow.provenance.AtomicFiles;

/**
 * A training checkpoint at an epoch boundary: directory {@code layer-LL-epoch-EEEEE/} holding
 * <ul>
 * <li>{@code model.zip}: the whole network (DL4J ModelSerializer, no updater; read back by {@link SafeModelZip});</li>
 * <li>{@code updater.bin}: the trainer's {@code IUpdater} state of the current layer (Nd4j binary), if any;</li>
 * <li>{@code chains.bin}: the persistent PCD chains [numChains, numVisible], if any;</li>
 * <li>{@code state.json}: layer, epochs done, iteration count, seed and the options fingerprint.</li>
 * </ul>
 * The directory is written under a temporary name and renamed, so a crash never leaves a partial checkpoint.
 * Generators need no state: each epoch's generator is re-derived from the seed ({@link TrainingSeeds}).
 *
 * @param directory  the checkpoint directory
 * @param layer      layer being trained
 * @param epochsDone epochs of that layer completed
 * @param iteration  updater iterations of that layer so far (for learning-rate schedules)
 * @param seed       master seed
 * @param options    {@link TrainingOptions#toString()} with epochs and checkpointEvery normalised
 * @param trainResets   {@code reset()} calls made on the training iterator before this layer started
 *                      (replayed on resume, then one for the monitoring rows and one per epoch done)
 * @param heldOutResets {@code reset()} calls made on the held-out iterator before this layer started
 */
public record Checkpoint(Path directory, int layer, int epochsDone, long iteration, long seed, String options,
        long trainResets, long heldOutResets) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String fingerprint(TrainingOptions o) {
        return o.withEpochs(1).withCheckpointEvery(0).toString();
    }

    static Path write(Path checkpointDir, MultiLayerNetwork net, int layer, int epochsDone, long iteration,
            TrainingOptions options, INDArray updaterState, INDArray chains, long trainResets, long heldOutResets) {
        String name = String.format("layer-%02d-epoch-%05d", layer, epochsDone);
        Path target = checkpointDir.resolve(name);
        Path tmp = checkpointDir.resolve(AtomicFiles.temporaryName(name));
        try {
            if (Files.exists(tmp)) {
                AtomicFiles.deleteRecursively(tmp);
            }
            Files.createDirectories(tmp);
            ModelSerializer.writeModel(net, tmp.resolve("model.zip").toFile(), false);
            if (updaterState != null) {
                Nd4j.saveBinary(updaterState, tmp.resolve("updater.bin").toFile());
            }
            if (chains != null) {
                Nd4j.saveBinary(chains, tmp.resolve("chains.bin").toFile());
            }
            ObjectNode state = JSON.createObjectNode().put("layer", layer).put("epochsDone", epochsDone)
                    .put("iteration", iteration).put("seed", options.seed()).put("options", fingerprint(options))
                    .put("trainResets", trainResets).put("heldOutResets", heldOutResets);
            Files.writeString(tmp.resolve("state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
            DirectorySwap.swap(tmp, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** Reads the checkpoint in {@code directory} (one {@code layer-LL-epoch-EEEEE} folder). */
    public static Checkpoint read(Path directory) {
        try {
            var node = JSON.readTree(Files.readString(directory.resolve("state.json")));
            return new Checkpoint(directory, node.get("layer").asInt(), node.get("epochsDone").asInt(),
                    node.get("iteration").asLong(), node.get("seed").asLong(), node.get("options").asText(),
                    node.get("trainResets").asLong(), node.get("heldOutResets").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable checkpoint: " + directory + " (" + e.getMessage() + ")", e);
        }
    }

    /** The latest complete checkpoint in {@code checkpointDir} (highest layer, then epoch), if any. */
    public static Optional<Checkpoint> latest(Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(checkpointDir)) {
            return s.filter(p -> p.getFileName().toString().matches("layer-\\d+-epoch-\\d+"))
                    .filter(p -> Files.exists(p.resolve("state.json")))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).map(Checkpoint::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network saved in this checkpoint. */
    public MultiLayerNetwork network() {
        return SafeModelZip.read(directory.resolve("model.zip"), false);
    }

    INDArray updaterState() {
        return readOptional("updater.bin");
    }

    INDArray chains() {
        return readOptional("chains.bin");
    }

    private INDArray readOptional(String file) {
        Path p = directory.resolve(file);
        try {
            return Files.exists(p) ? Nd4j.readBinary(p.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
