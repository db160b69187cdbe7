package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * Checkerboard Metropolis for nearest-neighbour Ising written entirely in ND4J tensor ops, so the same
 * code runs on the CPU and the CUDA backend. All chains live in one FLOAT tensor; a sweep updates colour
 * 0 then colour 1, each with 6&ndash;9 whole-colour ops plus 2d neighbour-sum ops and d ghost copies per
 * sub-array (layout in {@link TensorLayout}; 36 ND4J calls per 2D sweep). Per colour:
 * \[ -\Delta E/T = -\tfrac{2}{T}\, s\,(J n + h), \qquad p = e^{-\Delta E/T}, \qquad
 *    b \sim \mathrm{Bernoulli}(\min(1, p)), \qquad s \leftarrow s\,(1 - 2b). \]
 * The Bernoulli op compares a uniform with p in one op, so no BOOL arrays or casts are needed.
 * In d = 1 the acceptance is halved (lazy Metropolis; see {@link MetropolisAcceptance} for why).
 *
 * <p>Supports d &isin; {1, 2, 3}, any J and h, even L &ge; 4. For h = 0, J &gt; 0, d &ge; 2 the
 * acceptance is evaluated as a polynomial in y = s n instead of an exp ({@link TensorAcceptance}).
 * Randomness: one ND4J generator per tensor made with
 * {@code Nd4j.getRandomFactory().getNewRandomInstance(...)} from the master seed
 * ({@link TensorMetropolisChains}); initial states per chain from {@link Seeds#chainSeed(long, int)}
 * exactly as the CPU rules. Same seed, chain count, thread count and backend give identical spins;
 * CPU and GPU streams differ.
 *
 * <p>Cost O(N d) per chain and sweep; per-call overhead (~10 &micro;s) vanishes only when many chains are
 * batched (e.g. 64 at L = 256, 4 at L = 1024). Measured on 2 AVX-512 cores with OMP_NUM_THREADS=1:
 * &asymp; 0.22 flips/ns with one tensor, &asymp; 0.4 with {@code of(2)}; the ops are memory-bound
 * (each streams the colour's tensors), so OpenMP threads inside ops did not help. Memory about
 * 2 &times; 4 (L/2+2)^d 2^d bytes per chain. FLOAT rounds p to 24 bits (relative error ~1e-7).
 */
public final class TensorMetropolisRule implements UpdateRule {

    /** Name in configs and manifests. */
    public static final String NAME = "metropolis-nd4j";

    private final int threads;

    private TensorMetropolisRule(int threads) {
        this.threads = threads;
    }

    /** All chains in one tensor, swept by the calling thread (ND4J ops may still use OpenMP threads). */
    public static TensorMetropolisRule of() {
        return of(1);
    }

    /**
     * Chains split into {@code threads} tensors swept concurrently by Java threads. Results depend on
     * {@code threads} (each tensor has its own ND4J stream); run with {@code OMP_NUM_THREADS=1} so ops
     * do not also spawn OpenMP threads.
     */
    public static TensorMetropolisRule of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new TensorMetropolisRule(threads);
    }

    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Hamiltonian hamiltonian) {
        return hamiltonian instanceof NearestNeighbourIsing nn && nn.lattice().length() % 2 == 0;
    }

    @Override
    public TensorMetropolisChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start) {
        String advice = hamiltonian instanceof NearestNeighbourIsing
                ? "the checkerboard tensor layout needs an even L; use \"metropolis\" for odd L"
                : NearestNeighbourRules.clusterAlternatives(hamiltonian);
        NearestNeighbourIsing h = NearestNeighbourRules.require(this, hamiltonian, numChains, start, advice);
        return new TensorMetropolisChains(h, numChains, seed, start, threads);
    }

    @Override
    public String toString() {
        return "TensorMetropolisRule[FLOAT, threads=" + threads + "]";
    }
}
