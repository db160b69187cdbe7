package org.rgflow.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Axis correlators on configurations whose correlators are known by hand. */
class AxisCorrelationsTest {

    @Test
    void orderedAndCheckerboardConfigurations() {
        var lattice = HypercubicLattice.of(2, 6);
        AxisCorrelations c = AxisCorrelations.of(lattice);
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
        AxisCorrelations c = AxisCorrelations.of(lattice);
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

    /** Real-valued spins on a 3D lattice against a brute-force sum through the lattice's own coordinates. */
    @Test
    void realSpinsIn3dMatchBruteForce() {
        var lattice = HypercubicLattice.of(3, 4);
        AxisCorrelations c = AxisCorrelations.of(lattice);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        double[] s = new double[lattice.numSites()];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextDouble(-1, 1);
        }
        double[] out = new double[c.width()];
        c.measure(s, out, 0);
        int w = c.numDistances();
        double[] eps = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            for (int a = 0; a < 3; a++) {
                eps[i] += s[i] * s[shifted(lattice, i, a, 1)];
            }
        }
        double mean = 0;
        for (double e : eps) {
            mean += e;
        }
        for (int r = 0; r < w; r++) {
            double g = 0;
            double e = 0;
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < s.length; i++) {
                    g += s[i] * s[shifted(lattice, i, a, r)];
                    e += eps[i] * eps[shifted(lattice, i, a, r)];
                }
            }
            assertEquals(g / (3.0 * s.length), out[r], 1e-12, "G(" + r + ")");
            assertEquals(e / (3.0 * s.length), out[w + r], 1e-12, "C_ee(" + r + ")");
        }
        assertEquals(mean / s.length, out[2 * w], 1e-12);
    }

    private static int shifted(HypercubicLattice lattice, int site, int axis, int r) {
        int[] x = lattice.coordinates(site);
        x[axis] += r;
        return lattice.site(x);
    }
}
