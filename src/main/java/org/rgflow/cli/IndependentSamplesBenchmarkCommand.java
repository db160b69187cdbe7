package org.rgflow.cli;

import java.io.PrintStream;
import org.rgflow.bench.IndependentSamplesBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rgflow bench independent}: independent samples per second per dataset workload and sampler. */
@Command(name = "independent", mixinStandardHelpOptions = true,
        description = "Independent samples/s (sweeps/s / 2 tau_int) for the shipped dataset workloads, per sampler.")
final class IndependentSamplesBenchmarkCommand implements Runnable {

    @Option(names = "--sweeps", defaultValue = "2000", description = "Measured sweeps per chain (default: ${DEFAULT-VALUE}).")
    int sweeps;

    @Option(names = "--chains", defaultValue = "8", description = "Chains per run (default: ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public void run() {
        IndependentSamplesBenchmark.run(new PrintStream(System.out, true), sweeps, chains, seed);
    }
}
