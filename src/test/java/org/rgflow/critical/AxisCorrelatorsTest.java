package org.rgflow.critical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rgflow.lattice.HypercubicLattice;

/** Axis correlators on configurations whose correlators are known by hand. */
class AxisCorrelatorsTest {

    @Test
    void orderedAndCheckerboardConfigurations() {
        var lattice = HypercubicLattice.of(2, 6);
        AxisCorrelators c = new AxisCorrelators(lattice);
        int w = c.numDistances();
        assertEquals(4, w);
        double[] out = new double[2 * w + 1];
        byte[] up = new byte[36];
        Arrays.fill(up, (byte) 1);
        c.measure(up, out, 0);
        for (int r = 0; r < w; r++) {
            assertEquals(1, out[r], 1e-15);
            assertEquals(4, out[w + r], 1e-15); // epsilon_i = 2 on every site
        }
        assertEquals(2, out[2 * w], 1e-15);
        byte[] checker = new byte[36];
        for (int i = 0; i < 36; i++) {
            checker[i] = (byte) (lattice.parity(i) == 0 ? 1 : -1);
        }
        c.measure(checker, out, 0);
        for (int r = 0; r < w; r++) {
            assertEquals(r % 2 == 0 ? 1 : -1, out[r], 1e-15);
        }
        assertEquals(-2, out[2 * w], 1e-15);
    }

    @Test
    void singleStripeAlongOneAxis() {
        // spins depend on x1 only: s = +1 for x1 < 3, -1 otherwise (L = 6); along axis 0 G = 1, along axis 1
        // G(r) = (1/6) sum_x s(x) s(x + r) = 1 - 2r/3 for r <= 3; the axis average is (1 + that)/2
        var lattice = HypercubicLattice.of(2, 6);
        AxisCorrelators c = new AxisCorrelators(lattice);
        byte[] s = new byte[36];
        for (int i = 0; i < 36; i++) {
            s[i] = (byte) (lattice.coordinates(i)[1] < 3 ? 1 : -1);
        }
        double[] out = new double[9];
        c.measure(s, out, 0);
        for (int r = 0; r <= 3; r++) {
            assertEquals((1 + (1 - 2.0 * r / 3)) / 2, out[r], 1e-12, "r = " + r);
        }
    }
}
