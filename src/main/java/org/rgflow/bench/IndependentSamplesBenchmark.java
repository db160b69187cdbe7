package org.rgflow.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.hamiltonian.LongRangeIsing;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.hamiltonian.PeriodicSum;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.mc.InitialState;
import org.rgflow.mc.MarkovChains;
import org.rgflow.mc.SweepSeries;
import org.rgflow.mc.UpdateRule;
import org.rgflow.mc.UpdateRules;

/**
 * Independent samples per second, the unit users care about: sweeps/s of all chains divided by
 * 2 &tau;_int (the larger of e and |m|), for the workloads of the shipped dataset configs and every
 * sampler that applies. Near Tc local updates decorrelate slowly (&tau; ~ L^2.17), cluster updates do not.
 */
public final class IndependentSamplesBenchmark {

    private IndependentSamplesBenchmark() {
    }

    /** One workload: a model at a temperature, with the rules to compare. */
    record Workload(String name, Hamiltonian hamiltonian, double temperature, List<String> rules) {
    }

    static List<Workload> workloads() {
        List<Workload> w = new ArrayList<>();
        List<String> nn = List.of("wolff", "swendsen-wang", "metropolis", "metropolis-nd4j");
        for (double t : new double[] {1.5, 2.25, 3.5}) {
            w.add(new Workload("iso2018 L=10", nn(10), t, nn));
        }
        w.add(new Workload("koch2020 L=32", nn(32), 2.269185314213022, nn));
        w.add(new Workload("mehta2014 L=40", nn(40), 1 / 0.408, nn));
        w.add(new Workload("shortsighted2020 L=32 s=1.5", LongRangeIsing.of(HypercubicLattice.of(2, 32), 1.0, 1.5, 0.0,
                PeriodicSum.IMAGE_SUM), 5.58, List.of("lr-cluster", "lr-metropolis")));
        return w;
    }

    private static Hamiltonian nn(int l) {
        return NearestNeighbourIsing.of(HypercubicLattice.of(2, l), 1.0, 0.0);
    }

    /**
     * @param sweeps measured sweeps per chain after {@code sweeps / 5} thermalisation sweeps
     * @param numChains chains per run
     */
    public static void run(PrintStream out, int sweeps, int numChains, long seed) {
        out.println(BenchMachine.machineLine());
        out.printf("%-30s %8s %-16s %12s %10s %10s %14s%n", "workload", "T", "rule", "sweeps/s", "tau_e", "tau_|m|",
                "indep/s");
        for (Workload w : workloads()) {
            for (String name : w.rules()) {
                UpdateRule rule = UpdateRules.create(name, w.hamiltonian(), 0);
                int measured = name.equals("lr-metropolis") ? Math.max(50, sweeps / 20) : sweeps;
                double[] r = measure(rule, w.hamiltonian(), w.temperature(), numChains, measured, seed);
                out.printf("%-30s %8.4f %-16s %12.1f %10.2f %10.2f %14.1f%n", w.name(), w.temperature(), name, r[0],
                        r[1], r[2], r[0] * numChains / (2 * Math.max(r[1], r[2])));
            }
        }
    }

    /** @return {sweeps per second (all chains advance together), tau_e, tau_|m|} */
    static double[] measure(UpdateRule rule, Hamiltonian h, double t, int numChains, int sweeps, long seed) {
        MarkovChains chains = rule.start(h, numChains, seed, InitialState.RANDOM);
        for (int s = 0; s < sweeps / 5; s++) {
            chains.sweep(t);
        }
        SweepSeries series = SweepSeries.record(chains, h, t, sweeps);
        return new double[] {series.sweepsPerSecond(), series.tauEnergy(), series.tauAbsMagnetization()};
    }
}
