package org.rgflow.mc;

/**
 * The per-chain scalar random number generator: xoshiro256++ (Blackman &amp; Vigna 2018), period
 * 2^256 &minus; 1, state filled from one {@code long} seed by SplitMix64. Not thread-safe: each chain
 * owns one, so results never depend on how chains are scheduled on threads.
 *
 * <p>Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47
 * (2021). Cost: a few ns per call.
 */
final class ChainRandom {

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** @param seed any value, typically {@link Seeds#chainSeed(long, int)} */
    ChainRandom(long seed) {
        long z = seed;
        s0 = Seeds.mix64(z += Seeds.GOLDEN_GAMMA);
        s1 = Seeds.mix64(z += Seeds.GOLDEN_GAMMA);
        s2 = Seeds.mix64(z += Seeds.GOLDEN_GAMMA);
        s3 = Seeds.mix64(z + Seeds.GOLDEN_GAMMA);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1; // the all-zero state is the one fixed point of xoshiro
        }
    }

    /** 64 uniform random bits. */
    long nextLong() {
        long result = Long.rotateLeft(s0 + s3, 23) + s0;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 2^32), as a non-negative long (compare with thresholds scaled by 2^32). */
    long nextUnsigned32() {
        return nextLong() >>> 32;
    }

    /** Uniform in [0, bound) without modulo bias (Lemire's multiply-shift with rejection). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniformly random spin, &plusmn;1. */
    byte nextSpin() {
        return nextLong() < 0 ? (byte) -1 : (byte) 1;
    }

    /** Probability p as a threshold for {@link #nextUnsigned32()}: P(u &lt; threshold) = p to within 2^-32. */
    static long threshold32(double p) {
        if (!(p > 0)) {
            return 0;
        }
        if (p >= 1) {
            return 1L << 32;
        }
        return (long) Math.floor(p * 4294967296.0);
    }
}
