package org.rgflow.hamiltonian;

import java.util.Map;
import org.rgflow.lattice.Lattice;

/**
 * A classical Ising Hamiltonian H(s) on a lattice, spins s_i = &plusmn;1 stored as {@code byte}.
 * Sign convention: H = -&Sigma;_{i&lt;j} J_ij s_i s_j - h &Sigma;_i s_i (ferromagnetic for J &gt; 0).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Hamiltonian {

    Lattice lattice();

    /** Short model identifier written into datasets, e.g. {@code "ising-nn"} or {@code "ising-lr"}. */
    String model();

    /** Total energy H(s). @param spins [numSites], values &plusmn;1 */
    double energy(byte[] spins);

    /** Uniform external field h. */
    double field();

    /** Parameters for manifests and dataset labels (e.g. couplingJ, field, sigma, periodicSum). */
    Map<String, Object> parameters();
}
