package org.rgflow.mc;

/**
 * Derivation of independent seeds from one master seed, by SplitMix64 finalisation
 * (Steele, Lea &amp; Flood 2014): {@code child(seed, i) = mix64(seed + (i + 1) * GOLDEN_GAMMA)}.
 * Every stochastic component gets its seed through this rule, so one master seed fixes a run.
 */
public final class Seeds {

    /** 2^64 / golden ratio, the SplitMix64 increment. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The SplitMix64 output function (a bijection on 64-bit values). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The i-th child seed of {@code seed}; children of distinct i are distinct. */
    public static long child(long seed, long i) {
        return mix64(seed + (i + 1) * GOLDEN_GAMMA);
    }

    /** Seed of chain {@code chain} of a run seeded with {@code seed}. */
    public static long chainSeed(long seed, int chain) {
        return child(child(seed, 0x636861696EL), chain); // "chain"
    }

    /** Seed of the temperature with index {@code index} in a temperature scan seeded with {@code seed}. */
    public static long temperatureSeed(long seed, int index) {
        return child(child(seed, 0x74656D70L), index); // "temp"
    }
}
