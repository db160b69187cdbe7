package org.rgflow.critical;

import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.lattice.AxisCorrelations;
import org.rgflow.mc.InitialState;
import org.rgflow.mc.MarkovChains;
import org.rgflow.mc.ScanListener;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.mc.UpdateRule;
import org.rgflow.observable.IsingSeries;
import org.rgflow.observable.ReweightedSeries;
import org.rgflow.observable.ThermodynamicEstimates;

/**
 * Runs {@code numChains} Markov chains at one temperature and records, every
 * {@code sweepsBetweenSamples} sweeps, e, m and their moments (and optionally the axis correlators)
 * of every chain. Chains are seeded from the given seed by the update rule
 * ({@link org.rgflow.mc.Seeds#chainSeed}); there is no other randomness.
 *
 * <p>Cost: (thermalisation + interval &times; samples) sweeps of all chains, plus per recorded
 * configuration one energy evaluation and, with correlators, O(N d L) work.
 */
final class PointSampler {

    /** Jackknife blocks are made long enough for 4 &tau;_int but at most this many in all. */
    static final int MAX_BLOCKS = 64;

    private final Hamiltonian hamiltonian;
    private final UpdateRule rule;
    private final int numChains;
    private final int thermalizationSweeps;
    private final int sweepsBetweenSamples;

    PointSampler(Hamiltonian hamiltonian, UpdateRule rule, int numChains, int thermalizationSweeps,
            int sweepsBetweenSamples) {
        this.hamiltonian = hamiltonian;
        this.rule = rule;
        this.numChains = numChains;
        this.thermalizationSweeps = thermalizationSweeps;
        this.sweepsBetweenSamples = sweepsBetweenSamples;
    }

    /**
     * @param index position of this run in its scan, for the listener
     * @param temperature T &gt; 0
     * @param samplesPerChain recorded samples per chain
     * @param seed the run's seed
     * @param withCorrelators also record G(r) and C_&epsilon;&epsilon;(r)
     */
    PointSamples run(int index, double temperature, int samplesPerChain, long seed, boolean withCorrelators,
            ScanListener listener) {
        long t0 = System.nanoTime();
        int n = hamiltonian.lattice().numSites();
        listener.temperatureStarted(index, temperature,
                thermalizationSweeps + (long) sweepsBetweenSamples * samplesPerChain);
        MarkovChains chains = rule.start(hamiltonian, numChains, seed, InitialState.RANDOM);
        for (int s = 0; s < thermalizationSweeps; s++) {
            chains.sweep(temperature);
            if ((s & 15) == 15) {
                listener.sweepsDone(16);
            }
        }
        listener.sweepsDone(thermalizationSweeps & 15);
        AxisCorrelations corr = withCorrelators ? AxisCorrelations.of(hamiltonian.lattice()) : null;
        int corrWidth = withCorrelators ? 2 * corr.numDistances() + 1 : 0;
        double[][] energy = new double[numChains][samplesPerChain];
        double[][][] binder = new double[numChains][samplesPerChain][];
        double[][][] correlators = withCorrelators ? new double[numChains][samplesPerChain][] : null;
        IsingSeries series = new IsingSeries(numChains, samplesPerChain);
        byte[] spins = new byte[n];
        for (int i = 0; i < samplesPerChain; i++) {
            for (int s = 0; s < sweepsBetweenSamples; s++) {
                chains.sweep(temperature);
            }
            listener.sweepsDone(sweepsBetweenSamples);
            for (int c = 0; c < numChains; c++) {
                chains.copySpins(c, spins);
                double energyTotal = hamiltonian.energy(spins);
                long sum = 0;
                for (byte b : spins) {
                    sum += b;
                }
                double m = (double) sum / n;
                double e = energyTotal / n;
                double m2 = m * m;
                double m4 = m2 * m2;
                energy[c][i] = energyTotal;
                binder[c][i] = new double[] {Math.abs(m), m2, m4, e, e * e, m2 * e, m4 * e};
                series.add(c, e, m);
                if (withCorrelators) {
                    double[] row = new double[corrWidth];
                    corr.measure(spins, row, 0);
                    correlators[c][i] = row;
                }
            }
        }
        ThermodynamicEstimates est = ThermodynamicEstimates.of(series, n, temperature);
        int block = ReweightedSeries.blockLengthFor(MAX_BLOCKS, series.energies(), squares(series.magnetisations()));
        double beta = 1 / temperature;
        ReweightedSeries binderSeries = ReweightedSeries.of(energy, binder, beta, block);
        ReweightedSeries corrSeries = withCorrelators ? ReweightedSeries.of(energy, correlators, beta, block) : null;
        TemperatureResult summary = new TemperatureResult(temperature, chains.ruleName(), seed, sweepsBetweenSamples,
                Double.NaN, est, (long) numChains * samplesPerChain, (System.nanoTime() - t0) / 1e9);
        listener.temperatureFinished(summary);
        return new PointSamples(hamiltonian.lattice().length(), n, temperature, binderSeries, corrSeries, summary);
    }

    private static double[][] squares(double[][] m) {
        double[][] out = new double[m.length][];
        for (int c = 0; c < m.length; c++) {
            out[c] = new double[m[c].length];
            for (int i = 0; i < m[c].length; i++) {
                out[c][i] = m[c][i] * m[c][i];
            }
        }
        return out;
    }
}
