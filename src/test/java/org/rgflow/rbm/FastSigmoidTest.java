package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The vectorised float sigmoid against the float64 definition, everywhere. */
class FastSigmoidTest {

    /** The bound stated in FastSigmoid's Javadoc (docs/derivations/sigmoid-fit.py found 2.30e-7). */
    private static final double BOUND = 2.3e-7;

    @Test
    void withinItsStatedErrorOnADenseGridAndAtTheExtremes() {
        int n = 4_000_001;
        float[] pre = new float[n];
        float[] bias = new float[n];
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            pre[i] = -25f + 50f * i / (n - 1);
            bias[i] = (i % 3 - 1) * 1e-3f;
        }
        FastSigmoid.apply(pre, bias, out, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double x = (double) (pre[i] + bias[i]);
            double exact = 1 / (1 + Math.exp(-x));
            worst = Math.max(worst, Math.abs(out[i] - exact));
            assertTrue(out[i] >= 0f && out[i] <= 1f, "in [0, 1] at x = " + x);
        }
        assertTrue(worst <= BOUND, "max |error| " + worst);

        float[] extreme = {Float.NEGATIVE_INFINITY, -1e30f, -50f, 0f, 50f, 1e30f, Float.POSITIVE_INFINITY};
        float[] zero = new float[extreme.length];
        float[] res = new float[extreme.length];
        FastSigmoid.apply(extreme, zero, res, extreme.length);
        assertEquals(0f, res[0], BOUND);
        assertEquals(0f, res[1], BOUND);
        assertEquals(0.5f, res[3], BOUND);
        assertEquals(1f, res[5], BOUND);
        assertEquals(1f, res[6], BOUND);
    }

    @Test
    void monotoneUpToTheErrorBound() {
        int n = 200_001;
        float[] pre = new float[n];
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            pre[i] = -20f + 40f * i / (n - 1);
        }
        FastSigmoid.apply(pre, new float[n], out, n);
        for (int i = 1; i < n; i++) {
            assertTrue(out[i] >= out[i - 1] - 2 * BOUND, "at x = " + pre[i]);
        }
    }

    @Test
    void replicatesARowIntoEveryRow() {
        float[] row = {1f, 2f, 3f};
        float[] out = new float[9];
        FastSigmoid.replicateRows(row, out, 3);
        assertEquals(3f, out[8]);
        assertEquals(1f, out[3]);
    }
}
