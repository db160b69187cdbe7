package org.rgflow.mc;

/**
 * xoshiro256** (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021):
 * period 2^256 - 1, state filled from a 64-bit seed by the SplitMix64 sequence. One instance per
 * chain, seeded from {@link Seeds#chainSeed}; output is identical on every platform and JDK.
 * Not thread-safe. (Package-private copy for the long-range samplers; a candidate for a shared RNG.)
 */
final class LongRangeRandom {

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    LongRangeRandom(long seed) {
        long x = seed;
        x += Seeds.GOLDEN_GAMMA;
        s0 = Seeds.mix64(x);
        x += Seeds.GOLDEN_GAMMA;
        s1 = Seeds.mix64(x);
        x += Seeds.GOLDEN_GAMMA;
        s2 = Seeds.mix64(x);
        x += Seeds.GOLDEN_GAMMA;
        s3 = Seeds.mix64(x);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
    }

    /** 64 uniformly random bits. */
    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform on [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound), unbiased (Lemire's multiply-and-reject). @param bound &ge; 1 */
    int nextInt(int bound) {
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
}
