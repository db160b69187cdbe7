package org.rgflow.analysis;

import org.rgflow.lattice.HypercubicLattice;

/**
 * Circular statistics on the periodic lattice: per axis k a coordinate x is the angle &theta; = 2&pi;x/L. For
 * weights w_i &ge; 0 (normalised), the mean resultant R_k e^{i&mu;_k} = &Sigma;_i w_i e^{i&theta;_{ik}} gives the
 * circular mean &mu;_k L/(2&pi;) and the spread (L/2&pi;)&radic;(2(1&minus;R_k)) (the rms chord length, which is
 * the rms distance for compact weights). Package-private helper; O(N d).
 */
final class Torus {

    private Torus() {
    }

    /** Per-axis circular mean in [0, L) and spread, {@code out[0]} = means, {@code out[1]} = spreads. */
    static double[][] circularMoments(HypercubicLattice lattice, double[] weights) {
        int d = lattice.dimension();
        int length = lattice.length();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum, got " + total);
        }
        double[] c = new double[d];
        double[] s = new double[d];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            int[] x = lattice.coordinates(i);
            for (int k = 0; k < d; k++) {
                double theta = 2 * Math.PI * x[k] / length;
                c[k] += weights[i] * Math.cos(theta);
                s[k] += weights[i] * Math.sin(theta);
            }
        }
        double[] mean = new double[d];
        double[] spread = new double[d];
        for (int k = 0; k < d; k++) {
            double r = Math.hypot(c[k], s[k]) / total;
            double mu = Math.atan2(s[k], c[k]);
            double m = mu * length / (2 * Math.PI);
            mean[k] = m < 0 ? m + length : m;
            spread[k] = length / (2 * Math.PI) * Math.sqrt(Math.max(0, 2 * (1 - Math.min(1, r))));
        }
        return new double[][] {mean, spread};
    }

    /** Euclidean minimum-image distance between site i and a real point on the torus. */
    static double distance(HypercubicLattice lattice, int site, double[] point) {
        int[] x = lattice.coordinates(site);
        int length = lattice.length();
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            double dx = Math.abs(x[k] - point[k]) % length;
            dx = Math.min(dx, length - dx);
            sum += dx * dx;
        }
        return Math.sqrt(sum);
    }
}
