package org.rgflow.mc;

/**
 * Walker's alias method in Vose's numerically stable construction: after O(n) set-up, draws an
 * index i with probability w_i / &Sigma;w in O(1) from a single uniform u: column c = &lfloor;u n&rfloor;,
 * then c itself if the fractional part of u n is below threshold[c], else alias[c].
 * Rounding bias is O(n 2^-53). References: A. J. Walker, ACM TOMS 3, 253 (1977);
 * M. D. Vose, IEEE Trans. Softw. Eng. 17, 972 (1991). Immutable.
 */
final class LongRangeAliasTable {

    private final double[] threshold;
    private final int[] alias;

    /** @param weights [n], finite, &ge; 0, with a positive sum */
    LongRangeAliasTable(double[] weights) {
        int n = weights.length;
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("alias weights must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("alias weights must have a positive sum");
        }
        threshold = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int g = large[--nl];
            threshold[s] = scaled[s];
            alias[s] = g;
            scaled[g] = (scaled[g] + scaled[s]) - 1;
            if (scaled[g] < 1) {
                small[ns++] = g;
            } else {
                large[nl++] = g;
            }
        }
        while (nl > 0) {
            int g = large[--nl];
            threshold[g] = 1;
            alias[g] = g;
        }
        while (ns > 0) { // only rounding leftovers, each with scaled value 1 - O(n 2^-53)
            int s = small[--ns];
            threshold[s] = 1;
            alias[s] = s;
        }
    }

    int size() {
        return threshold.length;
    }

    /** @param u uniform on [0, 1) @return an index in [0, n) */
    int sample(double u) {
        double x = u * threshold.length;
        int column = Math.min((int) x, threshold.length - 1);
        return x - column < threshold[column] ? column : alias[column];
    }

    /** Exact probability of index i implied by the table (for tests). */
    double probability(int i) {
        double p = threshold[i];
        for (int c = 0; c < alias.length; c++) {
            if (alias[c] == i && c != i) {
                p += 1 - threshold[c];
            }
        }
        return p / threshold.length;
    }
}
