package org.rgflow.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.train.ArrayIterator;
import org.rgflow.train.EpochMetrics;
import org.rgflow.train.RbmTrainer;
import org.rgflow.train.TrainingOptions;

/**
 * {@code rgflow bench rbm}: CD-1 training throughput in samples&middot;epochs/s (10,000 configurations, batch 100,
 * float32, Sgd(0.01), shapes (V,H) = (256,64), (256,256), (1024,64), (1024,256)), the median of {@code repeats}
 * timed runs of {@value #EPOCHS} epochs after one warm-up. The data are uniformly random {0,1} configurations
 * (seeded): the cost of a CD step does not depend on the values, so Ising data are not needed for timing. Timed
 * is the training loop only ({@link EpochMetrics#seconds()}), not the per-epoch metrics. Peers
 * (../shared/peers/rbm_bench.py: scikit-learn f64, torch f32, numpy f32, 1 thread) run back to back when asked
 * and available. Run with {@code OMP_NUM_THREADS=1} for the 1-thread comparison.
 */
public final class RbmBenchmark {

    static final int EPOCHS = 3;
    static final int EXAMPLES = 10_000;
    static final int[][] SHAPES = {{256, 64}, {256, 256}, {1024, 64}, {1024, 256}};
    private static final long SEED = 20240611L;

    private RbmBenchmark() {
    }

    /** Prints one table; peers are included when {@code includePeers} and they are installed. */
    public static void run(PrintStream out, int repeats, boolean includePeers) {
        Map<String, double[]> rgflow = new HashMap<>();
        for (int[] s : SHAPES) {
            rgflow.put(key(s[0], s[1]), measure(s[0], s[1], repeats));
        }
        Map<String, Map<String, Double>> peers = includePeers ? peers(out, repeats) : Map.of();
        out.printf(Locale.ROOT, "RBM CD-1 training, %d configurations, batch 100, float32, %d epochs per run, "
                + "median of %d (OMP threads %d)%n", EXAMPLES, EPOCHS, repeats, Nd4j.getEnvironment().maxThreads());
        out.printf(Locale.ROOT, "%-11s %12s %17s %10s %10s %10s %9s %9s %9s%n", "V x H", "rgflow s*e/s", "[min,max]",
                "sklearn64", "torch32", "numpy32", "/sklearn", "/torch", "/numpy");
        for (int[] s : SHAPES) {
            String k = key(s[0], s[1]);
            double[] r = rgflow.get(k);
            double sk = peer(peers, "sklearn", k);
            double to = peer(peers, "torch", k);
            double np = peer(peers, "numpy", k);
            out.printf(Locale.ROOT, "%-11s %12.0f [%7.0f,%7.0f] %10.0f %10.0f %10.0f %9.2f %9.2f %9.2f%n", k, r[0], r[1],
                    r[2], sk, to, np, r[0] / sk, r[0] / to, r[0] / np);
        }
    }

    private static String key(int v, int h) {
        return v + "x" + h;
    }

    private static double peer(Map<String, Map<String, Double>> peers, String impl, String k) {
        return peers.getOrDefault(impl, Map.of()).getOrDefault(k, Double.NaN);
    }

    /** {median, min, max} samples·epochs/s of rgflow's trainer. */
    static double[] measure(int v, int h, int repeats) {
        INDArray data;
        try (Random rng = Bernoulli.newRandom(SEED)) {
            data = Bernoulli.sample(Nd4j.valueArrayOf(new long[] {EXAMPLES, v}, 0.5, DataType.FLOAT), rng);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        TrainingOptions o = TrainingOptions.defaults().withUpdater(new Sgd(0.01)).withEpochs(EPOCHS)
                .withMonitoring(100, 0);
        double[] rates = new double[repeats];
        for (int r = -1; r < repeats; r++) {
            StackedRbm stack = StackedRbm.create(new int[] {v, h}, 1, true, true, DataType.FLOAT, SEED + r);
            var result = new RbmTrainer(o, List.of()).trainStack(stack.network(), new ArrayIterator(data, 100, null),
                    null, null);
            double seconds = result.history().stream().mapToDouble(EpochMetrics::seconds).sum();
            if (r >= 0) {
                rates[r] = EXAMPLES * (double) EPOCHS / seconds;
            }
        }
        Arrays.sort(rates);
        return new double[] {rates[repeats / 2], rates[0], rates[repeats - 1]};
    }

    private static Map<String, Map<String, Double>> peers(PrintStream out, int repeats) {
        Path script = null;
        for (Path p : new Path[] {Path.of("../shared/peers/rbm_bench.py"), Path.of("/work/shared/peers/rbm_bench.py")}) {
            if (Files.exists(p)) {
                script = p;
                break;
            }
        }
        Map<String, Map<String, Double>> result = new HashMap<>();
        if (script == null) {
            out.println("peers: ../shared/peers/rbm_bench.py not found; peer columns are NaN");
            return result;
        }
        String[][] runs = {{"/usr/bin/python3", "sklearn", "float64"}, {"/usr/bin/python3", "torch", "float32"},
            {"python3", "numpy", "float32"}};
        for (String[] run : runs) {
            List<String> cmd = new ArrayList<>(List.of(run[0], script.toString(), "--impl", run[1], "--dtype", run[2],
                    "--reps", String.valueOf(repeats), "--threads", "1", "--epochs", "10"));
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
                pb.environment().put("OMP_NUM_THREADS", "1");
                pb.environment().put("OPENBLAS_NUM_THREADS", "1");
                Process proc = pb.start();
                Map<String, Double> rates = new HashMap<>();
                StringBuilder log = new StringBuilder();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        log.append(line).append('\n');
                        String[] f = line.trim().split("\\s+");
                        if (f.length >= 10 && f[0].matches("\\d+")) {
                            rates.put(key(Integer.parseInt(f[1]), Integer.parseInt(f[2])), Double.parseDouble(f[f.length - 3]));
                        }
                    }
                }
                if (proc.waitFor() != 0 || rates.isEmpty()) {
                    out.println("peer " + run[1] + " unavailable (install: apt-get install -y python3-sklearn "
                            + "python3-torch; peers data via ../shared/peers/gen_ising_data.py):\n" + log);
                }
                result.put(run[1], rates);
            } catch (Exception e) {
                out.println("peer " + run[1] + " could not run: " + e.getMessage());
            }
        }
        return result;
    }
}
