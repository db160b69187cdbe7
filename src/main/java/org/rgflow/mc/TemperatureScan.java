package org.rgflow.mc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.observable.IsingSeries;
import org.rgflow.observable.ThermodynamicEstimates;

/**
 * Samples a Hamiltonian at a list of temperatures: per temperature, fresh chains seeded with
 * {@link Seeds#temperatureSeed}, thermalisation, an optional pilot run that measures &tau;_int of
 * e and |m| to choose the thinning, then recording with measurements of e and m for every recorded
 * configuration. T = 0 is the exact ground-state ensemble: all spins up (or, at zero field with
 * {@code globalFlip}, all up or all down with probability 1/2), no Markov chain needed.
 *
 * <p>Cost per temperature: (thermalisation + pilot + interval &times; samples per chain) sweeps of
 * all chains plus one energy evaluation per recorded configuration.
 */
public final class TemperatureScan {

    private final Hamiltonian hamiltonian;
    private final UpdateRule rule;
    private final int numChains;
    private final SamplingSchedule schedule;

    private TemperatureScan(Hamiltonian hamiltonian, UpdateRule rule, int numChains, SamplingSchedule schedule) {
        this.hamiltonian = hamiltonian;
        this.rule = rule;
        this.numChains = numChains;
        this.schedule = schedule;
    }

    public static TemperatureScan of(Hamiltonian hamiltonian, UpdateRule rule, int numChains,
            SamplingSchedule schedule) {
        if (!rule.supports(hamiltonian)) {
            throw new IllegalArgumentException("update rule '" + rule.name() + "' cannot sample " + hamiltonian);
        }
        if (numChains < 1) {
            throw new IllegalArgumentException("numChains must be >= 1, got " + numChains);
        }
        if (rule instanceof WolffRule && schedule.thermalizationSweeps() < WolffRule.CALIBRATION_SWEEPS) {
            throw new IllegalArgumentException("thermalizationSweeps must be >= " + WolffRule.CALIBRATION_SWEEPS
                    + " with the Wolff rule (its first sweeps calibrate the clusters per sweep), got "
                    + schedule.thermalizationSweeps());
        }
        if (schedule.globalFlip() && hamiltonian.field() != 0) {
            throw new IllegalArgumentException("globalFlip requires zero field, got h = " + hamiltonian.field());
        }
        return new TemperatureScan(hamiltonian, rule, numChains, schedule);
    }

    /** Runs every temperature in order; configurations go to {@code sink}. */
    public List<TemperatureResult> run(double[] temperatures, long seed, ConfigurationSink sink, ScanListener listener) {
        List<TemperatureResult> results = new ArrayList<>();
        for (int i = 0; i < temperatures.length; i++) {
            long tSeed = Seeds.temperatureSeed(seed, i);
            TemperatureResult r = temperatures[i] == 0
                    ? groundState(i, tSeed, sink, listener)
                    : sample(i, temperatures[i], tSeed, sink, listener);
            listener.temperatureFinished(r);
            results.add(r);
        }
        return results;
    }

    private TemperatureResult sample(int index, double t, long seed, ConfigurationSink sink, ScanListener listener) {
        long t0 = System.nanoTime();
        int perChain = (schedule.configurationsPerTemperature() + numChains - 1) / numChains;
        int given = schedule.sweepsBetweenSamples();
        // estimate; with automatic thinning the pilot run fixes the rest (reported again below)
        listener.temperatureStarted(index, t, schedule.thermalizationSweeps()
                + (given == 0 ? SamplingSchedule.MIN_PILOT_SWEEPS + perChain : (long) given * perChain));
        MarkovChains chains = rule.start(hamiltonian, numChains, seed, schedule.start());
        for (int s = 0; s < schedule.thermalizationSweeps(); s++) {
            chains.sweep(t);
            listener.sweepsDone(1);
        }
        double pilotTau = Double.NaN;
        int interval = given;
        if (given == 0) {
            pilotTau = pilotTau(chains, t, listener);
            interval = SamplingSchedule.autoInterval(pilotTau);
            listener.temperatureStarted(index, t, (long) interval * perChain);
        }
        int n = hamiltonian.lattice().numSites();
        byte[] spins = new byte[n];
        IsingSeries series = new IsingSeries(numChains, perChain);
        SplittableRandom flips = new SplittableRandom(Seeds.child(seed, 0x666C6970L)); // "flip"
        long written = 0;
        try {
            for (int i = 0; i < perChain; i++) {
                for (int s = 0; s < interval; s++) {
                    chains.sweep(t);
                }
                listener.sweepsDone(interval);
                for (int c = 0; c < numChains; c++) {
                    if (schedule.globalFlip() && flips.nextBoolean()) {
                        chains.flipAll(c);
                    }
                    chains.copySpins(c, spins);
                    series.add(c, hamiltonian.energy(spins) / n, magnetisation(spins) / n);
                    if (written < schedule.configurationsPerTemperature()) {
                        sink.accept(spins, t);
                        written++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ThermodynamicEstimates est = ThermodynamicEstimates.of(series, n, t);
        return new TemperatureResult(t, chains.ruleName(), seed, interval, pilotTau, est, written,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Measures max(&tau;_int(e), &tau;_int(|m|)) in sweeps, doubling the pilot until it is &ge; 50 &tau;. */
    private double pilotTau(MarkovChains chains, double t, ScanListener listener) {
        int length = SamplingSchedule.MIN_PILOT_SWEEPS;
        while (true) {
            SweepSeries series = SweepSeries.record(chains, hamiltonian, t, length);
            listener.sweepsDone(length);
            double tau = Math.max(series.tauEnergy(), series.tauAbsMagnetization());
            if (length >= 50 * tau || length >= SamplingSchedule.MAX_PILOT_SWEEPS) {
                return tau;
            }
            length = Math.min(2 * length, SamplingSchedule.MAX_PILOT_SWEEPS);
        }
    }

    private TemperatureResult groundState(int index, long seed, ConfigurationSink sink, ScanListener listener) {
        long t0 = System.nanoTime();
        listener.temperatureStarted(index, 0, 0);
        int n = hamiltonian.lattice().numSites();
        int count = schedule.configurationsPerTemperature();
        byte[] spins = new byte[n];
        SplittableRandom flips = new SplittableRandom(Seeds.child(seed, 0x666C6970L));
        byte up = (byte) (hamiltonian.field() < 0 ? -1 : 1);
        java.util.Arrays.fill(spins, up);
        double e = hamiltonian.energy(spins) / n;
        try {
            for (int i = 0; i < count; i++) {
                byte s = schedule.globalFlip() && flips.nextBoolean() ? (byte) -up : up;
                java.util.Arrays.fill(spins, s);
                sink.accept(spins, 0.0);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new TemperatureResult(0.0, "ground-state", seed, 0, Double.NaN,
                ThermodynamicEstimates.exactGroundState(n, e, count), count, (System.nanoTime() - t0) / 1e9);
    }

    private static double magnetisation(byte[] spins) {
        long m = 0;
        for (byte b : spins) {
            m += b;
        }
        return m;
    }
}
