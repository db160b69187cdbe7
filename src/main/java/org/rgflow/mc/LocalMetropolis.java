package org.rgflow.mc;

/** One Metropolis chain: its spins, its own RNG and its sweep. Package-private strategy of {@link MetropolisChains}. */
interface LocalMetropolis {

    /** One sweep: every site visited once with the given thresholds. */
    void sweep(MetropolisAcceptance acceptance);

    /** @param out [numSites], receives &plusmn;1 in lattice site order */
    void copySpins(byte[] out);

    void flipAll();
}
