package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rgflow.mc.OracleAssertions.assertMatchesExact;
import static org.rgflow.mc.OracleAssertions.ising;
import static org.rgflow.mc.OracleAssertions.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.testing.Nd4jTestBase;

/**
 * {@link TensorMetropolisRule} against exact enumeration (2D 4&times;4 polynomial and exp paths, field,
 * 1D lazy path, two tensors on two threads), against the CPU rules in 3D, and its determinism. Many
 * chains per tensor keep the number of ND4J calls (the cost at these sizes) small.
 */
class TensorMetropolisRuleTest extends Nd4jTestBase {

    private static final long SAMPLER_SEED = 20240611L;
    private static final long DETERMINISM_SEED = 123456789L;
    private static final int CHAINS = 256;
    private static final int THERMALIZATION = 100;
    private static final int SAMPLES = 500;

    @ParameterizedTest
    @ValueSource(doubles = {2.0, 2.269, 3.0})
    void squareLatticeMatchesEnumeration(double temperature) {
        assertMatchesExact(TensorMetropolisRule.of(), ising(2, 4, 1, 0), temperature, CHAINS, THERMALIZATION,
                SAMPLES, SAMPLER_SEED);
    }

    @Test
    void fieldAndAntiferromagnetMatchEnumeration() {
        assertMatchesExact(TensorMetropolisRule.of(), ising(2, 4, 1, 0.3), 2.269, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
        assertMatchesExact(TensorMetropolisRule.of(), ising(2, 4, -1, -0.5), 2.0, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @Test
    void chainMatchesEnumeration() {
        assertMatchesExact(TensorMetropolisRule.of(), ising(1, 12, 1, 0), 1.5, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @Test
    void twoTensorsOnTwoThreadsMatchEnumeration() {
        assertMatchesExact(TensorMetropolisRule.of(2), ising(2, 4, 1, 0), 2.269, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @Test
    void agreesWithCpuRulesInThreeDimensions() {
        NearestNeighbourIsing h = ising(3, 4, 1, 0);
        OracleAssertions.assertConsistent(
                OracleAssertions.estimate(TensorMetropolisRule.of(), h, 4.5, 64, 200, 600, SAMPLER_SEED),
                OracleAssertions.estimate(SwendsenWangRule.of(), h, 4.5, 8, 100, 3000, DETERMINISM_SEED));
    }

    @Test
    void sameSeedGivesIdenticalSpins() {
        NearestNeighbourIsing h = ising(2, 8, 1, 0.1);
        for (int threads : new int[] {1, 2}) {
            byte[][] a = run(TensorMetropolisRule.of(threads), h, DETERMINISM_SEED);
            OracleAssertions.assertSameSpins(a, run(TensorMetropolisRule.of(threads), h, DETERMINISM_SEED));
            assertFalse(java.util.Arrays.deepEquals(a, run(TensorMetropolisRule.of(threads), h, DETERMINISM_SEED + 1)));
        }
    }

    @Test
    void initialStatesEqualThoseOfTheCpuRule() {
        NearestNeighbourIsing h = ising(3, 4, 1, 0);
        OracleAssertions.assertSameSpins(
                snapshot(MetropolisRule.of().start(h, 3, DETERMINISM_SEED, InitialState.RANDOM)),
                snapshot(TensorMetropolisRule.of(2).start(h, 3, DETERMINISM_SEED, InitialState.RANDOM)));
    }

    @Test
    void flipAllNegatesOneChain() {
        MarkovChains chains = TensorMetropolisRule.of().start(ising(2, 6, 1, 0), 3, DETERMINISM_SEED,
                InitialState.ORDERED);
        chains.sweep(2.5);
        OracleAssertions.assertFlipAllNegates(chains, 1);
        chains.sweep(2.5);
        OracleAssertions.assertFlipAllNegates(chains, 0);
        assertEquals("metropolis-nd4j", chains.ruleName());
    }

    @Test
    void oddLengthIsRejectedWithAdvice() {
        NearestNeighbourIsing odd = ising(2, 5, 1, 0);
        assertFalse(TensorMetropolisRule.of().supports(odd));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorMetropolisRule.of().start(odd, 1, 1L, InitialState.RANDOM));
        assertTrue(e.getMessage().contains("\"metropolis\""), e.getMessage());
    }

    private static byte[][] run(TensorMetropolisRule rule, NearestNeighbourIsing h, long seed) {
        MarkovChains chains = rule.start(h, 5, seed, InitialState.RANDOM);
        for (int s = 0; s < 10; s++) {
            chains.sweep(2.269);
        }
        return snapshot(chains);
    }
}
