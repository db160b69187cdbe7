package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * State of {@link TensorMetropolisRule} chains: the chains split into {@code groups} contiguous groups,
 * each one tensor with its own ND4J generator ({@link TensorChainGroup}). With one group (the default)
 * every chain is in a single tensor; with more, groups are swept concurrently from Java threads, which
 * on a small CPU beats OpenMP-parallel ops (no barrier per op). Group g draws from the ND4J generator
 * seeded {@code Seeds.child(Seeds.child(seed, "nd4j"), g)}.
 */
public final class TensorMetropolisChains implements MarkovChains {

    private static final long ND4J_STREAM = 0x6E64346AL; // "nd4j"

    private final NearestNeighbourIsing hamiltonian;
    private final TensorChainGroup[] groups;
    private final int[] groupOf;
    private final int[] indexInGroup;

    TensorMetropolisChains(NearestNeighbourIsing hamiltonian, int numChains, long seed, InitialState start,
            int groupCount) {
        this.hamiltonian = hamiltonian;
        int g = Math.min(groupCount, numChains);
        this.groups = new TensorChainGroup[g];
        this.groupOf = new int[numChains];
        this.indexInGroup = new int[numChains];
        for (int k = 0; k < g; k++) {
            int from = (int) ((long) k * numChains / g);
            int to = (int) ((long) (k + 1) * numChains / g);
            groups[k] = new TensorChainGroup(hamiltonian, from, to - from, seed,
                    Seeds.child(Seeds.child(seed, ND4J_STREAM), k), start);
            for (int c = from; c < to; c++) {
                groupOf[c] = k;
                indexInGroup[c] = c - from;
            }
        }
    }

    @Override
    public Hamiltonian hamiltonian() {
        return hamiltonian;
    }

    @Override
    public int numChains() {
        return groupOf.length;
    }

    /** Number of tensors (and sweeping threads). */
    public int numGroups() {
        return groups.length;
    }

    @Override
    public void sweep(double temperature) {
        sweeps(temperature, 1);
    }

    /** {@code count} sweeps; with several groups, one thread hand-off for all of them. */
    public void sweeps(double temperature, int count) {
        NearestNeighbourRules.checkTemperature(temperature);
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        ChainThreads.forEachChain(groups.length, groups.length, g -> {
            for (int s = 0; s < count; s++) {
                groups[g].sweep(temperature);
            }
        });
    }

    @Override
    public void copySpins(int chain, byte[] out) {
        NearestNeighbourRules.checkChain(chain, groupOf.length);
        NearestNeighbourRules.checkOut(out, hamiltonian.lattice().numSites());
        groups[groupOf[chain]].copySpins(indexInGroup[chain], out);
    }

    @Override
    public void flipAll(int chain) {
        NearestNeighbourRules.checkChain(chain, groupOf.length);
        groups[groupOf[chain]].flipAll(indexInGroup[chain]);
    }

    @Override
    public String ruleName() {
        return TensorMetropolisRule.NAME;
    }
}
