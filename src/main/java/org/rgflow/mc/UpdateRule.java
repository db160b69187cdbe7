package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;

/**
 * A Monte Carlo move set. Immutable configuration; {@link #start} creates the mutable chain state.
 * A new algorithm is a new {@code UpdateRule}, never a subclass of another sampler.
 */
public interface UpdateRule {

    /** Stable identifier used in configs and manifests (e.g. {@code "wolff"}). */
    String name();

    /** Whether this rule can sample the given Hamiltonian (e.g. Wolff: nearest-neighbour, zero field). */
    boolean supports(Hamiltonian hamiltonian);

    /**
     * Creates {@code numChains} chains, each seeded by {@link Seeds#chainSeed(long, int)} from
     * {@code seed}, started from {@code start}.
     *
     * @throws IllegalArgumentException if the Hamiltonian is not supported (message says which rule to use)
     */
    MarkovChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start);
}
