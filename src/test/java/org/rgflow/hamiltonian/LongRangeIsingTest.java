package org.rgflow.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.lattice.Lattice;

class LongRangeIsingTest {

    private static final long CONFIG_SEED = 20240611L;

    private static byte[] randomSpins(int n, SplittableRandom rng, double upProbability) {
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) (rng.nextDouble() < upProbability ? 1 : -1);
        }
        return s;
    }

    /** H by the definition: every unordered pair once, through the Lattice interface. O(N&sup2;). */
    private static double pairSum(LongRangeIsing h, byte[] s) {
        Lattice lattice = h.lattice();
        double e = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = i + 1; j < s.length; j++) {
                e -= h.coupling(lattice.displacement(i, j)) * s[i] * s[j];
            }
            e -= h.field() * s[i];
        }
        return e;
    }

    @Test
    void fourierEnergyEqualsDirectEnergy() {
        SplittableRandom rng = new SplittableRandom(CONFIG_SEED);
        int[][] shapes = {{1, 64}, {1, 30}, {1, 2}, {2, 16}, {2, 12}, {2, 5}, {3, 4}, {3, 3}};
        for (int[] shape : shapes) {
            Lattice lattice = HypercubicLattice.of(shape[0], shape[1]);
            for (PeriodicSum convention : PeriodicSum.values()) {
                LongRangeIsing h = LongRangeIsing.of(lattice, 1.3, 1.5, 0.2, convention);
                for (double up : new double[] {0.5, 0.8, 1.0}) {
                    byte[] s = randomSpins(lattice.numSites(), rng, up);
                    double direct = h.energyDirect(s);
                    double fourier = h.energyFourier(s);
                    assertEquals(direct, fourier, 1e-9 * Math.max(1, Math.abs(direct)), h + " up=" + up);
                }
            }
        }
    }

    @Test
    void fourierEnergyEqualsDirectEnergyAtL64In2d() {
        Lattice lattice = HypercubicLattice.of(2, 64);
        LongRangeIsing h = LongRangeIsing.of(lattice, 1.0, 1.5, 0.0);
        byte[] s = randomSpins(lattice.numSites(), new SplittableRandom(CONFIG_SEED + 1), 0.7);
        double direct = h.energyDirect(s);
        assertEquals(direct, h.energyFourier(s), 1e-9 * Math.abs(direct));
        assertEquals(h.energyFourier(s), h.energy(s), 0.0);
    }

    @Test
    void directEnergyEqualsPairSumThroughTheLatticeInterface() {
        SplittableRandom rng = new SplittableRandom(CONFIG_SEED + 2);
        for (int[] shape : new int[][] {{1, 7}, {2, 4}, {2, 5}, {3, 3}}) {
            Lattice lattice = HypercubicLattice.of(shape[0], shape[1]);
            LongRangeIsing h = LongRangeIsing.of(lattice, 0.9, 0.8, -0.3, PeriodicSum.MINIMUM_IMAGE);
            byte[] s = randomSpins(lattice.numSites(), rng, 0.5);
            assertEquals(pairSum(h, s), h.energyDirect(s), 1e-12 * lattice.numSites());
            assertEquals(pairSum(h, s), h.energy(s), 1e-9 * lattice.numSites());
        }
    }

    @Test
    void orderedStateEnergyIsMinusHalfNTotalCouplingMinusFieldTerm() {
        Lattice lattice = HypercubicLattice.of(2, 32);
        LongRangeIsing h = LongRangeIsing.of(lattice, 2.0, 1.5, 0.25);
        byte[] up = new byte[lattice.numSites()];
        java.util.Arrays.fill(up, (byte) 1);
        double n = lattice.numSites();
        assertEquals(-0.5 * n * h.totalCoupling() - 0.25 * n, h.energy(up), 1e-10 * n);
        // image-summed total = J S_inf (1 - L^-(d+sigma))
        assertEquals(2.0 * 7.0100360361009627 * (1 - Math.pow(32, -3.5)), h.totalCoupling(), 1e-8);
        assertEquals(h.totalCoupling(), h.meanFieldTemperature(), 0.0);
        assertEquals(2.0 * 7.0100360361009627, h.meanFieldTemperatureInfinite(), 1e-10);
    }

    @Test
    void metadataAndCouplingAccess() {
        Lattice lattice = HypercubicLattice.of(2, 4);
        LongRangeIsing h = LongRangeIsing.of(lattice, 1.5, 1.25, 0.0, PeriodicSum.MINIMUM_IMAGE);
        assertEquals("ising-lr", h.model());
        Map<String, Object> p = h.parameters();
        assertEquals("long-range", p.get("type"));
        assertEquals(1.5, p.get("couplingJ"));
        assertEquals(0.0, p.get("field"));
        assertEquals(1.25, p.get("sigma"));
        assertEquals("minimum-image", p.get("periodicSum"));
        assertEquals("image-sum", LongRangeIsing.of(lattice, 1, 1.5, 0).parameters().get("periodicSum"));
        double[] table = h.couplings();
        table[1] = 99;
        assertEquals(1.5, h.coupling(1), 1e-15);
        assertArrayEquals(LongRangeCouplings.minimumImage(lattice, 1.25), scaled(h.couplings(), 1 / 1.5), 1e-15);
    }

    private static double[] scaled(double[] a, double factor) {
        double[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    @Test
    void rejectsInvalidArguments() {
        Lattice lattice = HypercubicLattice.of(2, 4);
        assertThrows(IllegalArgumentException.class, () -> LongRangeIsing.of(lattice, 1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> LongRangeIsing.of(lattice, Double.NaN, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> LongRangeIsing.of(lattice, 1, 1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> LongRangeIsing.of(null, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> LongRangeIsing.of(lattice, 1, 1, 0, null));
        LongRangeIsing h = LongRangeIsing.of(lattice, 1, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.energy(new byte[5]));
        assertTrue(e.getMessage().contains("16"), e.getMessage());
    }
}
