package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;

/**
 * The mutable state of {@code numChains()} independent Markov chains on one Hamiltonian, plus the
 * update rule that advances them. Owned by one thread at a time; not thread-safe.
 *
 * <p>A <em>sweep</em> is the unit of Monte Carlo time: N attempted single-spin flips for local rules,
 * one full Swendsen&ndash;Wang decomposition, or enough Wolff clusters to flip N spins on average.
 */
public interface MarkovChains {

    Hamiltonian hamiltonian();

    int numChains();

    /** Advances every chain by one sweep at temperature T &gt; 0 (k_B = 1). */
    void sweep(double temperature);

    /**
     * Copies the spins of one chain.
     *
     * @param chain index in [0, numChains)
     * @param out [numSites], receives values &plusmn;1
     */
    void copySpins(int chain, byte[] out);

    /** Flips every spin of one chain (the exact Z2 symmetry move, valid only at zero field). */
    void flipAll(int chain);

    /** Name of the update rule, e.g. {@code "metropolis"}, for manifests. */
    String ruleName();
}
