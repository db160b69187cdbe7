package org.rgflow.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.testing.Nd4jTestBase;

class WeightAnalysisTest extends Nd4jTestBase {

    private static final long MODEL_SEED = 2024L;
    private static final HypercubicLattice LATTICE = HypercubicLattice.of(2, 8);

    /** A square patch of side {@code side} (value 1) with its corner at (x0, y0), wrapping around the torus. */
    private static double[] patch(int x0, int y0, int side) {
        double[] f = new double[LATTICE.numSites()];
        for (int dx = 0; dx < side; dx++) {
            for (int dy = 0; dy < side; dy++) {
                f[LATTICE.site(x0 + dx, y0 + dy)] = 1;
            }
        }
        return f;
    }

    @Test
    void spectrumOfADiagonalWeightMatrix() {
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 4, 3);
        w.putScalar(0, 0, 3.0);
        w.putScalar(1, 1, -2.0);
        w.putScalar(3, 2, 0.5);
        assertArrayEquals(new double[] {9, 4, 0.25, 0}, WeightAnalysis.gramSpectrum(w), 1e-12);
        assertArrayEquals(new double[] {3, 2, 0.5}, WeightAnalysis.singularValues(w), 1e-12);
        assertArrayEquals(new double[] {3, 2, 0.5}, WeightAnalysis.singularValues(w.transpose()), 1e-12);
    }

    @Test
    void singularValuesSquaredSumToTheFrobeniusNorm() {
        INDArray w = org.rgflow.rbm.Rbm.random(12, 5, DataType.DOUBLE, 1.0, 0.0, MODEL_SEED).weights();
        double sum = 0;
        for (double s : WeightAnalysis.singularValues(w)) {
            sum += s * s;
        }
        assertEquals(w.norm2Number().doubleValue() * w.norm2Number().doubleValue(), sum, 1e-10);
    }

    @Test
    void localFieldsAreSmallUniformIsMaximalAndSizesGrow() {
        assertEquals(0.0, WeightAnalysis.radiusOfGyration(LATTICE, patch(3, 5, 1)), 1e-6);
        double[] uniform = new double[64];
        java.util.Arrays.fill(uniform, -0.3);
        assertEquals(WeightAnalysis.maximalRadius(LATTICE), WeightAnalysis.radiusOfGyration(LATTICE, uniform), 1e-12);
        double previous = 0;
        for (int side = 1; side <= 8; side++) {
            double r = WeightAnalysis.radiusOfGyration(LATTICE, patch(6, 7, side));
            assertTrue(r >= previous - 1e-12, "side " + side + ": " + r + " < " + previous);
            previous = r;
        }
        // translation invariance across the periodic boundary
        assertEquals(WeightAnalysis.radiusOfGyration(LATTICE, patch(0, 0, 3)),
                WeightAnalysis.radiusOfGyration(LATTICE, patch(7, 6, 3)), 1e-12);
    }

    @Test
    void stackFieldSizesHaveOneValuePerLevel() {
        StackedRbm stack = StackedRbm.create(new int[] {64, 16, 4}, 1, true, true, DataType.DOUBLE, MODEL_SEED);
        double[] sizes = WeightAnalysis.meanFieldSizePerLevel(stack, LATTICE);
        assertEquals(2, sizes.length);
        for (double s : sizes) {
            assertTrue(s > 0 && s <= WeightAnalysis.maximalRadius(LATTICE) + 1e-12);
        }
        assertEquals(16, WeightAnalysis.receptiveFields(stack, LATTICE, 1).numUnits());
    }
}
