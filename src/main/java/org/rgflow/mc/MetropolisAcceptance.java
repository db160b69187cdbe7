package org.rgflow.mc;

/**
 * Metropolis acceptance thresholds of nearest-neighbour Ising at one temperature, as 31-bit integers.
 *
 * <p>Flipping s_i costs &Delta;E = 2 s_i (J n_i + h), n_i = &Sigma;_{j~i} s_j, so on a lattice of
 * coordination 2d it takes at most 2(2d+1) values, keyed by {@code key = 2 y + s} with y = s n &isin;
 * {&minus;2d, &hellip;, 2d} (even) and s = &plusmn;1. The acceptance min(1, e^{&minus;&Delta;E/T}) is stored
 * as {@code thr = floor(p 2^31)}, or {@link #ALWAYS} when p = 1; a uniform u &isin; [0, 2^31) is accepted
 * iff {@code ((u - thr) >> 31) != 0}, which is exact for ALWAYS (the subtraction wraps) and otherwise
 * accepts with probability thr/2^31, within 2^-31 of p.
 *
 * <p><b>d = 1 is lazy.</b> With acceptance 1 at &Delta;E &le; 0, checkerboard and typewriter orders move
 * an isolated domain wall deterministically (it crosses the site being updated), so in d = 1 every wall
 * keeps its direction, the number of left- minus right-moving walls is conserved and the chain is not
 * ergodic (measured: e = &minus;0.347 instead of &minus;0.380 on a ring of 12 at T = 2.5). In d = 1 all
 * acceptances are therefore halved, p' = p/2: the mixture "do nothing or Metropolis, each with
 * probability 1/2" still satisfies detailed balance, and the walls perform random walks.
 */
final class MetropolisAcceptance {

    /** Threshold meaning "always accept" (2^31 as a wrapped int). */
    static final int ALWAYS = Integer.MIN_VALUE;

    final double temperature;
    /** True for h = 0, J &gt; 0: then thr depends on y only and is the largest for y &le; 0. */
    final boolean zeroFieldFerromagnet;
    /** Zero-field ferromagnet: thresholds for y &le; 0 and y = 2, 4, 6 ([4]; unused entries 0). */
    final int[] stepThresholds;
    /** All keys (ascending) with their thresholds; entries with thr = 0 (never accept) left out. */
    final int[] keys;
    final int[] keyThresholds;
    /** thr by {@code key + keyOffset}, for scalar lookups: [2 keyOffset + 1]. */
    final int[] table;
    final int keyOffset;

    private MetropolisAcceptance(double temperature, boolean zeroFieldFerromagnet, int[] stepThresholds,
            int[] keys, int[] keyThresholds, int[] table, int keyOffset) {
        this.temperature = temperature;
        this.zeroFieldFerromagnet = zeroFieldFerromagnet;
        this.stepThresholds = stepThresholds;
        this.keys = keys;
        this.keyThresholds = keyThresholds;
        this.table = table;
        this.keyOffset = keyOffset;
    }

    /** Thresholds for dimension d, coupling J, field h at temperature T &gt; 0. Cost O(d). */
    static MetropolisAcceptance of(int dimension, double couplingJ, double field, double temperature) {
        int z = 2 * dimension;
        int offset = 2 * z + 1;
        int[] table = new int[2 * offset + 1];
        int count = 0;
        int[] keys = new int[2 * (z + 1)];
        int[] thresholds = new int[2 * (z + 1)];
        double lazy = dimension == 1 ? 0.5 : 1.0;
        for (int y = -z; y <= z; y += 2) {
            for (int s = -1; s <= 1; s += 2) {
                double deltaE = 2 * (couplingJ * y + field * s);
                int thr = threshold(lazy * Math.min(1, Math.exp(-deltaE / temperature)));
                int key = 2 * y + s;
                table[key + offset] = thr;
                if (thr != 0) {
                    keys[count] = key;
                    thresholds[count++] = thr;
                }
            }
        }
        boolean fast = field == 0 && couplingJ > 0;
        int[] steps = new int[4];
        steps[0] = threshold(lazy);
        for (int m = 1; m <= Math.min(3, dimension); m++) {
            steps[m] = threshold(lazy * Math.exp(-4 * couplingJ * m / temperature));
        }
        return new MetropolisAcceptance(temperature, fast, steps, java.util.Arrays.copyOf(keys, count),
                java.util.Arrays.copyOf(thresholds, count), table, offset);
    }

    /** floor(p 2^31) for p &lt; 1, {@link #ALWAYS} for p &ge; 1 (and for NaN-free overflow to +&infin;). */
    static int threshold(double p) {
        if (p >= 1) {
            return ALWAYS;
        }
        if (!(p > 0)) {
            return 0;
        }
        return (int) Math.floor(p * 2147483648.0);
    }

    /** Scalar acceptance test for spin s with neighbour sum n, given a 31-bit uniform u. */
    boolean accept(int s, int neighbourSum, int uniform31) {
        int thr = table[2 * s * neighbourSum + s + keyOffset];
        return ((uniform31 - thr) >> 31) != 0;
    }
}
