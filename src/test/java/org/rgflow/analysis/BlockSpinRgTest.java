package org.rgflow.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;

/**
 * Block-spin RG on exact cases. Statistical checks use independent configurations (exact samplers), so the
 * standard errors from {@link LatticeObservables} are valid; the bound is |z| &lt; 4.
 */
class BlockSpinRgTest {

    private static final long SAMPLER_SEED = 987654321L;
    private static final long TIE_SEED = 12345L;

    /**
     * Exact samples of the periodic NN Ising ring: bond variables s_i s_{i+1} are iid with P(+1) = (1+t)/2,
     * t = tanh K, conditioned on an even number of &minus;1 bonds (rejection), and s_0 = &plusmn;1 uniformly.
     */
    static double[][] exactRing(int n, int numSites, double coupling, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double pSatisfied = (1 + Math.tanh(coupling)) / 2;
        double[][] out = new double[n][numSites];
        int[] bond = new int[numSites];
        for (double[] s : out) {
            int broken;
            do {
                broken = 0;
                for (int b = 0; b < numSites; b++) {
                    bond[b] = rng.nextDouble() < pSatisfied ? 1 : -1;
                    broken += bond[b] < 0 ? 1 : 0;
                }
            } while (broken % 2 != 0);
            s[0] = rng.nextBoolean() ? 1 : -1;
            for (int i = 1; i < numSites; i++) {
                s[i] = s[i - 1] * bond[i - 1];
            }
        }
        return out;
    }

    /** &lang;s_0 s_r&rang; on a ring of N sites: (t^r + t^(N&minus;r)) / (1 + t^N). */
    static double ringCorrelation(double t, int numSites, int r) {
        return (Math.pow(t, r) + Math.pow(t, numSites - r)) / (1 + Math.pow(t, numSites));
    }

    @Test
    void oneDimensionalDecimationSquaresTanhK() {
        int numSites = 32;
        double coupling = 0.6;
        double t = Math.tanh(coupling);
        double[][] spins = exactRing(4000, numSites, coupling, SAMPLER_SEED);
        HypercubicLattice ring = HypercubicLattice.of(1, numSites);
        Estimate fine = LatticeObservables.of(ring).summarize(spins).nearestNeighbour();
        assertTrue(Math.abs(fine.zScore(ringCorrelation(t, numSites, 1))) < 4, fine.toString());

        BlockSpinRg decimation = BlockSpinRg.of(ring, 2, BlockSpinRg.Rule.DECIMATION);
        double[][] coarse = decimation.apply(spins, null);
        Estimate nn = LatticeObservables.of(decimation.coarseLattice()).summarize(coarse).nearestNeighbour();
        // tanh K' = tanh^2 K, up to the exact finite-ring correction of ringCorrelation
        assertTrue(Math.abs(nn.zScore(ringCorrelation(t, numSites, 2))) < 4, nn + " vs tanh^2 K = " + t * t);
        assertTrue(Math.abs(nn.value() - t * t) < 5 * nn.error() + 1e-6);
    }

    @Test
    void majorityOfOrderedLatticeStaysOrderedAtEveryStep() {
        HypercubicLattice lattice = HypercubicLattice.of(2, 16);
        double[][] up = Configurations.allUp(3, lattice.numSites());
        double[][] down = new double[3][lattice.numSites()];
        for (double[] row : down) {
            java.util.Arrays.fill(row, -1);
        }
        BlockSpinRg majority = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.MAJORITY);
        List<double[][]> flowUp = majority.iterate(up, 3, TIE_SEED);
        List<double[][]> flowDown = majority.iterate(down, 3, TIE_SEED);
        assertEquals(4, flowUp.size());
        assertEquals(4, flowUp.get(3)[0].length);
        for (int s = 0; s < 4; s++) {
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < flowUp.get(s)[k].length; i++) {
                    assertEquals(1.0, flowUp.get(s)[k][i]);
                    assertEquals(-1.0, flowDown.get(s)[k][i]);
                }
            }
        }
        Flow flow = majority.flow(up, 3, TIE_SEED);
        assertEquals(List.of(16, 8, 4, 2), flow.steps().stream().map(Flow.Step::length).toList());
        assertEquals(1.0, flow.steps().get(3).observables().absMagnetization().value());
    }

    /** E|m| for N iid &plusmn;1 spins: (1/N) &Sigma;_k C(N,k) 2^&minus;N |2k &minus; N|. */
    static double iidAbsMagnetization(int numSites) {
        double sum = 0;
        double logTwo = numSites * Math.log(2);
        for (int k = 0; k <= numSites; k++) {
            double logBinomial = logFactorial(numSites) - logFactorial(k) - logFactorial(numSites - k);
            sum += Math.exp(logBinomial - logTwo) * Math.abs(2 * k - numSites);
        }
        return sum / numSites;
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }

    /**
     * Majority with fair tie-break maps iid &plusmn;1 spins to iid &plusmn;1 block spins (blocks are disjoint and
     * the block rule is odd): the blocked lattice's &lang;|m|&rang; equals the exact iid value on (L/b)^d sites.
     */
    @Test
    void majorityOfInfiniteTemperatureLatticeStaysDisordered() {
        HypercubicLattice lattice = HypercubicLattice.of(2, 16);
        double[][] spins = Configurations.random(3000, lattice.numSites(), SAMPLER_SEED);
        BlockSpinRg majority = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.MAJORITY);
        double[][] coarse = majority.apply(spins, new SplittableRandom(TIE_SEED));
        ObservableSummary o = LatticeObservables.of(majority.coarseLattice()).summarize(coarse);
        assertTrue(Math.abs(o.absMagnetization().zScore(iidAbsMagnetization(64))) < 4, o.absMagnetization().toString());
        assertTrue(Math.abs(o.nearestNeighbour().zScore(0)) < 4, o.nearestNeighbour().toString());
    }

    /** Every block has sum 0 (stripes): all outputs come from ties, and + and &minus; must be equally likely. */
    @Test
    void tieBreakIsSymmetricAndSeeded() {
        HypercubicLattice lattice = HypercubicLattice.of(2, 8);
        double[][] stripes = new double[500][lattice.numSites()];
        for (double[] row : stripes) {
            for (int i = 0; i < row.length; i++) {
                row[i] = lattice.coordinates(i)[1] % 2 == 0 ? 1 : -1;
            }
        }
        BlockSpinRg majority = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.MAJORITY);
        double[][] coarse = majority.apply(stripes, new SplittableRandom(TIE_SEED));
        double sum = 0;
        int count = 0;
        for (double[] row : coarse) {
            for (double s : row) {
                sum += s;
                count++;
            }
        }
        // binomial: mean of count fair +-1 variables has standard error 1/sqrt(count)
        assertTrue(Math.abs(sum / count) < 4 / Math.sqrt(count), "mean block spin " + sum / count);
        double[][] again = majority.apply(stripes, new SplittableRandom(TIE_SEED));
        assertArrayEquals(coarse[7], again[7]);
    }

    @Test
    void blockAverageAndDecimationGeometry() {
        HypercubicLattice lattice = HypercubicLattice.of(2, 4);
        double[] s = new double[16];
        for (int i = 0; i < 16; i++) {
            s[i] = i;
        }
        // row-major 4x4; block (0,0) = sites 0,1,4,5
        double[] avg = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.AVERAGE).apply(s, null);
        assertArrayEquals(new double[] {2.5, 4.5, 10.5, 12.5}, avg, 1e-15);
        double[] dec = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.DECIMATION).apply(s, null);
        assertArrayEquals(new double[] {0, 2, 8, 10}, dec, 1e-15);
        assertEquals(3, BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.AVERAGE).blockOf(15));
    }

    @Test
    void rejectsBlockSizesThatDoNotDivide() {
        HypercubicLattice lattice = HypercubicLattice.of(2, 6);
        assertThrows(IllegalArgumentException.class, () -> BlockSpinRg.of(lattice, 4, BlockSpinRg.Rule.MAJORITY));
        assertThrows(IllegalArgumentException.class, () -> BlockSpinRg.of(lattice, 6, BlockSpinRg.Rule.MAJORITY));
    }
}
