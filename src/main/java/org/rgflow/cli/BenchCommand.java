package org.rgflow.cli;

import java.io.PrintStream;
import java.util.List;
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
            description = {"RBM training throughput (samples x epochs / s and effective GFLOP/s) of rgflow's CD-1 "
                    + "next to scikit-learn BernoulliRBM (float64, PCD-1), a torch CD-1 loop and a numpy CD-1 loop "
                    + "(float32; peers shipped in the jar), on the same 2D Ising rows sampled by rgflow at T_c "
                    + "(cached in the system temp dir), at each thread count and at rgflow's default; the SGEMM "
                    + "ceiling of this machine above the table.",
                "sklearn and torch run on --debian-python (apt-get install -y python3-sklearn python3-torch), "
                    + "numpy on --numpy-python."})
    static final class Rbm implements Runnable {
        @Option(names = "--shapes", split = ",", defaultValue = "256x64,256x256,1024x64,1024x256",
                description = "V x H shapes, V = L*L (default: ${DEFAULT-VALUE}).")
        String[] shapes;
        @Option(names = "--threads", split = ",", defaultValue = "1,2",
                description = "Thread counts for rgflow and the peers (default: ${DEFAULT-VALUE}); rgflow's default "
                        + "(auto) is measured too.")
        List<Integer> threads;
        @Option(names = "--repeats", defaultValue = "3", description = "Timed runs after one warm-up (median reported; "
                + "default: ${DEFAULT-VALUE}).")
        int repeats;
        @Option(names = "--epochs", defaultValue = "3", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
        int epochs;
        @Option(names = "--configurations", defaultValue = "10000",
                description = "Training rows per lattice size (default: ${DEFAULT-VALUE}).")
        int rows;
        @Option(names = "--peers", split = ",", defaultValue = "sklearn,torch,numpy",
                description = "Peers to run (default: ${DEFAULT-VALUE}).")
        List<String> peers;
        @Option(names = "--no-peers", description = "Do not run the Python peers.")
        boolean noPeers;
        @Option(names = "--debian-python", defaultValue = "/usr/bin/python3",
                description = "Interpreter of the sklearn and torch peers (default: ${DEFAULT-VALUE}).")
        String debianPython;
        @Option(names = "--numpy-python", defaultValue = "python3",
                description = "Interpreter of the numpy peer (default: ${DEFAULT-VALUE}, from PATH).")
        String numpyPython;

        @Override
        public void run() {
            int[][] parsed = java.util.Arrays.stream(shapes).map(RbmBenchmark::parseShape).toArray(int[][]::new);
            RbmBenchmark.run(new PrintStream(System.out, true), new RbmBenchmark.Options(parsed, threads, repeats,
                    epochs, rows, noPeers ? List.of() : peers, debianPython, numpyPython));
        }
    }
}
