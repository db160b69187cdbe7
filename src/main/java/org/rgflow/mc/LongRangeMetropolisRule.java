package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.LongRangeIsing;

/**
 * Single-spin Metropolis for the long-range Ising model ({@link LongRangeIsing}, any J, any field h):
 * pick a site uniformly, accept the flip with probability min(1, e^{-&beta;&Delta;E}),
 * &Delta;E = 2 s_i (f_i + h), where the local fields f_i = &Sigma;_j J(&Delta;_ij) s_j are kept up to date
 * after every accepted flip. A sweep is N attempts.
 *
 * <p>Cost: O(1) per rejected and O(N) per accepted flip, so O(N&sup2;) per sweep; O(N&sup2;) set-up; memory
 * O(N) per chain. The exact small-lattice oracle for {@link LongRangeClusterRule}, not a production sampler.
 */
public final class LongRangeMetropolisRule implements UpdateRule {

    /** Identifier in configs and manifests. */
    public static final String NAME = "lr-metropolis";

    /** Single-spin Metropolis with incremental local fields (any field h). */
    public static LongRangeMetropolisRule of() {
        return new LongRangeMetropolisRule();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Hamiltonian hamiltonian) {
        return hamiltonian instanceof LongRangeIsing lr && lr.lattice().dimension() <= 3;
    }

    @Override
    public MarkovChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start) {
        if (!supports(hamiltonian)) {
            throw new IllegalArgumentException(NAME + " samples the long-range Ising model (LongRangeIsing) only; got "
                    + hamiltonian + ". Use rule metropolis (or wolff / swendsen-wang) for the nearest-neighbour model.");
        }
        LongRangeChainSupport.checkChains(numChains, start);
        return new LongRangeMetropolisChains((LongRangeIsing) hamiltonian, numChains, seed, start);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
