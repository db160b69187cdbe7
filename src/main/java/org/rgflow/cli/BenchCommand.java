package org.rgflow.cli;

import java.io.PrintStream;
import org.rgflow.bench.DatasetBenchmark;
import org.rgflow.bench.LongRangeBenchmark;
import org.rgflow.bench.RbmBenchmark;
import org.rgflow.bench.SamplerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rgflow bench ...}: benchmarks that print one table each, peers side by side where they exist. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks (tables on stdout).",
        subcommands = {BenchCommand.Sampler.class, BenchCommand.LongRange.class, BenchCommand.Dataset.class,
            IndependentSamplesBenchmarkCommand.class, BenchCommand.Rbm.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "sampler", mixinStandardHelpOptions = true,
            description = "Metropolis flips/ns (Java fast path, ND4J tensor path) at T = 2.269 next to ../shared/peers/ising_c.sh.")
    static final class Sampler implements Runnable {
        @Option(names = "--sizes", split = ",", defaultValue = "256,1024", description = "Lattice sizes L (default: ${DEFAULT-VALUE}).")
        int[] sizes;
        @Option(names = "--repeats", defaultValue = "3", description = "Repeats per measurement (median reported).")
        int repeats;
        @Option(names = "--no-peers", description = "Do not run the C peers.")
        boolean noPeers;

        @Override
        public void run() {
            SamplerBenchmark.run(new PrintStream(System.out, true), sizes, repeats, !noPeers);
        }
    }

    @Command(name = "long-range", mixinStandardHelpOptions = true,
            description = "Long-range Ising sweep time vs L (cluster rule ~N, Metropolis ~N^2) at Tc(sigma=1.5).")
    static final class LongRange implements Runnable {
        @Option(names = "--sizes", split = ",", defaultValue = "32,64,128", description = "Lattice sizes L (default: ${DEFAULT-VALUE}).")
        int[] sizes;
        @Option(names = "--repeats", defaultValue = "3")
        int repeats;

        @Override
        public void run() {
            LongRangeBenchmark.run(new PrintStream(System.out, true), sizes, repeats);
        }
    }

    @Command(name = "dataset", mixinStandardHelpOptions = true,
            description = "Dataset write and read throughput (configurations/s) through the DataVec reader and DL4J iterator.")
    static final class Dataset implements Runnable {
        @Option(names = "--configs", defaultValue = "100000")
        int configs;
        @Option(names = "--sites", defaultValue = "1024")
        int sites;

        @Override
        public void run() {
            DatasetBenchmark.run(new PrintStream(System.out, true), configs, sites);
        }
    }

    @Command(name = "rbm", mixinStandardHelpOptions = true,
            description = "CD-1 training throughput (samples x epochs / s) of rgflow's RBM for the PERFORMANCE.md shapes "
                    + "next to the Python peers in ../shared/peers (scikit-learn, torch, numpy).")
    static final class Rbm implements Runnable {
        @Option(names = "--repeats", defaultValue = "3", description = "Repeats per measurement (median reported).")
        int repeats;
        @Option(names = "--no-peers", description = "Do not run the Python peers.")
        boolean noPeers;

        @Override
        public void run() {
            RbmBenchmark.run(new PrintStream(System.out, true), repeats, !noPeers);
        }
    }
}
