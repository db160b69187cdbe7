package org.rgflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rgflow.rbm.TrainingThreads;
import org.rgflow.train.EpochMetrics;

/**
 * {@code rgflow bench rbm}: RBM training throughput (samples&middot;epochs/s and effective GFLOP/s) of rgflow's
 * CD-1 ({@link RbmTrainingRun}) next to scikit-learn, torch and numpy ({@link RbmPeers}) on the same Ising rows ({@link RbmBenchData}),
 * same epochs, batch 100, lr 0.01, at each thread count and, for rgflow, at its default ({@link TrainingThreads#AUTO}).
 * Everyone times the training loop only (rgflow: {@link EpochMetrics#seconds()}, so the per-epoch metrics are
 * excluded), one warm-up run is excluded, the median [min, max] of the timed runs is reported. Above the table, the
 * SGEMM ceiling of this machine measured in the same run ({@link GemmCeiling}); the table is {@link RbmTable}.
 */
public final class RbmBenchmark {

    static final int BATCH = 100;
    static final double LEARNING_RATE = 0.01;
    static final int CEILING_REPEATS = 3;

    /** What to run; {@code peers} empty for none. */
    public record Options(int[][] shapes, List<Integer> threads, int repeats, int epochs, int rows, List<String> peers,
            String debianPython, String numpyPython) {

        public Options {
            if (repeats < 1 || epochs < 1 || rows < BATCH || threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
                throw new IllegalArgumentException("--repeats and --epochs must be >= 1, --configurations >= " + BATCH
                        + ", --threads a list of counts >= 1");
            }
            for (String p : peers) {
                if (!RbmTable.PEERS.contains(p)) {
                    throw new IllegalArgumentException("--peers: unknown peer '" + p + "'; known: " + RbmTable.PEERS);
                }
            }
            for (int[] s : shapes) {
                lattice(s[0]);
            }
        }
    }

    private final PrintStream out;
    private final Options o;
    private final Map<Integer, RbmBenchData.Prepared> files = new LinkedHashMap<>();
    private final Map<Integer, INDArray> features = new LinkedHashMap<>();
    private final Map<Path, Long> ones = new LinkedHashMap<>();
    private final List<RbmFigure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private Path script;

    private RbmBenchmark(PrintStream out, Options o) {
        this.out = out;
        this.o = o;
    }

    /** "256x64" as {256, 64}; V must be a square L&middot;L (the data are L&times;L lattices). */
    public static int[] parseShape(String text) {
        String[] p = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            int[] s = {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
            if (p.length == 2 && s[1] >= 1) {
                lattice(s[0]);
                return s;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("--shapes: '" + text + "' is not VxH with V = L*L (e.g. 256x64)");
    }

    /** L with L&middot;L = v, L &ge; 2. */
    static int lattice(int v) {
        int l = (int) Math.round(Math.sqrt(v));
        if (l < 2 || l * l != v) {
            throw new IllegalArgumentException("visible units " + v + " are not L*L for a lattice size L >= 2");
        }
        return l;
    }

    /** Runs everything and prints the header, progress lines, the table and the footer. */
    public static void run(PrintStream out, Options o) {
        new RbmBenchmark(out, o).run();
    }

    private void run() {
        BenchMachine.header(out);
        out.printf(Locale.ROOT, "workload: %d rows, batch %d, %d epochs per run, lr %s plain SGD, rows in stored order; "
                + "CD-1 (sklearn: PCD-1); %d timed runs after 1 warm-up; effective GFLOP/s = 10*V*H*samples*epochs/s%n",
                o.rows(), BATCH, o.epochs(), LEARNING_RATE, o.repeats());
        for (int[] s : o.shapes()) {
            prepareData(lattice(s[0]));
        }
        for (int t : o.threads()) {
            GemmCeiling.Result c = GemmCeiling.measure(t, CEILING_REPEATS);
            out.printf(Locale.ROOT, "SGEMM ceiling, %d thread(s): %.1f GFLOP/s [%.1f, %.1f] (Nd4j.gemm 2048^3 float32, "
                    + "OpenBLAS threads set by Nd4j.factory().blas().setMaxThreads, median of %d after a warm-up)%n", t,
                    c.median(), c.gflops()[0], c.gflops()[CEILING_REPEATS - 1], CEILING_REPEATS);
        }
        script = o.peers().isEmpty() ? null : RbmPeers.extractScript();
        List<RbmPeers.Peer> peers = RbmPeers.peers(o.debianPython(), o.numpyPython()).stream()
                .filter(p -> o.peers().contains(p.impl())).toList();
        int previous = TrainingThreads.get();
        try {
            for (int[] s : o.shapes()) {
                RbmTrainingRun.warmUpJit(features.get(lattice(s[0])), s[1]);
            }
            for (int t : o.threads()) {
                measureRgflow(String.valueOf(t), t);
                for (RbmPeers.Peer peer : peers) {
                    runPeer(peer, t);
                }
            }
            measureRgflow(RbmTable.AUTO, TrainingThreads.AUTO);
        } finally {
            TrainingThreads.set(previous);
        }
        printResults();
    }

    private void prepareData(int l) {
        if (files.containsKey(l)) {
            return;
        }
        RbmBenchData.Prepared p = RbmBenchData.prepare(RbmBenchData.cacheDirectory(), l, o.rows(), RbmBenchData.SEED);
        out.printf(Locale.ROOT, "data L=%d: 2D Ising at T_c = %.6f by rgflow's Wolff sampler (seed %d), %d rows uint8 "
                + "{0,1}: %s%n", l, RbmBenchData.CRITICAL_TEMPERATURE, RbmBenchData.SEED, o.rows(), p.note());
        byte[] bytes;
        try {
            bytes = RbmBenchData.read(p.file(), p.rows(), p.columns());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(l, p);
        features.put(l, RbmBenchData.features(bytes, p.rows(), p.columns()));
        ones.put(p.file(), RbmBenchData.ones(bytes));
    }

    private void measureRgflow(String label, int trainingThreads) {
        TrainingThreads.set(trainingThreads);
        out.println("threads " + label + ", load average " + BenchMachine.loadAverage());
        for (int[] s : o.shapes()) {
            progress(RbmTrainingRun.measure(features.get(lattice(s[0])), s[1], label, o.epochs(), o.repeats()));
        }
    }

    private void runPeer(RbmPeers.Peer peer, int t) {
        if (missing.contains(peer.impl())) {
            return; // said once; the other thread counts would fail the same way
        }
        List<RbmPeers.Job> jobs = new ArrayList<>();
        for (int[] s : o.shapes()) {
            jobs.add(new RbmPeers.Job(files.get(lattice(s[0])).file(), s[1]));
        }
        RbmPeers.Outcome r = RbmPeers.run(peer, script, t, jobs, o.epochs(), BATCH, LEARNING_RATE, o.repeats());
        r.figures().forEach(this::progress);
        if (r.failure() != null) {
            out.println(r.failure());
        }
        if (r.missing()) {
            missing.add(peer.impl());
        }
        if (r.description() != null) {
            notes.add(peer.impl() + " t=" + t + ": " + r.description());
        }
        r.ones().forEach((path, n) -> {
            Long ours = ones.get(Path.of(path));
            if (!n.equals(ours)) {
                out.println("WARNING: " + peer.impl() + " counted " + n + " ones in " + path + ", rgflow " + ours
                        + ": not the same rows");
            }
        });
    }

    private void progress(RbmFigure f) {
        figures.add(f);
        out.printf(Locale.ROOT, "%-7s t=%-4s %5d x %-4d %s samples*epochs/s, %.1f GFLOP/s, %.2f busy cores%n", f.impl(),
                f.threads(), f.visible(), f.hidden(), RbmTable.spread(f), f.gflops(f.median()), f.busyCores());
    }

    private void printResults() {
        out.println();
        RbmTable.lines(o.shapes(), o.threads(), figures).forEach(out::println);
        out.println();
        out.println(RbmTable.keyRatioSummary(o.shapes(), o.threads(), figures));
        out.println("Ratios are rgflow / peer of the medians; in the 'auto' rows each peer is at its faster thread count.");
        if (!notes.isEmpty()) {
            out.println("Peers: each at OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = MKL_NUM_THREADS = t (torch also "
                    + "torch.set_num_threads(t)):");
            notes.forEach(n -> out.println("- " + n));
        }
        BenchMachine.rgflowLine(out);
        BenchMachine.loadLine(out, "after");
    }
}
