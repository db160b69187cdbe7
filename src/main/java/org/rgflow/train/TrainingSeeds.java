package org.rgflow.train;

/**
 * Seeds of a training run, derived from the master seed by SplitMix64 (the rule of {@code mc.Seeds}):
 * {@code child(seed, i) = mix64(seed + (i + 1) * 0x9E3779B97F4A7C15)}. Each epoch of each layer has its
 * own generator, so a run resumed at an epoch boundary draws exactly the numbers of an uninterrupted run.
 */
public final class TrainingSeeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private TrainingSeeds() {
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The i-th child of {@code seed}. */
    public static long child(long seed, long i) {
        return mix64(seed + (i + 1) * GOLDEN_GAMMA);
    }

    /** Generator seed of {@code epoch} (0-based) of layer {@code layer}. */
    public static long epochSeed(long seed, int layer, int epoch) {
        return child(child(child(seed, 0x65706F6368L), layer), epoch); // "epoch"
    }

    /** Seed of the initial persistent chains of {@code layer}. */
    public static long chainSeed(long seed, int layer) {
        return child(child(seed, 0x636861696EL), layer); // "chain"
    }

    /** Seed of the monitoring computations (stochastic pseudo-likelihood, sampled stack input). */
    public static long monitorSeed(long seed, int layer, int epoch) {
        return child(child(child(seed, 0x6D6F6E6974L), layer), epoch); // "monit"
    }
}
