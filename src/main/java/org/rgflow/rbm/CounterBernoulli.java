package org.rgflow.rbm;

/**
 * Bernoulli draws on float arrays from a counter-based generator, written so that HotSpot C2 vectorises it:
 * element i of a call with 64-bit key k gets the 32-bit word
 * \[ x_i = f\big(f(i\cdot\varphi + k_{lo}) \oplus k_{hi}\big), \qquad \varphi = \texttt{0x9E3779B9}, \]
 * with f MurmurHash3's 32-bit finaliser (a bijection with full avalanche), and out_i = 1 when its top 24
 * bits, read as u &isin; {0, 2&#8315;&sup2;&#8308;, &hellip;, 1 &minus; 2&#8315;&sup2;&#8308;}, are below p_i
 * (so P(out = 1) = &lfloor;2&sup2;&#8308; p&rfloor; / 2&sup2;&#8308;: exact for p = 0 and p = 1, within
 * 6&middot;10&#8315;&#8312; otherwise). A fresh key per call (drawn from the caller's seeded generator) gives
 * independent calls; within a call the words of distinct i are distinct hash outputs of a Weyl sequence, the
 * construction of SplitMix. Cost about 0.9 ns per element (two loops: C2 does not vectorise the hash and the
 * float compare in one loop, nor a loop that uses its own index as data, hence the {@code ramp} array).
 */
final class CounterBernoulli {

    private static final int PHI = 0x9E3779B9;
    private static final float TWO_POW_24 = 16777216f;

    /** 0, 1, 2, &hellip;: the counter as data (see the class comment). */
    private int[] ramp = new int[0];
    private int[] words = new int[0];

    /**
     * out[i] &isin; {0, 1} with P(out[i] = 1) = p[i], for i &lt; n ({@code p} and {@code out} distinct): the
     * draws of counters {@code first} &hellip; {@code first + n - 1} of the stream of {@code key}, so a pass cut
     * into blocks draws the same numbers as one call.
     *
     * @param key   64 random bits for this stream
     * @param first the counter of element 0
     */
    void sample(float[] p, float[] out, int n, long key, int first) {
        ensure(n);
        int lo = (int) key + first * PHI;
        int hi = (int) (key >>> 32);
        int[] r = ramp;
        int[] w = words;
        for (int i = 0; i < n; i++) {
            w[i] = fmix(fmix(r[i] * PHI + lo) ^ hi);
        }
        for (int i = 0; i < n; i++) {
            // sign bit of (u24 - floor(p 2^24)): 1 exactly when u24 < p 2^24
            out[i] = (float) (((w[i] >>> 8) - (int) (p[i] * TWO_POW_24)) >>> 31);
        }
    }

    private void ensure(int n) {
        if (ramp.length < n) {
            ramp = new int[n];
            for (int i = 0; i < n; i++) {
                ramp[i] = i;
            }
            words = new int[n];
        }
    }

    /** MurmurHash3's 32-bit finaliser. */
    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
