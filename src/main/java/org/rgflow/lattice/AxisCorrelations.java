package org.rgflow.lattice;

/**
 * Two-point functions of one configuration along the lattice axes, averaged over all sites and all d
 * axes (translation and cubic symmetry), for distances r = 0 &hellip; L/2:
 * <ul>
 * <li>spin: G(r) = (1/dN) &Sigma;_a &Sigma;_i s_i s_{i + r e_a};</li>
 * <li>bond energy: with the local energy density &epsilon;_i = &Sigma;_a s_i s_{i + e_a} (the d
 *     nearest-neighbour bonds at i), C_&epsilon;&epsilon;(r) = (1/dN) &Sigma;_a &Sigma;_i
 *     &epsilon;_i &epsilon;_{i + r e_a}, plus the mean &epsilon;&#772; = (1/N) &Sigma;_i &epsilon;_i for the
 *     connected part &lang;C_&epsilon;&epsilon;(r)&rang; - &lang;&epsilon;&#772;&rang;&sup2;.</li>
 * </ul>
 * &epsilon;_i is the nearest-neighbour energy operator for the NN model; for the long-range model it is
 * the simplest local Z2-even operator, whose leading scaling dimension is &Delta;_&epsilon; as well.
 * Spins may be &plusmn;1 or real (block averages, mean-field flows).
 *
 * <p>Sites are row-major (last coordinate fastest), as {@link Lattice} guarantees. Cost per
 * configuration O(N d (L/2 + 1)). Not thread-safe (scratch buffers): one instance per thread.
 */
public final class AxisCorrelations {

    private final int length;
    private final int dimension;
    private final int numSites;
    private final int maxDistance;
    private final int[] strides;
    private final int[][] coordinate;
    private final double[] bond;
    private final double[] real;

    private AxisCorrelations(Lattice lattice) {
        this.length = lattice.length();
        this.dimension = lattice.dimension();
        this.numSites = lattice.numSites();
        this.maxDistance = length / 2;
        this.strides = new int[dimension];
        int s = 1;
        for (int a = dimension - 1; a >= 0; a--) {
            strides[a] = s;
            s *= length;
        }
        this.bond = new double[numSites];
        this.real = new double[numSites];
        this.coordinate = new int[dimension][numSites];
        for (int a = 0; a < dimension; a++) {
            for (int i = 0; i < numSites; i++) {
                coordinate[a][i] = (i / strides[a]) % length;
            }
        }
    }

    public static AxisCorrelations of(Lattice lattice) {
        return new AxisCorrelations(lattice);
    }

    /** Distances 0..L/2: the width of each correlator vector is L/2 + 1. */
    public int numDistances() {
        return maxDistance + 1;
    }

    /** Entries written by {@code measure}: G(0..L/2), C_&epsilon;&epsilon;(0..L/2), &epsilon;&#772;. */
    public int width() {
        return 2 * numDistances() + 1;
    }

    /** {@link #measure(double[], double[], int)} of &plusmn;1 byte spins. */
    public void measure(byte[] spins, double[] out, int offset) {
        for (int i = 0; i < numSites; i++) {
            real[i] = spins[i];
        }
        measure(real, out, offset);
    }

    /**
     * Fills G(r) into {@code out[offset .. offset + L/2]}, C_&epsilon;&epsilon;(r) into the next
     * L/2 + 1 entries and &epsilon;&#772; into the entry after them.
     *
     * @param spins [numSites] real spins
     * @param out destination of length &ge; offset + {@link #width()}
     */
    public void measure(double[] spins, double[] out, int offset) {
        double mean = 0;
        for (int i = 0; i < numSites; i++) {
            double e = 0;
            for (int a = 0; a < dimension; a++) {
                e += spins[i] * spins[shift(i, a, 1)];
            }
            bond[i] = e;
            mean += e;
        }
        int w = numDistances();
        double norm = 1.0 / ((double) dimension * numSites);
        for (int r = 0; r <= maxDistance; r++) {
            double gs = 0;
            double ge = 0;
            for (int a = 0; a < dimension; a++) {
                for (int i = 0; i < numSites; i++) {
                    int j = shift(i, a, r);
                    gs += spins[i] * spins[j];
                    ge += bond[i] * bond[j];
                }
            }
            out[offset + r] = gs * norm;
            out[offset + w + r] = ge * norm;
        }
        out[offset + 2 * w] = mean / numSites;
    }

    /** The site i + r e_a on the torus. */
    private int shift(int site, int axis, int r) {
        int x = coordinate[axis][site];
        int y = x + r;
        if (y >= length) {
            y -= length;
        }
        return site + (y - x) * strides[axis];
    }
}
