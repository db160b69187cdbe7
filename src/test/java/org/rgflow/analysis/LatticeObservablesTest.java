package org.rgflow.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;

class LatticeObservablesTest {

    private static final long SEED = 20240601L;
    private static final HypercubicLattice SQUARE = HypercubicLattice.of(2, 8);

    private static double[] checkerboard(HypercubicLattice lattice) {
        double[] s = new double[lattice.numSites()];
        for (int i = 0; i < s.length; i++) {
            s[i] = lattice.parity(i) == 0 ? 1 : -1;
        }
        return s;
    }

    @Test
    void orderedLatticeHasUnitMagnetisationAndGroundStateEnergy() {
        ObservableSummary o = LatticeObservables.of(SQUARE).summarize(Configurations.allUp(4, 64));
        assertEquals(1.0, o.absMagnetization().value(), 1e-15);
        assertEquals(-2.0, o.energy().value(), 1e-15);
        assertEquals(1.0, o.nearestNeighbour().value(), 1e-15);
        assertEquals(2.0 / 3.0, o.binder().value(), 1e-15);
        assertEquals(0.0, o.energyVariance().value(), 1e-12);
        assertEquals(0.0, o.absMagnetization().error(), 1e-15);
    }

    @Test
    void checkerboardCorrelationAlternates() {
        double[] s = checkerboard(SQUARE);
        LatticeObservables obs = LatticeObservables.of(SQUARE);
        assertEquals(2.0, obs.energy(s), 1e-15);
        Estimate[] g = obs.correlationFunction(new double[][] {s, s});
        assertEquals(5, g.length);
        for (int r = 0; r < g.length; r++) {
            assertEquals(r % 2 == 0 ? 1.0 : -1.0, g[r].value(), 1e-15, "r = " + r);
        }
    }

    @Test
    void oneDimensionalAxisCorrelationOfAKnownPattern() {
        HypercubicLattice ring = HypercubicLattice.of(1, 6);
        double[] s = {1, 1, -1, -1, 1, 1};
        LatticeObservables obs = LatticeObservables.of(ring);
        // bonds: ++, +-, --, -+, ++, ++ (wrap) -> (1 - 1 + 1 - 1 + 1 + 1)/6
        assertEquals(2.0 / 6.0, obs.nearestNeighbourCorrelation(s), 1e-15);
        assertEquals(-2.0 / 6.0, obs.energy(s), 1e-15);
        assertEquals(1.0 / 3.0, obs.magnetization(s), 1e-15);
    }

    /** Infinite temperature: G(r &gt; 0) = 0 and &lang;e&rang; = 0; z-scores against exact zeros (independent rows). */
    @Test
    void infiniteTemperatureCorrelationsVanishWithinErrors() {
        double[][] spins = Configurations.random(400, 64, SEED);
        LatticeObservables obs = LatticeObservables.of(SQUARE);
        Estimate[] g = obs.correlationFunction(spins);
        assertEquals(1.0, g[0].value(), 1e-15);
        for (int r = 1; r < g.length; r++) {
            assertTrue(Math.abs(g[r].zScore(0)) < 4, "G(" + r + ") = " + g[r]);
        }
        ObservableSummary o = obs.summarize(spins);
        assertTrue(Math.abs(o.energy().zScore(0)) < 4, o.energy().toString());
        // <m^2> = 1/N exactly for iid spins
        assertTrue(Math.abs(o.magnetizationSquared().zScore(1.0 / 64)) < 4, o.magnetizationSquared().toString());
    }

    @Test
    void rejectsWrongSizes() {
        LatticeObservables obs = LatticeObservables.of(SQUARE);
        assertThrows(IllegalArgumentException.class, () -> obs.magnetization(new double[10]));
        assertThrows(IllegalArgumentException.class, () -> obs.summarize(new double[1][64]));
    }
}
