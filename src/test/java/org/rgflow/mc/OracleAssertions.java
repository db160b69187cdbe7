package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.observable.ThermodynamicEstimates;
import org.rgflow.testing.SamplerOracle;
import org.rgflow.testing.SamplerOracle.Comparison;

/** Shared fixtures and assertions of the sampler tests: lattices, the exact-oracle check, spin snapshots. */
final class OracleAssertions {

    /** |z| bound of {@link SamplerOracle} (false-alarm rate &lt; 3e-4 per comparison of four observables). */
    static final double MAX_Z = 4;
    /** Temperatures of the 2D checks: below, at and above T_c = 2.269. */
    static final double[] SQUARE_TEMPERATURES = {2.0, 2.269, 3.0};

    private OracleAssertions() {
    }

    static NearestNeighbourIsing ising(int dimension, int length, double couplingJ, double field) {
        return NearestNeighbourIsing.of(HypercubicLattice.of(dimension, length), couplingJ, field);
    }

    /** Runs the oracle and asserts max |z| &lt; {@link #MAX_Z}; returns the comparison. */
    static Comparison assertMatchesExact(UpdateRule rule, NearestNeighbourIsing h, double temperature,
            int numChains, int thermalization, int samplesPerChain, long seed) {
        Comparison c = SamplerOracle.compare(rule, h, temperature, numChains, thermalization, samplesPerChain, seed);
        assertTrue(c.maxAbsZ() < MAX_Z, () -> rule.name() + " on " + h + " disagrees with enumeration: " + c);
        return c;
    }

    /** Estimates for lattices too large to enumerate: {@link SamplerOracle#estimate}. */
    static ThermodynamicEstimates estimate(UpdateRule rule, NearestNeighbourIsing h, double temperature,
            int numChains, int thermalization, int samplesPerChain, long seed) {
        return SamplerOracle.estimate(rule, h, temperature, numChains, thermalization, samplesPerChain, seed);
    }

    /** Two independent estimates agree: |a - b| / sqrt(err_a^2 + err_b^2) &lt; {@link #MAX_Z}. */
    static void assertConsistent(String what, Estimate a, Estimate b) {
        double z = (a.value() - b.value()) / Math.hypot(a.error(), b.error());
        assertTrue(Math.abs(z) < MAX_Z, () -> what + " differ: " + a + " vs " + b + " (z = " + z + ")");
    }

    /** Energy, |m| and U4 of two samplers agree. */
    static void assertConsistent(ThermodynamicEstimates a, ThermodynamicEstimates b) {
        assertConsistent("energies", a.energy(), b.energy());
        assertConsistent("|m|", a.absMagnetisation(), b.absMagnetisation());
        assertConsistent("U4", a.binder(), b.binder());
    }

    /** Spins of all chains, [numChains][numSites]. */
    static byte[][] snapshot(MarkovChains chains) {
        int n = chains.hamiltonian().lattice().numSites();
        byte[][] out = new byte[chains.numChains()][n];
        for (int c = 0; c < out.length; c++) {
            chains.copySpins(c, out[c]);
        }
        return out;
    }

    static void assertSameSpins(byte[][] expected, byte[][] actual) {
        assertTrue(expected.length == actual.length, "chain counts differ");
        for (int c = 0; c < expected.length; c++) {
            assertArrayEquals(expected[c], actual[c], "chain " + c);
        }
    }

    /** flipAll negates exactly one chain and copySpins returns &plusmn;1 only. */
    static void assertFlipAllNegates(MarkovChains chains, int chain) {
        byte[][] before = snapshot(chains);
        chains.flipAll(chain);
        byte[][] after = snapshot(chains);
        for (int c = 0; c < before.length; c++) {
            for (int i = 0; i < before[c].length; i++) {
                assertTrue(before[c][i] == 1 || before[c][i] == -1, "spin not +-1");
                int expected = c == chain ? -before[c][i] : before[c][i];
                assertTrue(after[c][i] == expected, "chain " + c + " site " + i);
            }
        }
    }
}
