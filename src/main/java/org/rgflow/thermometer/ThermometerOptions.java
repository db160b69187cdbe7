package org.rgflow.thermometer;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.activations.Activation;

/**
 * Immutable hyper-parameters of a thermometer network. Defaults follow Iso et al.: hidden layers [512, 256, 64],
 * tanh, softmax output, Adam.
 *
 * @param hiddenSizes     units of each dense hidden layer, input side first (at least one)
 * @param activation      activation of the hidden layers
 * @param learningRate    Adam learning rate
 * @param l2              L2 weight penalty (0 = none)
 * @param epochs          passes over the training rows
 * @param batchSize       minibatch size
 * @param seed            weight initialisation ({@code NeuralNetConfiguration.Builder().seed}) and shuffle seed
 * @param heldOutFraction last fraction of every shard (temperature) kept out of training for evaluation, in [0, 1)
 */
public record ThermometerOptions(int[] hiddenSizes, Activation activation, double learningRate, double l2, int epochs,
        int batchSize, long seed, double heldOutFraction) {

    public ThermometerOptions {
        hiddenSizes = hiddenSizes.clone();
        if (hiddenSizes.length == 0) {
            throw new IllegalArgumentException("hiddenSizes: at least one hidden layer is required");
        }
        for (int h : hiddenSizes) {
            if (h < 1) {
                throw new IllegalArgumentException("hiddenSizes must be >= 1, got " + Arrays.toString(hiddenSizes));
            }
        }
        if (activation == null || activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("activation: a hidden-layer activation is required, got " + activation);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batchSize must be >= 1, got " + epochs + ", " + batchSize);
        }
        if (!(heldOutFraction >= 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("heldOutFraction must be in [0, 1), got " + heldOutFraction);
        }
    }

    /** Iso et al.'s network: [512, 256, 64] tanh, Adam 1e-3, 20 epochs, batch 100, seed 0, 10% held out. */
    public static ThermometerOptions defaults() {
        return new ThermometerOptions(new int[] {512, 256, 64}, Activation.TANH, 1e-3, 0, 20, 100, 0L, 0.1);
    }

    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public ThermometerOptions withHiddenSizes(int... sizes) {
        return new ThermometerOptions(sizes, activation, learningRate, l2, epochs, batchSize, seed, heldOutFraction);
    }

    public ThermometerOptions withActivation(Activation a) {
        return new ThermometerOptions(hiddenSizes, a, learningRate, l2, epochs, batchSize, seed, heldOutFraction);
    }

    public ThermometerOptions withLearningRate(double lr) {
        return new ThermometerOptions(hiddenSizes, activation, lr, l2, epochs, batchSize, seed, heldOutFraction);
    }

    public ThermometerOptions withL2(double penalty) {
        return new ThermometerOptions(hiddenSizes, activation, learningRate, penalty, epochs, batchSize, seed,
                heldOutFraction);
    }

    public ThermometerOptions withEpochs(int n) {
        return new ThermometerOptions(hiddenSizes, activation, learningRate, l2, n, batchSize, seed, heldOutFraction);
    }

    public ThermometerOptions withBatchSize(int n) {
        return new ThermometerOptions(hiddenSizes, activation, learningRate, l2, epochs, n, seed, heldOutFraction);
    }

    public ThermometerOptions withSeed(long s) {
        return new ThermometerOptions(hiddenSizes, activation, learningRate, l2, epochs, batchSize, s, heldOutFraction);
    }

    public ThermometerOptions withHeldOutFraction(double f) {
        return new ThermometerOptions(hiddenSizes, activation, learningRate, l2, epochs, batchSize, seed, f);
    }

    /** Parses an activation name as written in configs ({@code tanh}, {@code relu}, {@code sigmoid}, ...). */
    public static Activation activation(String name) {
        try {
            return Activation.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "' (e.g. tanh, relu, sigmoid, leakyrelu)",
                    e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThermometerOptions t && Arrays.equals(hiddenSizes, t.hiddenSizes)
                && activation == t.activation && Double.compare(learningRate, t.learningRate) == 0
                && Double.compare(l2, t.l2) == 0 && epochs == t.epochs && batchSize == t.batchSize && seed == t.seed
                && Double.compare(heldOutFraction, t.heldOutFraction) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hiddenSizes) * 31 + java.util.Objects.hash(activation, learningRate, l2, epochs,
                batchSize, seed, heldOutFraction);
    }

    @Override
    public String toString() {
        return "ThermometerOptions[hidden=" + Arrays.toString(hiddenSizes) + ", " + activation.name()
                .toLowerCase(Locale.ROOT) + ", lr=" + learningRate + ", l2=" + l2 + ", epochs=" + epochs + ", batch="
                + batchSize + ", seed=" + seed + ", heldOut=" + heldOutFraction + "]";
    }
}
