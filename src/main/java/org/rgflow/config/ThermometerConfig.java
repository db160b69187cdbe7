package org.rgflow.config;

import java.util.List;

/**
 * The {@code rgflow thermometer train} config (YAML binding; the CLI maps it to {@code thermometer.ThermometerOptions}).
 * Missing keys take the defaults below (Iso et al.'s 100-512-256-64-25 tanh network); {@code name} and
 * {@code seed} are required. The input and output sizes come from the dataset (numSites, number of temperatures).
 *
 * @param kind            {@code thermometer}
 * @param name            model name (letters, digits, '.', '_', '-')
 * @param seed            weight initialisation and shuffle seed
 * @param hiddenSizes     dense hidden layers, input side first (default [512, 256, 64])
 * @param activation      hidden activation: {@code tanh} (default), {@code relu}, {@code leakyrelu}, {@code sigmoid},
 *                        {@code elu}, {@code softsign}, {@code softplus}, {@code swish}
 * @param learningRate    Adam learning rate (default 0.001)
 * @param l2              L2 weight penalty (default 0)
 * @param epochs          default 20
 * @param batchSize       default 100
 * @param heldOutFraction last fraction of every temperature's rows kept for evaluation (default 0.1; 0 = none)
 */
public record ThermometerConfig(String kind, String name, Long seed, List<Integer> hiddenSizes, String activation,
        Double learningRate, Double l2, Integer epochs, Integer batchSize, Double heldOutFraction) {

    /** The accepted activation names. */
    public static final String[] ACTIVATIONS = {"tanh", "relu", "leakyrelu", "sigmoid", "elu", "softsign", "softplus",
        "swish"};

    public ThermometerConfig {
        kind = Checks.oneOf("kind", kind == null ? "thermometer" : kind, "thermometer");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}")) {
            throw new IllegalArgumentException("name: is required: letters, digits, '.', '_' or '-' (at most 81), got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (seed == null) {
            throw new IllegalArgumentException("seed: is required (any 64-bit integer)");
        }
        hiddenSizes = hiddenSizes == null ? List.of(512, 256, 64) : hiddenSizes;
        if (hiddenSizes.isEmpty()) {
            throw new IllegalArgumentException("hiddenSizes: at least one hidden layer is required, e.g. [512, 256, 64]");
        }
        for (Integer n : hiddenSizes) {
            Checks.inRange("hiddenSizes[]", n == null ? 0 : n, 1, 1 << 20);
        }
        hiddenSizes = List.copyOf(hiddenSizes);
        activation = Checks.oneOf("activation", activation == null ? "tanh" : activation, ACTIVATIONS);
        learningRate = Checks.positive("learningRate", learningRate == null ? 1e-3 : learningRate);
        l2 = Checks.nonNegative("l2", l2 == null ? 0.0 : l2);
        epochs = Checks.inRange("epochs", epochs == null ? 20 : epochs, 1, 10_000_000);
        batchSize = Checks.inRange("batchSize", batchSize == null ? 100 : batchSize, 1, 1 << 20);
        heldOutFraction = heldOutFraction == null ? 0.1 : heldOutFraction;
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("heldOutFraction: must be in [0, 1), got " + heldOutFraction);
        }
    }
}
