package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rgflow.mc.OracleAssertions.ising;

import org.junit.jupiter.api.Test;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.testing.SamplerOracle;
import org.rgflow.testing.SamplerOracle.Comparison;

/**
 * Power of the oracle tests: the same harness, with the same sample sizes as the rule tests, must
 * reject samplers with planted bugs (max |z| &gt; {@link OracleAssertions#MAX_Z}).
 */
class PlantedBugTest {

    private static final long SAMPLER_SEED = 20240611L;
    private static final double TEMPERATURE = 2.269;

    @Test
    void detectsMetropolisSweepingAtTenPercentHigherTemperature() {
        assertDetected(new HotterRule(MetropolisRule.of(), 1.1), 6000);
    }

    @Test
    void detectsWolffSweepingAtTenPercentHigherTemperature() {
        assertDetected(new HotterRule(WolffRule.of(), 1.1), 4000);
    }

    /**
     * The tempting definition "a Wolff sweep = clusters until the flipped sizes sum to &ge; N" is biased
     * (the stopping time depends on the trajectory); {@link WolffRule} calibrates and freezes instead.
     */
    @Test
    void detectsWolffSweepStoppedWhenFlippedSpinsReachN() {
        assertDetected(new StopAtNRule(), 4000);
    }

    private static void assertDetected(UpdateRule buggy, int samples) {
        NearestNeighbourIsing h = ising(2, 4, 1, 0);
        Comparison c = SamplerOracle.compare(buggy, h, TEMPERATURE, 16, 200, samples, SAMPLER_SEED);
        assertTrue(c.maxAbsZ() > OracleAssertions.MAX_Z, () -> "planted bug not detected: " + c);
    }

    /** Decorator: every sweep runs the wrapped rule at factor &middot; T. */
    private record HotterRule(UpdateRule inner, double factor) implements UpdateRule {

        @Override
        public String name() {
            return inner.name() + "-hot";
        }

        @Override
        public boolean supports(Hamiltonian hamiltonian) {
            return inner.supports(hamiltonian);
        }

        @Override
        public MarkovChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start) {
            MarkovChains chains = inner.start(hamiltonian, numChains, seed, start);
            return new ForwardingChains(chains) {
                @Override
                public void sweep(double temperature) {
                    chains.sweep(factor * temperature);
                }
            };
        }
    }

    /** Single Wolff clusters repeated until the spins they changed add up to &ge; N (the biased rule). */
    private static final class StopAtNRule implements UpdateRule {

        @Override
        public String name() {
            return "wolff-stop-at-n";
        }

        @Override
        public boolean supports(Hamiltonian hamiltonian) {
            return WolffRule.of().supports(hamiltonian);
        }

        @Override
        public MarkovChains start(Hamiltonian hamiltonian, int numChains, long seed, InitialState start) {
            int n = hamiltonian.lattice().numSites();
            MarkovChains[] single = new MarkovChains[numChains];
            for (int c = 0; c < numChains; c++) {
                single[c] = WolffRule.withFixedClusters(1).start(hamiltonian, 1, Seeds.child(seed, c), start);
            }
            return new ForwardingChains(WolffRule.of().start(hamiltonian, numChains, seed, start)) {
                @Override
                public void sweep(double temperature) {
                    byte[] before = new byte[n];
                    byte[] after = new byte[n];
                    for (MarkovChains chain : single) {
                        int flipped = 0;
                        while (flipped < n) {
                            chain.copySpins(0, before);
                            chain.sweep(temperature);
                            chain.copySpins(0, after);
                            for (int i = 0; i < n; i++) {
                                flipped += before[i] != after[i] ? 1 : 0;
                            }
                        }
                    }
                }

                @Override
                public void copySpins(int chain, byte[] out) {
                    single[chain].copySpins(0, out);
                }

                @Override
                public void flipAll(int chain) {
                    single[chain].flipAll(0);
                }
            };
        }
    }

    /** Forwards every call; subclasses override the planted behaviour. */
    private static class ForwardingChains implements MarkovChains {

        private final MarkovChains inner;

        ForwardingChains(MarkovChains inner) {
            this.inner = inner;
        }

        @Override
        public Hamiltonian hamiltonian() {
            return inner.hamiltonian();
        }

        @Override
        public int numChains() {
            return inner.numChains();
        }

        @Override
        public void sweep(double temperature) {
            inner.sweep(temperature);
        }

        @Override
        public void copySpins(int chain, byte[] out) {
            inner.copySpins(chain, out);
        }

        @Override
        public void flipAll(int chain) {
            inner.flipAll(chain);
        }

        @Override
        public String ruleName() {
            return inner.ruleName();
        }
    }
}
