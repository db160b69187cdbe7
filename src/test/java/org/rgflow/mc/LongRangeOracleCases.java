package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.rgflow.hamiltonian.LongRangeIsing;
import org.rgflow.hamiltonian.PeriodicSum;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.observable.ThermodynamicEstimates;
import org.rgflow.testing.ExactIsing;
import org.rgflow.testing.SamplerOracle;

/**
 * Shared exact-enumeration cases for the long-range samplers. 2D 4&times;4, &sigma; = 1.5: exact U4 at
 * T = 3, 5, 8 is 0.662, 0.575, 0.296 (image sum) and 0.648, 0.435, 0.198 (minimum image), i.e. ordered
 * but fluctuating, near the finite-size crossover, and disordered. 1D N = 16 (image sum): &sigma; = 1, T = 2
 * (U4 = 0.581) and &sigma; = 0.5, T = 4 (U4 = 0.525); minimum image &sigma; = 1, T = 1.5. 3D 2&times;2&times;2, T = 8.
 */
final class LongRangeOracleCases {

    /** |z| above this fails (4 observables: false-alarm rate &lt; 3e-4 per comparison). */
    static final double MAX_Z = 4.0;

    private LongRangeOracleCases() {
    }

    static LongRangeIsing square4(PeriodicSum convention, double field) {
        return LongRangeIsing.of(HypercubicLattice.of(2, 4), 1.0, 1.5, field, convention);
    }

    static LongRangeIsing chain16(PeriodicSum convention, double sigma, double field) {
        return LongRangeIsing.of(HypercubicLattice.of(1, 16), 1.0, sigma, field, convention);
    }

    /** 2&times;2&times;2 torus: every displacement equals its own inverse, so each pair is reached from both ends. */
    static LongRangeIsing cube2(PeriodicSum convention) {
        return LongRangeIsing.of(HypercubicLattice.of(3, 2), 1.0, 1.5, 0.0, convention);
    }

    /** Fails if the exact Binder cumulant is (nearly) that of a frozen or of an infinite-temperature system. */
    static void assertNotDegenerate(ExactIsing exact) {
        double u4 = exact.binder();
        assertTrue(u4 > 0.1 && u4 < 0.664, "degenerate test point: exact U4 = " + u4 + " at T = " + exact.temperature);
    }

    /** Runs the oracle and asserts |z| &lt; {@link #MAX_Z} for e, |m|, m&sup2; and U4. */
    static SamplerOracle.Comparison assertAgrees(UpdateRule rule, LongRangeIsing h, double temperature, int numChains,
            int thermalization, int samplesPerChain, long seed) {
        SamplerOracle.Comparison c = SamplerOracle.compare(rule, h, temperature, numChains, thermalization,
                samplesPerChain, seed);
        assertNotDegenerate(c.exact());
        assertTrue(c.maxAbsZ() < MAX_Z, rule + " on " + h + ": " + c);
        return c;
    }

    /** Estimates for lattices too large to enumerate: {@link SamplerOracle#estimate}. */
    static ThermodynamicEstimates estimate(UpdateRule rule, LongRangeIsing h, double temperature,
            int numChains, int thermalization, int samplesPerChain, long seed) {
        return SamplerOracle.estimate(rule, h, temperature, numChains, thermalization, samplesPerChain, seed);
    }

    /** z-score of the difference of two independent estimates. */
    static double zDifference(Estimate a, Estimate b) {
        return (a.value() - b.value()) / Math.hypot(a.error(), b.error());
    }
}
