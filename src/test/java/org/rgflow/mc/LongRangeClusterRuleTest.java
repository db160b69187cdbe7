package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rgflow.hamiltonian.LongRangeIsing;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.hamiltonian.PeriodicSum;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.ThermodynamicEstimates;
import org.rgflow.testing.SamplerOracle;

/**
 * {@link LongRangeClusterRule} against exact enumeration. Runs: 8 chains, 300 thermalisation sweeps,
 * 4000 measured sweeps each (cluster &tau;_int &lt; 2 here); errors from blocked jackknife
 * ({@link SamplerOracle}).
 */
class LongRangeClusterRuleTest {

    private static final long SAMPLER_SEED = 0x1CE5EEDL;
    private static final long BUG_SEED = 424242L;
    private static final long DETERMINISM_SEED = 987654321L;
    private static final long CROSS_SEED = 55555L;

    @ParameterizedTest(name = "{0} T={1}")
    @CsvSource({"IMAGE_SUM, 3", "IMAGE_SUM, 5", "IMAGE_SUM, 8", "MINIMUM_IMAGE, 3", "MINIMUM_IMAGE, 5",
        "MINIMUM_IMAGE, 8"})
    void matchesExactEnumerationOn4x4(PeriodicSum convention, double temperature) {
        LongRangeOracleCases.assertAgrees(new LongRangeClusterRule(), LongRangeOracleCases.square4(convention, 0),
                temperature, 8, 300, 4000, SAMPLER_SEED);
    }

    @ParameterizedTest(name = "{0} sigma={1} T={2}")
    @CsvSource({"IMAGE_SUM, 1.0, 2", "IMAGE_SUM, 0.5, 4", "MINIMUM_IMAGE, 1.0, 1.5"})
    void matchesExactEnumerationOnChain16(PeriodicSum convention, double sigma, double temperature) {
        LongRangeOracleCases.assertAgrees(new LongRangeClusterRule(), LongRangeOracleCases.chain16(convention, sigma, 0),
                temperature, 8, 300, 4000, SAMPLER_SEED + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"IMAGE_SUM", "MINIMUM_IMAGE"})
    void matchesExactEnumerationOnCube2(PeriodicSum convention) {
        LongRangeOracleCases.assertAgrees(new LongRangeClusterRule(), LongRangeOracleCases.cube2(convention), 8.0, 8,
                300, 4000, SAMPLER_SEED + 3);
    }

    @Test
    void agreesWithMetropolisOn10x10NearTc() {
        // N = 100 is beyond enumeration; L = 10 also exercises the non-radix-2 Fourier energy
        LongRangeIsing h = LongRangeIsing.of(HypercubicLattice.of(2, 10), 1, 1.5, 0);
        ThermodynamicEstimates cluster = LongRangeOracleCases.estimate(new LongRangeClusterRule(), h, 5.58, 8, 300,
                3000, CROSS_SEED);
        ThermodynamicEstimates metropolis = LongRangeOracleCases.estimate(new LongRangeMetropolisRule(), h, 5.58, 8,
                500, 3000, CROSS_SEED + 1);
        double[] z = {LongRangeOracleCases.zDifference(cluster.energy(), metropolis.energy()),
            LongRangeOracleCases.zDifference(cluster.absMagnetisation(), metropolis.absMagnetisation()),
            LongRangeOracleCases.zDifference(cluster.binder(), metropolis.binder())};
        for (double zi : z) {
            assertTrue(Math.abs(zi) < LongRangeOracleCases.MAX_Z, "cluster " + cluster + " vs metropolis " + metropolis);
        }
    }

    @Test
    void plantedBugHalfBondRateIsDetected() {
        // p = 1 - exp(-beta J) instead of 1 - exp(-2 beta J): the classic ordered/unordered-pair slip
        SamplerOracle.Comparison c = SamplerOracle.compare(new LongRangeClusterRule(0.5),
                LongRangeOracleCases.square4(PeriodicSum.IMAGE_SUM, 0), 5, 8, 300, 4000, BUG_SEED);
        assertTrue(c.maxAbsZ() > LongRangeOracleCases.MAX_Z, "planted bug not detected: " + c);
    }

    @Test
    void plantedBugTenPercentRateIsDetected() {
        SamplerOracle.Comparison c = SamplerOracle.compare(new LongRangeClusterRule(0.9),
                LongRangeOracleCases.square4(PeriodicSum.IMAGE_SUM, 0), 5, 8, 300, 4000, BUG_SEED);
        assertTrue(c.maxAbsZ() > LongRangeOracleCases.MAX_Z, "planted bug not detected: " + c);
    }

    @Test
    void sameSeedGivesIdenticalSpins() {
        LongRangeIsing h = LongRangeIsing.of(HypercubicLattice.of(2, 16), 1, 1.5, 0);
        MarkovChains a = new LongRangeClusterRule().start(h, 3, DETERMINISM_SEED, InitialState.RANDOM);
        MarkovChains b = new LongRangeClusterRule().start(h, 3, DETERMINISM_SEED, InitialState.RANDOM);
        MarkovChains other = new LongRangeClusterRule().start(h, 3, DETERMINISM_SEED + 1, InitialState.RANDOM);
        for (int s = 0; s < 20; s++) {
            a.sweep(5.58);
            b.sweep(5.58);
            other.sweep(5.58);
        }
        byte[] sa = new byte[256];
        byte[] sb = new byte[256];
        byte[] so = new byte[256];
        for (int c = 0; c < 3; c++) {
            a.copySpins(c, sa);
            b.copySpins(c, sb);
            other.copySpins(c, so);
            assertArrayEquals(sa, sb, "chain " + c);
            assertFalse(java.util.Arrays.equals(sa, so), "different seeds should differ, chain " + c);
        }
        byte[] c1 = new byte[256];
        a.copySpins(1, c1);
        assertFalse(java.util.Arrays.equals(sa, c1), "chains must be independent streams");
    }

    @Test
    void flipAllAndCopySpins() {
        LongRangeIsing h = LongRangeIsing.of(HypercubicLattice.of(1, 8), 1, 1.0, 0);
        MarkovChains chains = new LongRangeClusterRule().start(h, 2, 7L, InitialState.ORDERED);
        byte[] s = new byte[8];
        chains.copySpins(0, s);
        assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 1, 1}, s);
        chains.flipAll(1);
        chains.copySpins(1, s);
        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}, s);
        chains.copySpins(0, s);
        assertEquals(1, s[0]);
        assertThrows(IllegalArgumentException.class, () -> chains.copySpins(0, new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> chains.sweep(0));
        chains.sweep(1.0);
        chains.copySpins(0, s);
        for (byte b : s) {
            assertTrue(b == 1 || b == -1);
        }
        assertEquals("lr-cluster", chains.ruleName());
        assertEquals(2, chains.numChains());
        assertEquals(h, chains.hamiltonian());
    }

    @Test
    void supportsOnlyZeroFieldFerromagneticLongRange() {
        LongRangeClusterRule rule = new LongRangeClusterRule();
        assertEquals("lr-cluster", rule.name());
        var lattice = HypercubicLattice.of(2, 4);
        assertTrue(rule.supports(LongRangeIsing.of(lattice, 1, 1.5, 0)));
        assertTrue(rule.supports(LongRangeIsing.of(lattice, 1, 1.5, 0, PeriodicSum.MINIMUM_IMAGE)));
        assertFalse(rule.supports(LongRangeIsing.of(lattice, 1, 1.5, 0.1)));
        assertFalse(rule.supports(LongRangeIsing.of(lattice, -1, 1.5, 0)));
        assertFalse(rule.supports(NearestNeighbourIsing.of(lattice, 1, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.start(LongRangeIsing.of(lattice, 1, 1.5, 0.1), 1, 1L, InitialState.RANDOM));
        assertTrue(e.getMessage().contains("lr-cluster") && e.getMessage().contains("lr-metropolis"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> rule.start(NearestNeighbourIsing.of(lattice, 1, 0), 1, 1L, InitialState.RANDOM));
        assertTrue(e.getMessage().contains("wolff"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> rule.start(LongRangeIsing.of(lattice, 1, 1.5, 0), 0, 1L, InitialState.RANDOM));
    }
}
