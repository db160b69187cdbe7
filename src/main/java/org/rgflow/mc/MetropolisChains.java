package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.Lattice;

/**
 * State of {@link MetropolisRule} chains: per chain the spins and RNG streams, plus the acceptance
 * thresholds of the current temperature (rebuilt when T changes, O(d)). Chain c starts from
 * {@link #initialSpins} with a {@link ChainRandom} seeded by {@link Seeds#chainSeed(long, int)}.
 */
public final class MetropolisChains implements MarkovChains {

    private final NearestNeighbourIsing hamiltonian;
    private final LocalMetropolis[] chains;
    private final int threads;
    private MetropolisAcceptance acceptance;

    /** Builds the per-chain kernel from the chain's initial spins and RNG. */
    interface KernelFactory {
        LocalMetropolis create(NearestNeighbourIsing hamiltonian, byte[] spins, ChainRandom random);
    }

    MetropolisChains(NearestNeighbourIsing hamiltonian, int numChains, long seed, InitialState start, int threads) {
        this(hamiltonian, numChains, seed, start, threads, MetropolisChains::create);
    }

    /** With an explicit kernel choice (tests use it to force small {@link SquareMetropolis} chunks). */
    MetropolisChains(NearestNeighbourIsing hamiltonian, int numChains, long seed, InitialState start, int threads,
            KernelFactory kernels) {
        this.hamiltonian = hamiltonian;
        this.threads = threads;
        this.chains = new LocalMetropolis[numChains];
        Lattice lattice = hamiltonian.lattice();
        for (int c = 0; c < numChains; c++) {
            ChainRandom random = new ChainRandom(Seeds.chainSeed(seed, c));
            byte[] spins = initialSpins(lattice.numSites(), start, random);
            chains[c] = kernels.create(hamiltonian, spins, random);
        }
    }

    /** Odd L: typewriter; 2D zero-field ferromagnet: {@link SquareMetropolis}; else {@link SublatticeMetropolis}. */
    private static LocalMetropolis create(NearestNeighbourIsing h, byte[] spins, ChainRandom random) {
        Lattice lattice = h.lattice();
        if (lattice.length() % 2 != 0) {
            return new TypewriterMetropolis(lattice, spins, random);
        }
        if (lattice.dimension() == 2 && h.field() == 0 && h.couplingJ() > 0) {
            return new SquareMetropolis(lattice.length(), spins, random, SquareMetropolis.CHUNK_SITES);
        }
        return new SublatticeMetropolis(lattice.dimension(), lattice.length(), spins, random);
    }

    /**
     * The initial configuration shared by the CPU rules: s_i = +1 (ORDERED) or
     * {@code random.nextSpin()} for i = 0, 1, &hellip; (RANDOM).
     */
    static byte[] initialSpins(int numSites, InitialState start, ChainRandom random) {
        byte[] spins = new byte[numSites];
        for (int i = 0; i < numSites; i++) {
            spins[i] = start == InitialState.ORDERED ? 1 : random.nextSpin();
        }
        return spins;
    }

    @Override
    public Hamiltonian hamiltonian() {
        return hamiltonian;
    }

    @Override
    public int numChains() {
        return chains.length;
    }

    @Override
    public void sweep(double temperature) {
        sweeps(temperature, 1);
    }

    /**
     * {@code count} sweeps of every chain; equivalent to calling {@link #sweep} {@code count} times,
     * but with one thread hand-off instead of {@code count}, which matters for small lattices.
     */
    public void sweeps(double temperature, int count) {
        NearestNeighbourRules.checkTemperature(temperature);
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (acceptance == null || acceptance.temperature != temperature) {
            acceptance = MetropolisAcceptance.of(hamiltonian.lattice().dimension(), hamiltonian.couplingJ(),
                    hamiltonian.field(), temperature);
        }
        MetropolisAcceptance a = acceptance;
        ChainThreads.forEachChain(chains.length, threads, c -> {
            for (int s = 0; s < count; s++) {
                chains[c].sweep(a);
            }
        });
    }

    @Override
    public void copySpins(int chain, byte[] out) {
        NearestNeighbourRules.checkChain(chain, chains.length);
        NearestNeighbourRules.checkOut(out, hamiltonian.lattice().numSites());
        chains[chain].copySpins(out);
    }

    @Override
    public void flipAll(int chain) {
        NearestNeighbourRules.checkChain(chain, chains.length);
        chains[chain].flipAll();
    }

    @Override
    public String ruleName() {
        return MetropolisRule.NAME;
    }
}
