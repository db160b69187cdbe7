/**
 * Ising couplings and energies: {@link org.rgflow.hamiltonian.NearestNeighbourIsing} and the
 * long-range model with J(r) = J / r^(d+&sigma;). Spins are &plusmn;1 bytes. Depends only on {@code lattice}.
 * Long-range: {@link org.rgflow.hamiltonian.LongRangeIsing} (FFT energy), coupling tables in
 * {@link org.rgflow.hamiltonian.LongRangeCouplings}, periodic convention {@link org.rgflow.hamiltonian.PeriodicSum}.
 */
package org.rgflow.hamiltonian;
