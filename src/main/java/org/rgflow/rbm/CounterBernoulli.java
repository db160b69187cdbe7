package org.rgflow.rbm;

/**
 * Uniform numbers and Bernoulli draws on float arrays from a counter-based generator, written so that HotSpot C2
 * vectorises it: element i of a stream with 64-bit key k gets the 32-bit word
 * \[ x_i = f\big(f(i\cdot\varphi + k_{lo}) \oplus k_{hi}\big), \qquad \varphi = \texttt{0x9E3779B9}, \]
 * with f MurmurHash3's 32-bit finaliser (a bijection with full avalanche), and the uniform number
 * u_i = &lfloor;x_i / 2&#8313;&rfloor; &middot; 2&#8315;&sup2;&sup3; &isin; {0, 2&#8315;&sup2;&sup3;, &hellip;,
 * 1 &minus; 2&#8315;&sup2;&sup3;} (its top 23 bits, made a float through the exponent bits of [1, 2)). A draw is
 * out_i = 1 when u_i &lt; p_i, so P(out = 1) = &lceil;2&sup2;&sup3; p&rceil; / 2&sup2;&sup3;: exact for p = 0 and
 * p = 1, within 1.2&middot;10&#8315;&#8311; otherwise (p &ge; 2&#8315;&sup1;&#8304;&#8304; or 0). A fresh key per
 * pass (drawn from the caller's seeded generator) gives independent passes; within a pass the words of distinct i
 * are distinct hash outputs of a Weyl sequence, the construction of SplitMix. Cost about 0.9 ns per element in
 * three loops: C2 does not vectorise the hash and float work in one loop, nor a loop that uses its own index as
 * data, hence the {@code ramp} array.
 */
final class CounterBernoulli {

    private static final int PHI = 0x9E3779B9;
    private static final int ONE_BITS = 0x3F800000;
    /** (p - u) times this is >= 1 whenever p > u (u is 0 or >= 2^-23, p is 0 or >= 2^-100). */
    private static final float SHARPEN = 0x1.0p100f;

    /** 0, 1, 2, &hellip;: the counter as data (see the class comment). */
    private int[] ramp = new int[0];
    private int[] words = new int[0];
    private float[] scratch = new float[0];

    /**
     * u[i] = the uniform numbers of counters {@code first} &hellip; {@code first + n - 1} of the stream of
     * {@code key}, so a pass cut into blocks draws the same numbers as one call.
     */
    void uniforms(float[] u, int n, long key, int first) {
        ensure(n);
        int lo = (int) key + first * PHI;
        int hi = (int) (key >>> 32);
        int[] r = ramp;
        int[] w = words;
        for (int i = 0; i < n; i++) {
            w[i] = fmix(fmix(r[i] * PHI + lo) ^ hi);
        }
        for (int i = 0; i < n; i++) {
            u[i] = Float.intBitsToFloat((w[i] >>> 9) | ONE_BITS) - 1f;
        }
    }

    /** out[i] = 1 if u[i] &lt; p[i], else 0 (distinct arrays; p in [0, 1]). */
    static void draw(float[] p, float[] u, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(1f, Math.max(0f, (p[i] - u[i]) * SHARPEN));
        }
    }

    /**
     * out[i] &isin; {0, 1} with P(out[i] = 1) = p[i] for i &lt; n, from counters {@code first} &hellip; of the
     * stream of {@code key} ({@code p} and {@code out} distinct).
     */
    void sample(float[] p, float[] out, int n, long key, int first) {
        if (scratch.length < n) {
            scratch = new float[n];
        }
        uniforms(scratch, n, key, first);
        draw(p, scratch, out, n);
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
