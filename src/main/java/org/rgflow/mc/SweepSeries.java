package org.rgflow.mc;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.observable.Autocorrelation;

/**
 * The energy and |M| of every chain after each of a run of sweeps, for integrated autocorrelation times: the
 * pilot run of {@link TemperatureScan} and the independent-samples benchmark record their series with it. The
 * sweeps alone are timed (reading the spins out is not).
 *
 * @param energy           total energy E [numChains][sweeps]
 * @param absMagnetization |M| = |&Sigma; s<sub>i</sub>| [numChains][sweeps]
 * @param sweepNanos       wall time of the sweeps
 */
public record SweepSeries(double[][] energy, double[][] absMagnetization, long sweepNanos) {

    /** Runs {@code sweeps} sweeps of all chains at temperature {@code t}, recording after each. Cost: sweeps &times; (sweep + numChains N). */
    public static SweepSeries record(MarkovChains chains, Hamiltonian hamiltonian, double t, int sweeps) {
        int numChains = chains.numChains();
        byte[] spins = new byte[hamiltonian.lattice().numSites()];
        double[][] e = new double[numChains][sweeps];
        double[][] m = new double[numChains][sweeps];
        long nanos = 0;
        for (int s = 0; s < sweeps; s++) {
            long t0 = System.nanoTime();
            chains.sweep(t);
            nanos += System.nanoTime() - t0;
            for (int c = 0; c < numChains; c++) {
                chains.copySpins(c, spins);
                e[c][s] = hamiltonian.energy(spins);
                long sum = 0;
                for (byte b : spins) {
                    sum += b;
                }
                m[c][s] = Math.abs(sum);
            }
        }
        return new SweepSeries(e, m, nanos);
    }

    /** &tau;<sub>int</sub> of the energy, in sweeps (Sokal window, pooled over chains). */
    public double tauEnergy() {
        return Autocorrelation.integratedTime(energy);
    }

    /** &tau;<sub>int</sub> of |M|, in sweeps. */
    public double tauAbsMagnetization() {
        return Autocorrelation.integratedTime(absMagnetization);
    }

    /** Sweeps per second of all chains together. */
    public double sweepsPerSecond() {
        return energy[0].length / (sweepNanos / 1e9);
    }
}
