/**
 * Lattice geometry: dimension, size L, periodic boundaries, site indexing, displacements,
 * neighbour tables and checkerboard parity. Entry point: {@link org.rgflow.lattice.HypercubicLattice#of}.
 * Depends on nothing else in rgflow.
 */
package org.rgflow.lattice;
