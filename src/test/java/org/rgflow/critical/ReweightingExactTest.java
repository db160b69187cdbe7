package org.rgflow.critical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.mc.ScanListener;
import org.rgflow.mc.WolffRule;
import org.rgflow.observable.Estimate;
import org.rgflow.testing.ExactIsing;

/**
 * Single-histogram reweighting of a Wolff run on the 4&times;4 torus against exact enumeration
 * (2^16 states) at nearby temperatures: &lang;m&sup2;&rang;, U4 and dU4/dT (the latter against a central
 * difference of the exact U4). Errors are blocked jackknife (blocks &ge; 4 &tau;_int); the bound is
 * 4 standard errors, so a correct implementation fails with probability below 1e-4 per comparison.
 */
class ReweightingExactTest {

    private static final long SAMPLER_SEED = 20240601L;
    private static final double T0 = 2.3;

    private static PointSamples run() {
        var h = NearestNeighbourIsing.of(HypercubicLattice.of(2, 4), 1.0, 0.0);
        return new PointSampler(h, WolffRule.of(), 4, 200, 1).run(0, T0, 15_000, SAMPLER_SEED, true,
                ScanListener.NONE);
    }

    @Test
    void reweightedMomentsMatchExactEnumeration() {
        PointSamples p = run();
        var h = NearestNeighbourIsing.of(HypercubicLattice.of(2, 4), 1.0, 0.0);
        for (double t : new double[] {2.2, T0, 2.45}) {
            ExactIsing exact = ExactIsing.of(h, t);
            double beta = 1 / t;
            Estimate m2 = p.binder().estimate(beta, x -> x[PointSamples.M2]);
            Estimate u4 = p.binder().estimate(beta, BinderObservables::binder);
            assertTrue(Math.abs(m2.zScore(exact.magnetisation2)) < 4, "T=" + t + " m2 " + m2 + " exact " + exact.magnetisation2);
            assertTrue(Math.abs(u4.zScore(exact.binder())) < 4, "T=" + t + " U4 " + u4 + " exact " + exact.binder());
            assertTrue(m2.error() < 0.01, "errors should be small on 60000 samples: " + m2);
            double dt = 1e-4;
            double slopeExact = (ExactIsing.of(h, t + dt).binder() - ExactIsing.of(h, t - dt).binder()) / (2 * dt);
            Estimate slope = p.binder().estimate(beta, x -> BinderObservables.binderSlope(x, 16, t));
            assertTrue(Math.abs(slope.zScore(slopeExact)) < 4, "T=" + t + " dU4/dT " + slope + " exact " + slopeExact);
        }
    }

    @Test
    void correlatorAtDistanceOneIsTheBondEnergy() {
        PointSamples p = run();
        var h = NearestNeighbourIsing.of(HypercubicLattice.of(2, 4), 1.0, 0.0);
        ExactIsing exact = ExactIsing.of(h, 2.2);
        // G(1) = <s_i s_{i+e}> = -e/d with e the energy per site (J = 1, d = 2)
        Estimate g1 = p.correlators().estimate(1 / 2.2, x -> x[1]);
        assertTrue(Math.abs(g1.zScore(-exact.energy / 2)) < 4, g1 + " vs " + (-exact.energy / 2));
        assertEquals(1.0, p.correlators().means(1 / 2.2)[0], 1e-12, "G(0) = 1");
    }
}
