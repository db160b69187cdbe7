package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * State of {@link WolffRule} chains: {@code byte} spins, one {@link ChainRandom} per chain, a shared
 * cluster stack [N], and per chain the calibration of clusters per sweep. Memory O(N) per chain.
 */
public final class WolffChains implements MarkovChains {

    private final NearestNeighbourIsing hamiltonian;
    private final ByteSpins state;
    private final int[] neighbours;
    private final int coordination;
    private final int[] stack;
    private final int fixedClusters;
    private final int[] clustersPerSweep;
    private final int[] calibrationDone;
    private final long[] calibrationFlipped;
    private final long[] calibrationClusters;
    private double temperature = Double.NaN;
    private long addThreshold;

    WolffChains(NearestNeighbourIsing hamiltonian, ByteSpins state, int fixedClusters) {
        this.hamiltonian = hamiltonian;
        this.state = state;
        this.neighbours = hamiltonian.lattice().neighbourTable();
        this.coordination = 2 * hamiltonian.lattice().dimension();
        this.stack = new int[hamiltonian.lattice().numSites()];
        this.fixedClusters = fixedClusters;
        int n = state.numChains();
        this.clustersPerSweep = new int[n];
        this.calibrationDone = new int[n];
        this.calibrationFlipped = new long[n];
        this.calibrationClusters = new long[n];
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
            addThreshold = ChainRandom.threshold32(-Math.expm1(-2 * hamiltonian.couplingJ() / temperature));
            java.util.Arrays.fill(clustersPerSweep, fixedClusters);
            java.util.Arrays.fill(calibrationDone, 0);
            java.util.Arrays.fill(calibrationFlipped, 0);
            java.util.Arrays.fill(calibrationClusters, 0);
        }
        int n = stack.length;
        for (int c = 0; c < state.numChains(); c++) {
            if (clustersPerSweep[c] > 0) {
                for (int k = 0; k < clustersPerSweep[c]; k++) {
                    flipCluster(c);
                }
                continue;
            }
            long flipped = 0;
            int clusters = 0;
            while (flipped < n) {
                flipped += flipCluster(c);
                clusters++;
            }
            if (++calibrationDone[c] > WolffRule.CALIBRATION_SWEEPS / 2) {
                calibrationFlipped[c] += flipped;
                calibrationClusters[c] += clusters;
            }
            if (calibrationDone[c] == WolffRule.CALIBRATION_SWEEPS) {
                double meanSize = (double) calibrationFlipped[c] / calibrationClusters[c];
                clustersPerSweep[c] = (int) Math.max(1, Math.round(n / meanSize));
            }
        }
    }

    /** Grows and flips one cluster of chain c; returns its size. Bonds tested once each, from the popped site. */
    private int flipCluster(int chain) {
        byte[] s = state.spins[chain];
        ChainRandom rng = state.random[chain];
        int[] nb = neighbours;
        int z = coordination;
        long thr = addThreshold;
        int seed = rng.nextInt(s.length);
        byte old = s[seed];
        byte flipped = (byte) -old;
        s[seed] = flipped;
        stack[0] = seed;
        int top = 1;
        int size = 1;
        while (top > 0) {
            int row = stack[--top] * z;
            for (int k = 0; k < z; k++) {
                int j = nb[row + k];
                if (s[j] == old && rng.nextUnsigned32() < thr) {
                    s[j] = flipped;
                    stack[top++] = j;
                    size++;
                }
            }
        }
        return size;
    }

    /** Clusters per sweep of a chain at the current temperature; 0 while still calibrating. */
    public int clustersPerSweep(int chain) {
        NearestNeighbourRules.checkChain(chain, state.numChains());
        return clustersPerSweep[chain];
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
        return WolffRule.NAME;
    }
}
