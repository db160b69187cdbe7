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

/**
 * {@link LongRangeMetropolisRule} against exact enumeration. Runs: 8 chains, 500 thermalisation sweeps,
 * 6000 measured sweeps each; errors from blocked jackknife with measured &tau;_int.
 */
class LongRangeMetropolisRuleTest {

    private static final long SAMPLER_SEED = 0xBEEFL;
    private static final long DETERMINISM_SEED = 13579L;

    @ParameterizedTest(name = "{0} T={1}")
    @CsvSource({"IMAGE_SUM, 3", "IMAGE_SUM, 5", "IMAGE_SUM, 8", "MINIMUM_IMAGE, 3", "MINIMUM_IMAGE, 5",
        "MINIMUM_IMAGE, 8"})
    void matchesExactEnumerationOn4x4(PeriodicSum convention, double temperature) {
        LongRangeOracleCases.assertAgrees(new LongRangeMetropolisRule(), LongRangeOracleCases.square4(convention, 0),
                temperature, 8, 500, 6000, SAMPLER_SEED);
    }

    @ParameterizedTest(name = "{0} sigma={1} T={2}")
    @CsvSource({"IMAGE_SUM, 1.0, 2", "IMAGE_SUM, 0.5, 4", "MINIMUM_IMAGE, 1.0, 1.5"})
    void matchesExactEnumerationOnChain16(PeriodicSum convention, double sigma, double temperature) {
        LongRangeOracleCases.assertAgrees(new LongRangeMetropolisRule(), LongRangeOracleCases.chain16(convention, sigma, 0),
                temperature, 8, 500, 6000, SAMPLER_SEED + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"IMAGE_SUM", "MINIMUM_IMAGE"})
    void matchesExactEnumerationOnCube2(PeriodicSum convention) {
        LongRangeOracleCases.assertAgrees(new LongRangeMetropolisRule(), LongRangeOracleCases.cube2(convention), 8.0, 8,
                500, 6000, SAMPLER_SEED + 3);
    }

    @ParameterizedTest(name = "{0} h={1}")
    @CsvSource({"IMAGE_SUM, 0.3", "MINIMUM_IMAGE, -0.5"})
    void matchesExactEnumerationInAField(PeriodicSum convention, double field) {
        LongRangeOracleCases.assertAgrees(new LongRangeMetropolisRule(),
                LongRangeOracleCases.square4(convention, field), 6, 8, 500, 6000, SAMPLER_SEED + 2);
    }

    @Test
    void localFieldsStayConsistentWithTheSpins() {
        LongRangeIsing h = LongRangeIsing.of(HypercubicLattice.of(2, 8), 1, 1.5, 0.2);
        LongRangeMetropolisChains chains = (LongRangeMetropolisChains) new LongRangeMetropolisRule().start(h, 2,
                DETERMINISM_SEED, InitialState.RANDOM);
        for (int s = 0; s < 50; s++) {
            chains.sweep(4.0);
        }
        chains.flipAll(1);
        chains.sweep(4.0);
        for (int c = 0; c < 2; c++) {
            byte[] spins = new byte[64];
            chains.copySpins(c, spins);
            double[] expected = new double[64];
            for (int i = 0; i < 64; i++) {
                for (int j = 0; j < 64; j++) {
                    expected[i] += h.coupling(h.lattice().displacement(i, j)) * spins[j];
                }
            }
            assertArrayEquals(expected, chains.localFields(c), 1e-9);
        }
    }

    @Test
    void sameSeedGivesIdenticalSpins() {
        LongRangeIsing h = LongRangeIsing.of(HypercubicLattice.of(2, 8), 1, 1.5, 0.1);
        MarkovChains a = new LongRangeMetropolisRule().start(h, 2, DETERMINISM_SEED, InitialState.RANDOM);
        MarkovChains b = new LongRangeMetropolisRule().start(h, 2, DETERMINISM_SEED, InitialState.RANDOM);
        for (int s = 0; s < 10; s++) {
            a.sweep(5.0);
            b.sweep(5.0);
        }
        byte[] sa = new byte[64];
        byte[] sb = new byte[64];
        for (int c = 0; c < 2; c++) {
            a.copySpins(c, sa);
            b.copySpins(c, sb);
            assertArrayEquals(sa, sb);
        }
    }

    @Test
    void supportsEveryLongRangeModelAndNothingElse() {
        LongRangeMetropolisRule rule = new LongRangeMetropolisRule();
        assertEquals("lr-metropolis", rule.name());
        var lattice = HypercubicLattice.of(2, 4);
        assertTrue(rule.supports(LongRangeIsing.of(lattice, 1, 1.5, 0.3)));
        assertTrue(rule.supports(LongRangeIsing.of(lattice, -1, 1.5, 0)));
        assertFalse(rule.supports(NearestNeighbourIsing.of(lattice, 1, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.start(NearestNeighbourIsing.of(lattice, 1, 0), 1, 1L, InitialState.RANDOM));
        assertTrue(e.getMessage().contains("lr-metropolis") && e.getMessage().contains("metropolis"), e.getMessage());
        MarkovChains chains = rule.start(LongRangeIsing.of(lattice, 1, 1.5, 0), 1, 1L, InitialState.ORDERED);
        assertEquals("lr-metropolis", chains.ruleName());
        byte[] s = new byte[16];
        chains.flipAll(0);
        chains.copySpins(0, s);
        for (byte b : s) {
            assertEquals(-1, b);
        }
    }
}
