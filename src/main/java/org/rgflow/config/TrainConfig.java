package org.rgflow.config;

import java.util.List;

/**
 * The {@code rgflow train} config (YAML binding; the CLI maps it to {@code train.TrainingOptions}). Missing keys
 * take the defaults below; {@code name}, {@code seed} and {@code layers} are required.
 *
 * @param kind               {@code train}
 * @param name               model name (letters, digits, '.', '_', '-')
 * @param seed               master seed of initialisation, sampling and shuffling
 * @param layers             units per level, visible first, e.g. [1600, 400, 100, 25]; numVisible must equal the
 *                           dataset's number of sites
 * @param visibleBias        visible biases are parameters (default true; Iso et al.: false)
 * @param hiddenBias         hidden biases are parameters (default true)
 * @param cdK                Gibbs steps per gradient (default 1)
 * @param persistent         PCD instead of CD (default false)
 * @param numPersistentChains PCD chains, 0 = batch size (default 0)
 * @param updater            {@code sgd} (default), {@code nesterovs} or {@code adam}
 * @param learningRate       default 0.01
 * @param momentum           Nesterov momentum (default 0.9)
 * @param learningRateDecay  learning rate &times;= this every epoch (exponential schedule; default 1 = constant)
 * @param l1                 L1 penalty on W (default 0)
 * @param l2                 L2 penalty on W (default 0)
 * @param batchSize          default 100
 * @param epochs             per layer (default 20)
 * @param checkpointEvery    epochs between checkpoints, 0 = none (default 5)
 * @param stackInput         {@code probabilities} (default) or {@code samples}: input of layers above the first
 * @param dtype              {@code float} (default) or {@code double}
 * @param heldOutFraction    fraction of the dataset held out for monitoring (default 0.1)
 */
public record TrainConfig(String kind, String name, Long seed, List<Integer> layers, Boolean visibleBias,
        Boolean hiddenBias, Integer cdK, Boolean persistent, Integer numPersistentChains, String updater,
        Double learningRate, Double momentum, Double learningRateDecay, Double l1, Double l2, Integer batchSize,
        Integer epochs, Integer checkpointEvery, String stackInput, String dtype, Double heldOutFraction) {

    public TrainConfig {
        kind = Checks.oneOf("kind", kind == null ? "train" : kind, "train");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}")) {
            throw new IllegalArgumentException("name: is required: letters, digits, '.', '_' or '-' (at most 81), got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (seed == null) {
            throw new IllegalArgumentException("seed: is required (any 64-bit integer)");
        }
        if (layers == null || layers.size() < 2) {
            throw new IllegalArgumentException("layers: at least two sizes are required, visible first, e.g. [1024, 256]"
                    + ", got " + layers);
        }
        for (Integer n : layers) {
            Checks.inRange("layers[]", n == null ? 0 : n, 1, 1 << 24);
        }
        layers = List.copyOf(layers);
        visibleBias = visibleBias == null ? Boolean.TRUE : visibleBias;
        hiddenBias = hiddenBias == null ? Boolean.TRUE : hiddenBias;
        cdK = Checks.inRange("cdK", cdK == null ? 1 : cdK, 1, 10_000);
        persistent = persistent == null ? Boolean.FALSE : persistent;
        numPersistentChains = Checks.inRange("numPersistentChains", numPersistentChains == null ? 0
                : numPersistentChains, 0, 1 << 24);
        updater = Checks.oneOf("updater", updater == null ? "sgd" : updater, "sgd", "nesterovs", "adam");
        learningRate = Checks.positive("learningRate", learningRate == null ? 0.01 : learningRate);
        momentum = Checks.nonNegative("momentum", momentum == null ? 0.9 : momentum);
        learningRateDecay = Checks.positive("learningRateDecay", learningRateDecay == null ? 1.0 : learningRateDecay);
        l1 = Checks.nonNegative("l1", l1 == null ? 0.0 : l1);
        l2 = Checks.nonNegative("l2", l2 == null ? 0.0 : l2);
        batchSize = Checks.inRange("batchSize", batchSize == null ? 100 : batchSize, 1, 1 << 20);
        epochs = Checks.inRange("epochs", epochs == null ? 20 : epochs, 1, 10_000_000);
        checkpointEvery = Checks.inRange("checkpointEvery", checkpointEvery == null ? 5 : checkpointEvery, 0,
                10_000_000);
        stackInput = Checks.oneOf("stackInput", stackInput == null ? "probabilities" : stackInput, "probabilities",
                "samples");
        dtype = Checks.oneOf("dtype", dtype == null ? "float" : dtype, "float", "double");
        for (int i = 0; i + 1 < layers.size(); i++) {
            Checks.arraySize("layers", layers.get(i), layers.get(i + 1), "weights in layer " + i);
        }
        Checks.arraySize("batchSize", Math.max(batchSize, numPersistentChains),
                layers.stream().mapToInt(Integer::intValue).max().orElse(1),
                "values per CD buffer (max(batchSize, numPersistentChains) x the widest layer)");
        heldOutFraction = heldOutFraction == null ? 0.1 : heldOutFraction;
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("heldOutFraction: must be in [0, 1), got " + heldOutFraction);
        }
    }
}
