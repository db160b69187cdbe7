package org.rgflow.mc;

import org.rgflow.lattice.Lattice;

/**
 * Index arithmetic of translation-invariant long-range moves on Z_L^d, d &le; 3, padded to three
 * axes (sizes n0 &times; n1 &times; n2, unused leading axes of size 1) in the row-major order of
 * {@link Lattice}: site = (x0 n1 + x1) n2 + x2, and displacement(i, j) = site(x_j - x_i mod L).
 */
final class LongRangeGeometry {

    final int n0;
    final int n1;
    final int n2;
    final int numSites;

    LongRangeGeometry(Lattice lattice) {
        int d = lattice.dimension();
        int length = lattice.length();
        this.n0 = d >= 3 ? length : 1;
        this.n1 = d >= 2 ? length : 1;
        this.n2 = length;
        this.numSites = n0 * n1 * n2;
        if (numSites != lattice.numSites()) {
            throw new IllegalArgumentException("long-range samplers need a hypercubic lattice of dimension <= 3, got "
                    + lattice);
        }
    }

    /** Coordinate of {@code index} (a site or a displacement) on padded axis 0, 1 or 2. */
    int coordinate(int index, int axis) {
        switch (axis) {
            case 0:
                return index / (n1 * n2);
            case 1:
                return (index / n2) % n1;
            default:
                return index % n2;
        }
    }

    /**
     * out[j] += scale &middot; table[displacement(site, j)] for every site j. O(N), contiguous inner loop.
     *
     * @param table [numSites] indexed by displacement
     * @param out [numSites], modified in place
     */
    void addRowInPlace(int site, double scale, double[] table, double[] out) {
        int a0 = coordinate(site, 0);
        int a1 = coordinate(site, 1);
        int a2 = coordinate(site, 2);
        for (int j0 = 0; j0 < n0; j0++) {
            int d0 = j0 >= a0 ? j0 - a0 : j0 - a0 + n0;
            for (int j1 = 0; j1 < n1; j1++) {
                int d1 = j1 >= a1 ? j1 - a1 : j1 - a1 + n1;
                int rowJ = (j0 * n1 + j1) * n2;
                int rowD = (d0 * n1 + d1) * n2;
                int wrapped = rowD - a2 + n2;
                for (int j2 = 0; j2 < a2; j2++) {
                    out[rowJ + j2] += scale * table[wrapped + j2];
                }
                int direct = rowD - a2;
                for (int j2 = a2; j2 < n2; j2++) {
                    out[rowJ + j2] += scale * table[direct + j2];
                }
            }
        }
    }
}
