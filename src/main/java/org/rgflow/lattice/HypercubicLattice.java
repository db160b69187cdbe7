package org.rgflow.lattice;

import java.util.Arrays;

/**
 * Hypercubic lattice Z_L^d with periodic boundaries, d in {1, 2, 3}.
 *
 * <p>Construction precomputes the neighbour table: O(N d) time and memory.
 */
public final class HypercubicLattice implements Lattice {

    private final int dimension;
    private final int length;
    private final int numSites;
    private final int[] neighbourTable;

    private HypercubicLattice(int dimension, int length) {
        this.dimension = dimension;
        this.length = length;
        long n = 1;
        for (int k = 0; k < dimension; k++) {
            n *= length;
        }
        if (n > (1 << 28)) {
            throw new IllegalArgumentException("lattice too large: L^d = " + length + "^" + dimension + " = " + n
                    + " sites (at most 2^28 supported)");
        }
        this.numSites = (int) n;
        this.neighbourTable = buildNeighbours();
    }

    /**
     * @param dimension d in {1, 2, 3}
     * @param length L &ge; 2
     */
    public static HypercubicLattice of(int dimension, int length) {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("dimension must be 1, 2 or 3, got " + dimension);
        }
        if (length < 2) {
            throw new IllegalArgumentException("length L must be at least 2, got " + length);
        }
        return new HypercubicLattice(dimension, length);
    }

    private int[] buildNeighbours() {
        int z = 2 * dimension;
        int[] table = new int[numSites * z];
        for (int s = 0; s < numSites; s++) {
            int[] c = coordinates(s);
            for (int k = 0; k < dimension; k++) {
                int orig = c[k];
                c[k] = orig - 1;
                table[s * z + 2 * k] = site(c);
                c[k] = orig + 1;
                table[s * z + 2 * k + 1] = site(c);
                c[k] = orig;
            }
        }
        return table;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int numSites() {
        return numSites;
    }

    @Override
    public int[] neighbours(int site) {
        int z = 2 * dimension;
        return Arrays.copyOfRange(neighbourTable, site * z, site * z + z);
    }

    @Override
    public int[] neighbourTable() {
        return neighbourTable;
    }

    @Override
    public int[] coordinates(int site) {
        int[] c = new int[dimension];
        int rest = site;
        for (int k = dimension - 1; k >= 0; k--) {
            c[k] = rest % length;
            rest /= length;
        }
        return c;
    }

    @Override
    public int site(int... coordinates) {
        if (coordinates.length != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " coordinates, got " + coordinates.length);
        }
        int s = 0;
        for (int k = 0; k < dimension; k++) {
            s = s * length + Math.floorMod(coordinates[k], length);
        }
        return s;
    }

    @Override
    public int displacement(int a, int b) {
        int[] ca = coordinates(a);
        int[] cb = coordinates(b);
        for (int k = 0; k < dimension; k++) {
            cb[k] -= ca[k];
        }
        return site(cb);
    }

    @Override
    public int parity(int site) {
        int sum = 0;
        for (int c : coordinates(site)) {
            sum += c;
        }
        return sum & 1;
    }

    @Override
    public String toString() {
        return "HypercubicLattice[d=" + dimension + ", L=" + length + ", periodic]";
    }
}
