package org.rgflow.mc;

import java.util.Arrays;
import org.rgflow.hamiltonian.LongRangeIsing;

/** State of {@link LongRangeMetropolisRule} chains: spins, local fields f_i and an RNG per chain. */
final class LongRangeMetropolisChains implements MarkovChains {

    private final LongRangeIsing hamiltonian;
    private final LongRangeGeometry geometry;
    private final double[] coupling;
    private final double field;
    private final byte[][] spins;
    /** f_i = &Sigma;_j J(&Delta;_ij) s_j (without the field). */
    private final double[][] localField;
    private final LongRangeRandom[] rngs;

    LongRangeMetropolisChains(LongRangeIsing hamiltonian, int numChains, long seed, InitialState start) {
        this.hamiltonian = hamiltonian;
        this.geometry = new LongRangeGeometry(hamiltonian.lattice());
        this.coupling = hamiltonian.couplings();
        this.field = hamiltonian.field();
        int n = geometry.numSites;
        this.spins = new byte[numChains][n];
        this.localField = new double[numChains][n];
        this.rngs = new LongRangeRandom[numChains];
        for (int c = 0; c < numChains; c++) {
            rngs[c] = new LongRangeRandom(Seeds.chainSeed(seed, c));
            LongRangeChainSupport.initialise(spins[c], rngs[c], start);
            recomputeFields(c);
        }
    }

    /** f = J &lowast; s from scratch, O(N&sup2;); J symmetric, so row j of J scaled by s_j adds s_j J(&Delta;_ij) to f_i. */
    private void recomputeFields(int chain) {
        double[] f = localField[chain];
        Arrays.fill(f, 0);
        byte[] s = spins[chain];
        for (int j = 0; j < s.length; j++) {
            geometry.addRowInPlace(j, s[j], coupling, f);
        }
    }

    @Override
    public LongRangeIsing hamiltonian() {
        return hamiltonian;
    }

    @Override
    public int numChains() {
        return spins.length;
    }

    @Override
    public void sweep(double temperature) {
        LongRangeChainSupport.checkTemperature(temperature);
        double beta = 1 / temperature;
        int n = geometry.numSites;
        for (int c = 0; c < spins.length; c++) {
            byte[] s = spins[c];
            double[] f = localField[c];
            LongRangeRandom rng = rngs[c];
            for (int attempt = 0; attempt < n; attempt++) {
                int i = rng.nextInt(n);
                double deltaE = 2 * s[i] * (f[i] + field);
                if (deltaE <= 0 || rng.nextDouble() < Math.exp(-beta * deltaE)) {
                    s[i] = (byte) -s[i];
                    geometry.addRowInPlace(i, 2 * s[i], coupling, f);
                }
            }
        }
    }

    @Override
    public void copySpins(int chain, byte[] out) {
        LongRangeChainSupport.copy(spins[chain], out);
    }

    @Override
    public void flipAll(int chain) {
        byte[] s = spins[chain];
        double[] f = localField[chain];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) -s[i];
            f[i] = -f[i];
        }
    }

    /** Copy of the maintained local fields of one chain (for tests). @return [numSites] */
    double[] localFields(int chain) {
        return localField[chain].clone();
    }

    @Override
    public String ruleName() {
        return LongRangeMetropolisRule.NAME;
    }
}
