package org.rgflow.mc;

import java.util.Arrays;
import org.rgflow.hamiltonian.LongRangeIsing;

/**
 * State of {@link LongRangeClusterRule} chains: spins and one {@link LongRangeRandom} per chain; the
 * alias table over displacements and the union&ndash;find arrays are shared (one thread owns this object).
 */
final class LongRangeClusterChains implements MarkovChains {

    /** Per-site candidate means above this are split into equal parts, keeping e^-&mu; far from underflow. */
    private static final double MAX_TABLE_MEAN = 64;

    private final LongRangeIsing hamiltonian;
    private final LongRangeGeometry geometry;
    private final double rateScale;
    private final byte[][] spins;
    private final LongRangeRandom[] rngs;
    private final LongRangeAliasTable alias;
    /** Padded components of the displacement of each alias outcome. */
    private final int[] shift0;
    private final int[] shift1;
    private final int[] shift2;
    private final double totalCoupling;
    private final int[] parent;
    private final byte[] decision;

    private double cachedTemperature = Double.NaN;
    private double[] poissonCdf;
    private int poissonParts;

    LongRangeClusterChains(LongRangeIsing hamiltonian, int numChains, long seed, InitialState start, double rateScale) {
        this.hamiltonian = hamiltonian;
        this.geometry = new LongRangeGeometry(hamiltonian.lattice());
        this.rateScale = rateScale;
        int n = geometry.numSites;
        double[] coupling = hamiltonian.couplings();
        int positive = 0;
        double total = 0;
        for (double j : coupling) {
            if (j > 0) {
                positive++;
                total += j;
            }
        }
        this.totalCoupling = total;
        double[] weights = new double[positive];
        shift0 = new int[positive];
        shift1 = new int[positive];
        shift2 = new int[positive];
        for (int delta = 0, e = 0; delta < n; delta++) {
            if (coupling[delta] > 0) {
                weights[e] = coupling[delta];
                shift0[e] = geometry.coordinate(delta, 0);
                shift1[e] = geometry.coordinate(delta, 1);
                shift2[e] = geometry.coordinate(delta, 2);
                e++;
            }
        }
        this.alias = positive > 0 ? new LongRangeAliasTable(weights) : null;
        this.parent = new int[n];
        this.decision = new byte[n];
        this.spins = new byte[numChains][n];
        this.rngs = new LongRangeRandom[numChains];
        for (int c = 0; c < numChains; c++) {
            rngs[c] = new LongRangeRandom(Seeds.chainSeed(seed, c));
            LongRangeChainSupport.initialise(spins[c], rngs[c], start);
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
        if (temperature != cachedTemperature) {
            preparePoisson(rateScale * totalCoupling / temperature);
            cachedTemperature = temperature;
        }
        for (int c = 0; c < spins.length; c++) {
            sweepChain(spins[c], rngs[c]);
        }
    }

    /** Cumulative Poisson(&mu;/parts) probabilities up to where the tail is below 1e-17; last entry 1. */
    private void preparePoisson(double mu) {
        poissonParts = Math.max(1, (int) Math.ceil(mu / MAX_TABLE_MEAN));
        double m = mu / poissonParts;
        double[] cdf = new double[16];
        double p = Math.exp(-m);
        double sum = p;
        int k = 0;
        cdf[0] = sum;
        while (k < 2 * m + 10 || p > 1e-17) {
            k++;
            p *= m / k;
            sum += p;
            if (k == cdf.length) {
                cdf = Arrays.copyOf(cdf, 2 * k);
            }
            cdf[k] = sum;
        }
        cdf[k] = 1.0;
        poissonCdf = Arrays.copyOf(cdf, k + 1);
    }

    private int poisson(LongRangeRandom rng) {
        int count = 0;
        double[] cdf = poissonCdf;
        for (int part = 0; part < poissonParts; part++) {
            double u = rng.nextDouble();
            int k = 0;
            while (u >= cdf[k]) {
                k++;
            }
            count += k;
        }
        return count;
    }

    private void sweepChain(byte[] s, LongRangeRandom rng) {
        int n0 = geometry.n0;
        int n1 = geometry.n1;
        int n2 = geometry.n2;
        int[] p = parent;
        Arrays.fill(p, -1);
        if (alias != null) {
            int i = 0;
            for (int x0 = 0; x0 < n0; x0++) {
                for (int x1 = 0; x1 < n1; x1++) {
                    for (int x2 = 0; x2 < n2; x2++, i++) {
                        int k = poisson(rng);
                        byte si = s[i];
                        for (; k > 0; k--) {
                            int e = alias.sample(rng.nextDouble());
                            int y0 = x0 + shift0[e];
                            int y1 = x1 + shift1[e];
                            int y2 = x2 + shift2[e];
                            int j = ((y0 >= n0 ? y0 - n0 : y0) * n1 + (y1 >= n1 ? y1 - n1 : y1)) * n2
                                    + (y2 >= n2 ? y2 - n2 : y2);
                            if (s[j] == si) {
                                union(p, i, j);
                            }
                        }
                    }
                }
            }
        }
        flipClusters(s, rng);
    }

    private void flipClusters(byte[] s, LongRangeRandom rng) {
        int[] p = parent;
        byte[] flip = decision;
        Arrays.fill(flip, (byte) 0);
        long bits = 0;
        int bitsLeft = 0;
        for (int i = 0; i < s.length; i++) {
            int r = find(p, i);
            if (flip[r] == 0) {
                if (bitsLeft == 0) {
                    bits = rng.nextLong();
                    bitsLeft = 64;
                }
                flip[r] = (byte) ((bits & 1) == 0 ? 1 : 2);
                bits >>>= 1;
                bitsLeft--;
            }
            if (flip[r] == 2) {
                s[i] = (byte) -s[i];
            }
        }
    }

    /** Root of x with path halving; roots hold -(size). */
    private static int find(int[] p, int x) {
        while (p[x] >= 0) {
            int next = p[x];
            if (p[next] >= 0) {
                p[x] = p[next];
            }
            x = next;
        }
        return x;
    }

    /** Union by size. */
    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra == rb) {
            return;
        }
        if (p[ra] > p[rb]) { // ra smaller
            int t = ra;
            ra = rb;
            rb = t;
        }
        p[ra] += p[rb];
        p[rb] = ra;
    }

    @Override
    public void copySpins(int chain, byte[] out) {
        LongRangeChainSupport.copy(spins[chain], out);
    }

    @Override
    public void flipAll(int chain) {
        byte[] s = spins[chain];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) -s[i];
        }
    }

    @Override
    public String ruleName() {
        return LongRangeClusterRule.NAME;
    }
}
