package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rgflow.mc.OracleAssertions.assertMatchesExact;
import static org.rgflow.mc.OracleAssertions.ising;
import static org.rgflow.mc.OracleAssertions.snapshot;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * {@link WolffRule} and {@link SwendsenWangRule} against exact enumeration (2D 4&times;4, 1D L = 12 and
 * 11), Wolff's calibrated sweep length, determinism and the zero-field restriction. Error model and z
 * bound: {@link OracleAssertions}.
 */
class ClusterRulesTest {

    private static final long SAMPLER_SEED = 20240611L;
    private static final long DETERMINISM_SEED = 123456789L;
    private static final int CHAINS = 16;
    private static final int THERMALIZATION = 200;
    private static final int SAMPLES = 4000;

    static Stream<Arguments> rulesAndTemperatures() {
        return Stream.of(WolffRule.of(), SwendsenWangRule.of()).flatMap(rule -> Stream.of(
                Arguments.of(rule, 2, 4, 2.0), Arguments.of(rule, 2, 4, 2.269), Arguments.of(rule, 2, 4, 3.0),
                Arguments.of(rule, 1, 12, 1.0), Arguments.of(rule, 1, 11, 2.0)));
    }

    @ParameterizedTest(name = "{0} d={1} L={2} T={3}")
    @MethodSource("rulesAndTemperatures")
    void matchesEnumeration(UpdateRule rule, int dimension, int length, double temperature) {
        assertMatchesExact(rule, ising(dimension, length, 1, 0), temperature, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @Test
    void wolffWithFixedClustersMatchesEnumeration() {
        assertMatchesExact(WolffRule.withFixedClusters(1), ising(2, 4, 1, 0), 2.269, CHAINS, THERMALIZATION,
                SAMPLES, SAMPLER_SEED);
    }

    @Test
    void wolffCalibratesClustersPerSweepThenFreezes() {
        NearestNeighbourIsing h = ising(2, 16, 1, 0);
        WolffChains chains = WolffRule.of().start(h, 2, DETERMINISM_SEED, InitialState.RANDOM);
        for (int s = 0; s < WolffRule.CALIBRATION_SWEEPS - 1; s++) {
            chains.sweep(3.0);
            assertEquals(0, chains.clustersPerSweep(0), "still calibrating");
        }
        chains.sweep(3.0);
        int hot = chains.clustersPerSweep(0);
        assertTrue(hot > 1, "at T = 3 clusters are small, so a sweep needs many: " + hot);
        chains.sweep(3.0);
        assertEquals(hot, chains.clustersPerSweep(0), "frozen after calibration");
        for (int s = 0; s < WolffRule.CALIBRATION_SWEEPS; s++) {
            chains.sweep(1.5);
        }
        assertTrue(chains.clustersPerSweep(0) < hot, "ordered phase: clusters span most of the lattice");
    }

    @Test
    void sameSeedGivesIdenticalSpins() {
        NearestNeighbourIsing h = ising(2, 12, 1, 0);
        for (UpdateRule rule : new UpdateRule[] {WolffRule.of(), SwendsenWangRule.of()}) {
            byte[][] a = run(rule, h, DETERMINISM_SEED);
            OracleAssertions.assertSameSpins(a, run(rule, h, DETERMINISM_SEED));
            assertFalse(java.util.Arrays.deepEquals(a, run(rule, h, DETERMINISM_SEED + 1)), rule.name());
        }
    }

    @Test
    void flipAllNegatesOneChain() {
        for (UpdateRule rule : new UpdateRule[] {WolffRule.of(), SwendsenWangRule.of()}) {
            MarkovChains chains = rule.start(ising(3, 4, 1, 0), 3, DETERMINISM_SEED, InitialState.ORDERED);
            chains.sweep(4.5);
            OracleAssertions.assertFlipAllNegates(chains, 2);
            assertEquals(rule.name(), chains.ruleName());
        }
    }

    @Test
    void nonZeroFieldIsRejectedWithAdvice() {
        NearestNeighbourIsing field = ising(2, 4, 1, 0.1);
        NearestNeighbourIsing antiferro = ising(2, 4, -1, 0);
        for (UpdateRule rule : new UpdateRule[] {WolffRule.of(), SwendsenWangRule.of()}) {
            assertFalse(rule.supports(field));
            assertFalse(rule.supports(antiferro));
            assertTrue(rule.supports(ising(3, 4, 1, 0)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> rule.start(field, 1, 1L, InitialState.RANDOM));
            assertTrue(e.getMessage().contains("\"metropolis\""), e.getMessage());
        }
    }

    private static byte[][] run(UpdateRule rule, NearestNeighbourIsing h, long seed) {
        MarkovChains chains = rule.start(h, 3, seed, InitialState.RANDOM);
        for (int s = 0; s < 25; s++) {
            chains.sweep(2.269);
        }
        return snapshot(chains);
    }
}
