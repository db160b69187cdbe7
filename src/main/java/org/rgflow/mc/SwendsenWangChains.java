package org.rgflow.mc;

import java.util.Arrays;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * State of {@link SwendsenWangRule} chains: {@code byte} spins and one {@link ChainRandom} per chain,
 * plus union&ndash;find scratch arrays shared by the chains (parent, size [N] and the per-root flip
 * decision [N]).
 */
public final class SwendsenWangChains implements MarkovChains {

    private static final byte UNDECIDED = 0;
    private static final byte KEEP = 1;
    private static final byte FLIP = 2;

    private final NearestNeighbourIsing hamiltonian;
    private final ByteSpins state;
    private final int[] neighbours;
    private final int dimension;
    private final int[] parent;
    private final int[] size;
    private final byte[] decision;
    private double temperature = Double.NaN;
    private long bondThreshold;

    SwendsenWangChains(NearestNeighbourIsing hamiltonian, ByteSpins state) {
        this.hamiltonian = hamiltonian;
        this.state = state;
        this.neighbours = hamiltonian.lattice().neighbourTable();
        this.dimension = hamiltonian.lattice().dimension();
        int n = hamiltonian.lattice().numSites();
        this.parent = new int[n];
        this.size = new int[n];
        this.decision = new byte[n];
    }

    @Override
    public Hamiltonian hamiltonian() {
        return hamiltonian;
    }

    @Override
    public int numChains() {
        return state.numChains();
    }

    @Override
    public void sweep(double temperature) {
        NearestNeighbourRules.checkTemperature(temperature);
        if (temperature != this.temperature) {
            this.temperature = temperature;
            bondThreshold = ChainRandom.threshold32(-Math.expm1(-2 * hamiltonian.couplingJ() / temperature));
        }
        for (int c = 0; c < state.numChains(); c++) {
            sweepChain(state.spins[c], state.random[c]);
        }
    }

    private void sweepChain(byte[] s, ChainRandom rng) {
        int n = s.length;
        int z = 2 * dimension;
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        long thr = bondThreshold;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dimension; k++) {
                int j = neighbours[i * z + 2 * k + 1]; // the +e_k neighbour: every bond once
                if (s[i] == s[j] && rng.nextUnsigned32() < thr) {
                    union(i, j);
                }
            }
        }
        Arrays.fill(decision, UNDECIDED);
        for (int i = 0; i < n; i++) {
            int root = find(i);
            if (decision[root] == UNDECIDED) {
                decision[root] = rng.nextLong() < 0 ? FLIP : KEEP;
            }
            if (decision[root] == FLIP) {
                s[i] = (byte) -s[i];
            }
        }
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
    }

    @Override
    public void copySpins(int chain, byte[] out) {
        state.copy(chain, out);
    }

    @Override
    public void flipAll(int chain) {
        state.flipAll(chain);
    }

    @Override
    public String ruleName() {
        return SwendsenWangRule.NAME;
    }
}
