package org.rgflow.critical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.mc.WolffRule;

/**
 * The 2D NN Ising targets of SCIENCE.md &sect;4 with the settings of configs/critical/ising2d-nn.yaml
 * (L = 16/32/64, Wolff; about 2 minutes on 2 cores): T_c = 2.269 &plusmn; 0.005 from Binder crossings,
 * 2&Delta;_&sigma; = 0.25 &plusmn; 0.03 at T_c (FSS of &lang;m&sup2;&rang; and of G(L/4)), 2&Delta;_&epsilon;
 * within 10 % of 2 (from 1/&nu; and from the energy correlator). Tolerances are the targets, not widened.
 */
@Tag("slow")
class NearestNeighbourCriticalSlowTest {

    private static final double TC_EXACT = 2 / Math.log(1 + Math.sqrt(2));
    private static final long SEED = 20240601L;

    @Test
    void binderCrossingsAndScalingDimensions() {
        double[] grid = new double[7];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 2.21 + 0.02 * i;
        }
        CriticalOptions options = new CriticalOptions(new int[] {16, 32, 64}, grid, 4, 1000, 1, 4000, true, 25_000, 2,
                0.25, SEED);
        CriticalResult r = CriticalRunner.of(l -> NearestNeighbourIsing.of(HypercubicLattice.of(2, l), 1, 0),
                h -> WolffRule.of(), options).run(CriticalListener.NONE);
        assertEquals(TC_EXACT, r.criticalTemperature().value(), 0.005, r.criticalTemperatureMethod());
        assertTrue(r.criticalTemperature().error() < 0.005, "Tc error " + r.criticalTemperature());
        assertEquals(0.25, r.twoDeltaSigmaFromMagnetisation().value(), 0.03);
        assertEquals(0.25, r.twoDeltaSigmaFromCorrelatorScaling().value(), 0.03);
        assertEquals(2, r.twoDeltaEpsilonFromNu().value(), 0.2);
        assertEquals(2, r.twoDeltaEpsilonFromCorrelatorScaling().value(), 0.2);
    }
}
