package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rgflow.mc.OracleAssertions.assertMatchesExact;
import static org.rgflow.mc.OracleAssertions.ising;
import static org.rgflow.mc.OracleAssertions.snapshot;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rgflow.hamiltonian.NearestNeighbourIsing;

/**
 * {@link MetropolisRule} against exact enumeration: even L (vectorised checkerboard) and odd L
 * (typewriter), zero and non-zero field, ferro- and antiferromagnet, d = 1 and 2. Oracle error model
 * and z bound: {@link OracleAssertions}.
 */
class MetropolisRuleTest {

    private static final long SAMPLER_SEED = 20240611L;
    private static final long DETERMINISM_SEED = 123456789L;
    private static final int CHAINS = 16;
    private static final int THERMALIZATION = 500;
    private static final int SAMPLES = 6000;

    @ParameterizedTest
    @ValueSource(doubles = {2.0, 2.269, 3.0})
    void squareLatticeMatchesEnumeration(double temperature) {
        assertMatchesExact(MetropolisRule.of(), ising(2, 4, 1, 0), temperature, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, -0.5})
    void fieldMatchesEnumeration(double field) {
        assertMatchesExact(MetropolisRule.of(), ising(2, 4, 1, field), 2.269, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
        assertMatchesExact(MetropolisRule.of(), ising(1, 12, 1, field), 1.5, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @Test
    void antiferromagnetMatchesEnumeration() {
        assertMatchesExact(MetropolisRule.of(), ising(2, 4, -1, 0.5), 2.0, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.5})
    void chainMatchesEnumeration(double temperature) {
        assertMatchesExact(MetropolisRule.of(), ising(1, 12, 1, 0), temperature, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    @Test
    void oddLengthUsesTypewriterOrderAndMatchesEnumeration() {
        assertMatchesExact(MetropolisRule.of(), ising(2, 3, 1, 0), 2.269, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
        assertMatchesExact(MetropolisRule.of(), ising(2, 3, 1, 0.4), 2.0, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
        assertMatchesExact(MetropolisRule.of(), ising(1, 11, 1, 0), 1.5, CHAINS, THERMALIZATION, SAMPLES,
                SAMPLER_SEED);
    }

    /** At L = 4 the default layout has one chunk; one row per chunk exercises the chunk-boundary wrap. */
    @Test
    void squareLayoutWithSeveralChunksMatchesEnumeration() {
        UpdateRule oneRowPerChunk = new UpdateRule() {
            @Override
            public String name() {
                return "metropolis-small-chunks";
            }

            @Override
            public boolean supports(org.rgflow.hamiltonian.Hamiltonian h) {
                return true;
            }

            @Override
            public MarkovChains start(org.rgflow.hamiltonian.Hamiltonian h, int numChains, long seed, InitialState s) {
                NearestNeighbourIsing nn = (NearestNeighbourIsing) h;
                return new MetropolisChains(nn, numChains, seed, s, 1,
                        (ham, spins, random) -> new SquareMetropolis(ham.lattice().length(), spins, random, 1));
            }
        };
        assertMatchesExact(oneRowPerChunk, ising(2, 4, 1, 0), 2.269, CHAINS, THERMALIZATION, SAMPLES, SAMPLER_SEED);
    }

    @Test
    void sameSeedGivesIdenticalSpins() {
        NearestNeighbourIsing h = ising(2, 16, 1, 0.1);
        byte[][] a = run(MetropolisRule.of(), h, DETERMINISM_SEED);
        byte[][] b = run(MetropolisRule.of(), h, DETERMINISM_SEED);
        OracleAssertions.assertSameSpins(a, b);
        byte[][] other = run(MetropolisRule.of(), h, DETERMINISM_SEED + 1);
        assertFalse(Arrays.deepEquals(a, other), "a different seed should give different spins");
    }

    @Test
    void threadCountDoesNotChangeResults() {
        for (NearestNeighbourIsing h : new NearestNeighbourIsing[] {ising(2, 16, 1, 0), ising(3, 6, 1, 0),
                ising(1, 9, 1, 0.2)}) {
            byte[][] one = run(MetropolisRule.of(1), h, DETERMINISM_SEED);
            OracleAssertions.assertSameSpins(one, run(MetropolisRule.of(2), h, DETERMINISM_SEED));
            OracleAssertions.assertSameSpins(one, run(MetropolisRule.of(3), h, DETERMINISM_SEED));
        }
    }

    @Test
    void batchedSweepsEqualSingleSweeps() {
        NearestNeighbourIsing h = ising(2, 8, 1, 0);
        MetropolisChains a = MetropolisRule.of(2).start(h, 3, DETERMINISM_SEED, InitialState.RANDOM);
        MetropolisChains b = MetropolisRule.of(2).start(h, 3, DETERMINISM_SEED, InitialState.RANDOM);
        a.sweeps(2.5, 7);
        for (int s = 0; s < 7; s++) {
            b.sweep(2.5);
        }
        OracleAssertions.assertSameSpins(snapshot(a), snapshot(b));
    }

    @Test
    void orderedStartAndFlipAll() {
        MarkovChains chains = MetropolisRule.of().start(ising(3, 4, 1, 0), 2, DETERMINISM_SEED, InitialState.ORDERED);
        for (byte[] spins : snapshot(chains)) {
            for (byte s : spins) {
                assertEquals(1, s);
            }
        }
        chains.sweep(4.5);
        OracleAssertions.assertFlipAllNegates(chains, 1);
        assertEquals("metropolis", chains.ruleName());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> MetropolisRule.of(0));
        MarkovChains chains = MetropolisRule.of().start(ising(2, 4, 1, 0), 1, 1L, InitialState.RANDOM);
        assertThrows(IllegalArgumentException.class, () -> chains.sweep(0));
        assertThrows(IllegalArgumentException.class, () -> chains.copySpins(0, new byte[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> chains.flipAll(1));
        assertTrue(MetropolisRule.of().supports(ising(2, 4, 1, 0.7)));
    }

    private static byte[][] run(MetropolisRule rule, NearestNeighbourIsing h, long seed) {
        MarkovChains chains = rule.start(h, 5, seed, InitialState.RANDOM);
        for (int s = 0; s < 20; s++) {
            chains.sweep(2.269);
        }
        return snapshot(chains);
    }
}
