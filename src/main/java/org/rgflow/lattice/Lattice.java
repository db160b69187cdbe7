package org.rgflow.lattice;

/**
 * A finite periodic lattice of {@code numSites()} sites indexed 0..N-1 in row-major order
 * (the last coordinate varies fastest).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Lattice {

    /** Spatial dimension d (1, 2 or 3). */
    int dimension();

    /** Linear size L: every side has L sites. */
    int length();

    /** N = L^d. */
    int numSites();

    /**
     * Nearest neighbours of {@code site}: 2d entries, ordered (-x0, +x0, -x1, +x1, ...).
     * Returns the lattice's own table row: callers must not modify it.
     */
    int[] neighbours(int site);

    /** The neighbour table as one flat array [numSites * 2d], row-major by site. Shared: do not modify. */
    int[] neighbourTable();

    /** Coordinates (x0, ..., x_{d-1}) of {@code site}, each in [0, L). */
    int[] coordinates(int site);

    /** Site index of the given coordinates, each reduced modulo L (periodic). */
    int site(int... coordinates);

    /**
     * The site index of the periodic displacement b - a, i.e. {@code site(coords(b) - coords(a) mod L)}.
     * Translation-invariant couplings J(a, b) depend only on this index.
     */
    int displacement(int a, int b);

    /** Checkerboard colour (sum of coordinates mod 2). Bipartite on the torus only when L is even. */
    int parity(int site);
}
