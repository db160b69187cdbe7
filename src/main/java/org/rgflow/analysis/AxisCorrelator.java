package org.rgflow.analysis;

import org.rgflow.lattice.Lattice;

/**
 * Axis two-point functions of one configuration of real spins, averaged over all sites and all d axes, for
 * r = 0 &hellip; L/2: G(r) = (1/dN) &Sigma;_a &Sigma;_i s_i s_{i + r e_a} and, with the local bond energy
 * &epsilon;_i = &Sigma;_a s_i s_{i + e_a}, C_&epsilon;&epsilon;(r) = (1/dN) &Sigma;_a &Sigma;_i &epsilon;_i
 * &epsilon;_{i + r e_a}, plus &epsilon;&#772; = (1/N) &Sigma;_i &epsilon;_i. The same definitions as the
 * package-private {@code critical.AxisCorrelators} (which reads byte spins and which {@code analysis} may not use);
 * kept minimal here for {@link FlowScaling}. Sites row-major (last coordinate fastest). Cost O(N d L/2). Not
 * thread-safe (scratch buffer).
 */
final class AxisCorrelator {

    private final int length;
    private final int dimension;
    private final int numSites;
    private final int[][] shifted;
    private final double[] bond;

    AxisCorrelator(Lattice lattice) {
        this.length = lattice.length();
        this.dimension = lattice.dimension();
        this.numSites = lattice.numSites();
        this.bond = new double[numSites];
        int half = length / 2;
        // shifted[a * (half + 1) + r][i] = i + r e_a
        this.shifted = new int[dimension * (half + 1)][numSites];
        int stride = 1;
        for (int a = dimension - 1; a >= 0; a--) {
            for (int r = 0; r <= half; r++) {
                int[] t = shifted[a * (half + 1) + r];
                for (int i = 0; i < numSites; i++) {
                    int x = (i / stride) % length;
                    int y = (x + r) % length;
                    t[i] = i + (y - x) * stride;
                }
            }
            stride *= length;
        }
    }

    /** L/2 + 1. */
    int numDistances() {
        return length / 2 + 1;
    }

    /** Writes G(0..L/2), then C_&epsilon;&epsilon;(0..L/2), then &epsilon;&#772; into out from offset. */
    void measure(double[] spins, double[] out, int offset) {
        int w = numDistances();
        double mean = 0;
        for (int i = 0; i < numSites; i++) {
            double e = 0;
            for (int a = 0; a < dimension; a++) {
                e += spins[i] * spins[shifted[a * w + 1][i]];
            }
            bond[i] = e;
            mean += e;
        }
        double norm = 1.0 / ((double) dimension * numSites);
        for (int r = 0; r < w; r++) {
            double gs = 0;
            double ge = 0;
            for (int a = 0; a < dimension; a++) {
                int[] t = shifted[a * w + r];
                for (int i = 0; i < numSites; i++) {
                    gs += spins[i] * spins[t[i]];
                    ge += bond[i] * bond[t[i]];
                }
            }
            out[offset + r] = gs * norm;
            out[offset + w + r] = ge * norm;
        }
        out[offset + 2 * w] = mean / numSites;
    }
}
