package org.rgflow.testing;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.mc.InitialState;
import org.rgflow.mc.MarkovChains;
import org.rgflow.mc.UpdateRule;
import org.rgflow.observable.IsingSeries;
import org.rgflow.observable.ThermodynamicEstimates;

/**
 * Runs a sampler and compares its estimates with exact enumeration.
 *
 * <p>Error model: {@link ThermodynamicEstimates} (blocked jackknife over independent chains with
 * blocks &ge; 4 &tau;_int). A sampler passes when |z| &lt; {@code maxZ} for &lang;e&rang;, &lang;|m|&rang;,
 * &lang;m&sup2;&rang; and U4. With four observables at maxZ = 4 the false-alarm rate of a correct
 * sampler is below 3e-4 per call (Gaussian, Bonferroni).
 */
public final class SamplerOracle {

    private SamplerOracle() {
    }

    /** Result of one comparison: the sampler's estimates, the exact values and the z-scores. */
    public record Comparison(ThermodynamicEstimates sampled, ExactIsing exact) {

        public double zEnergy() {
            return sampled.energy().zScore(exact.energy);
        }

        public double zAbsMagnetisation() {
            return sampled.absMagnetisation().zScore(exact.absMagnetisation);
        }

        public double zMagnetisation2() {
            return sampled.magnetisation2().zScore(exact.magnetisation2);
        }

        public double zBinder() {
            return sampled.binder().zScore(exact.binder());
        }

        /** Largest |z| of the four. */
        public double maxAbsZ() {
            return Math.max(Math.max(Math.abs(zEnergy()), Math.abs(zAbsMagnetisation())),
                    Math.max(Math.abs(zMagnetisation2()), Math.abs(zBinder())));
        }

        @Override
        public String toString() {
            return String.format("T=%.4f z(e)=%.2f z(|m|)=%.2f z(m2)=%.2f z(U4)=%.2f | e=%s exact %.6f; |m|=%s exact %.6f;"
                    + " U4=%s exact %.6f", exact.temperature, zEnergy(), zAbsMagnetisation(), zMagnetisation2(),
                    zBinder(), sampled.energy(), exact.energy, sampled.absMagnetisation(), exact.absMagnetisation,
                    sampled.binder(), exact.binder());
        }
    }

    /**
     * Samples {@code numChains} chains: {@code thermalization} sweeps, then {@code samplesPerChain}
     * measurements one sweep apart (the error model accounts for the correlation).
     */
    public static Comparison compare(UpdateRule rule, Hamiltonian h, double temperature, int numChains,
            int thermalization, int samplesPerChain, long seed) {
        return new Comparison(estimate(rule, h, temperature, numChains, thermalization, samplesPerChain, seed),
                ExactIsing.of(h, temperature));
    }

    /**
     * Estimates without an exact reference (also for lattices too large to enumerate):
     * {@code thermalization} sweeps, then one measurement per sweep.
     */
    public static ThermodynamicEstimates estimate(UpdateRule rule, Hamiltonian h, double temperature, int numChains,
            int thermalization, int samplesPerChain, long seed) {
        MarkovChains chains = rule.start(h, numChains, seed, InitialState.RANDOM);
        for (int s = 0; s < thermalization; s++) {
            chains.sweep(temperature);
        }
        int n = h.lattice().numSites();
        byte[] spins = new byte[n];
        IsingSeries series = new IsingSeries(numChains, samplesPerChain);
        for (int i = 0; i < samplesPerChain; i++) {
            chains.sweep(temperature);
            for (int c = 0; c < numChains; c++) {
                chains.copySpins(c, spins);
                long m = 0;
                for (byte b : spins) {
                    m += b;
                }
                series.add(c, h.energy(spins) / n, (double) m / n);
            }
        }
        return ThermodynamicEstimates.of(series, n, temperature);
    }
}
