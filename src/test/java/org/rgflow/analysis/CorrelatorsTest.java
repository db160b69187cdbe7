package org.rgflow.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.SpinParameters;
import org.rgflow.testing.Nd4jTestBase;

/**
 * A planted RBM whose hidden unit a sums its own 2&times;2 block (W&plusmn;_ia = w for i in block a, else 0, no
 * biases) on iid &plusmn;1 data: &lang;s_i tanh(w S_a)&rang; &gt; 0 inside block a and exactly 0 in expectation
 * outside (independent spins), so every map must peak and centre on its own block.
 */
class CorrelatorsTest extends Nd4jTestBase {

    private static final long DATA_SEED = 424242L;
    private static final long TIE_SEED = 7L;
    private static final HypercubicLattice LATTICE = HypercubicLattice.of(2, 8);

    static Rbm plantedBlockRbm(BlockSpinRg rg, double w) {
        int nv = rg.fineLattice().numSites();
        int nh = rg.coarseLattice().numSites();
        INDArray wpm = Nd4j.zeros(nv, nh);
        for (int i = 0; i < nv; i++) {
            wpm.putScalar(i, rg.blockOf(i), w);
        }
        return new SpinParameters(wpm, Nd4j.zeros(1, nv), Nd4j.zeros(1, nh), 0).toZeroOne();
    }

    private static void assertPeaksOnOwnBlocks(CorrelatorMaps maps, BlockSpinRg rg) {
        for (int a = 0; a < maps.numUnits(); a++) {
            assertEquals(a, rg.blockOf(maps.peak(a)), "unit " + a);
            int[] corner = rg.coarseLattice().coordinates(a);
            double[] centre = maps.centre(a);
            for (int k = 0; k < 2; k++) {
                double expected = corner[k] * 2 + 0.5;
                double diff = Math.abs(centre[k] - expected);
                assertTrue(Math.min(diff, 8 - diff) < 0.35, "unit " + a + " axis " + k + " centre " + centre[k]);
            }
        }
    }

    @Test
    void plantedBlockRbmCorrelatorsPeakOnTheirBlocks() {
        BlockSpinRg rg = BlockSpinRg.of(LATTICE, 2, BlockSpinRg.Rule.MAJORITY);
        Rbm planted = plantedBlockRbm(rg, 1.0);
        double[][] spins = Configurations.random(2000, 64, DATA_SEED);
        for (Correlators.View view : Correlators.View.values()) {
            CorrelatorMaps maps = Correlators.rbm(planted, LATTICE, spins, view);
            assertEquals(16, maps.numUnits());
            assertPeaksOnOwnBlocks(maps, rg);
        }
        CorrelatorMaps spin = Correlators.rbm(planted, LATTICE, spins, Correlators.View.SPIN);
        RadialProfile profile = spin.radialProfile(5);
        // the four block sites are at distance sqrt(1/2) from the centre; the rest is noise ~ 1/sqrt(2000)
        assertEquals(Math.sqrt(0.5), profile.distance()[0], 0.1); // centre estimated from noisy maps
        assertEquals(4, profile.sites()[0]);
        assertTrue(profile.value()[0] > 0.2, "inner shell " + profile.value()[0]);
        for (int j = 1; j < profile.value().length; j++) {
            assertTrue(Math.abs(profile.value()[j]) < 0.1, "shell " + j + " " + profile.value()[j]);
        }
        assertEquals(16, spin.toArray().size(0));
        assertEquals(8, spin.grid(3).length);
    }

    @Test
    void blockRgCorrelatorsPeakOnTheirBlocks() {
        double[][] spins = Configurations.random(1000, 64, DATA_SEED);
        for (BlockSpinRg.Rule rule : new BlockSpinRg.Rule[] {BlockSpinRg.Rule.MAJORITY, BlockSpinRg.Rule.AVERAGE}) {
            BlockSpinRg rg = BlockSpinRg.of(LATTICE, 2, rule);
            assertPeaksOnOwnBlocks(Correlators.blockRg(rg, spins, new SplittableRandom(TIE_SEED)), rg);
        }
    }

    @Test
    void sizesOfSingleSiteAndUniformMaps() {
        double[][] maps = new double[2][64];
        maps[0][LATTICE.site(7, 0)] = 3.0;
        java.util.Arrays.fill(maps[1], -0.5);
        CorrelatorMaps m = CorrelatorMaps.of(LATTICE, maps);
        assertEquals(0.0, m.size(0), 1e-6); // sqrt of a rounding-level 1 - R
        assertEquals(m.maximalSize(), m.size(1), 1e-12);
        assertEquals(7.0, m.centre(0)[0], 1e-9);
        assertEquals(0.0, m.centre(0)[1], 1e-9);
    }

    /**
     * Excess size: a single site on a uniform background counts the site only (0), while the plain size sees the
     * background; a uniform map has no localized part at all (every |C| equals the median): NaN.
     */
    @Test
    void excessSizeIgnoresTheUniformBackground() {
        double[][] maps = new double[2][64];
        java.util.Arrays.fill(maps[0], 0.4);
        maps[0][LATTICE.site(3, 5)] = 1.0;
        java.util.Arrays.fill(maps[1], -0.5);
        CorrelatorMaps m = CorrelatorMaps.of(LATTICE, maps);
        assertEquals(0.0, m.excessSize(0), 1e-12);
        assertTrue(m.size(0) > 0.5 * m.maximalSize(), "plain size " + m.size(0));
        assertTrue(Double.isNaN(m.excessSize(1)));
    }
}
