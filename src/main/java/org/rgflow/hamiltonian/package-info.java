/**
 * Ising couplings and energies: {@link org.rgflow.hamiltonian.NearestNeighbourIsing} and the
 * long-range model with J(r) = J / r^(d+&sigma;). Spins are &plusmn;1 bytes. Depends only on {@code lattice}.
 */
package org.rgflow.hamiltonian;
