package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * Multi-cluster Swendsen&ndash;Wang updates for nearest-neighbour Ising at zero field, J &gt; 0, any d.
 *
 * <p>One sweep: every bond &lang;ij&rang; with s_i = s_j is occupied with probability
 * \[ p = 1 - e^{-2J/T}; \]
 * the clusters of occupied bonds (Fortuin&ndash;Kasteleyn) are found with union&ndash;find (union by
 * size, path halving) and each cluster is flipped independently with probability 1/2. A sweep is one
 * full decomposition. Cost O(N d &alpha;(N)) per sweep; memory 9N bytes per chain plus the spins.
 *
 * <p>Reference: R. H. Swendsen, J.-S. Wang, Phys. Rev. Lett. 58, 86 (1987).
 */
public final class SwendsenWangRule implements UpdateRule {

    /** Name in configs and manifests. */
    public static final String NAME = "swendsen-wang";

    private SwendsenWangRule() {
    }

    public static SwendsenWangRule of() {
        return new SwendsenWangRule();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Hamiltonian hamiltonian) {
        return NearestNeighbourRules.isZeroFieldFerromagnet(hamiltonian);
    }

    @Override
    public SwendsenWangChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start) {
        NearestNeighbourIsing h = NearestNeighbourRules.require(this, hamiltonian, numChains, start,
                NearestNeighbourRules.clusterAlternatives(hamiltonian));
        return new SwendsenWangChains(h, new ByteSpins(h.lattice(), numChains, seed, start));
    }

    @Override
    public String toString() {
        return "SwendsenWangRule[]";
    }
}
