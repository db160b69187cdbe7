package org.rgflow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rgflow.hamiltonian.LongRangeIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.mc.InitialState;
import org.rgflow.mc.LongRangeClusterRule;
import org.rgflow.mc.LongRangeMetropolisRule;
import org.rgflow.mc.MarkovChains;
import org.rgflow.mc.UpdateRule;

/**
 * Cost per sweep of the long-range samplers on the 2D model with &sigma; = 1.5, J = 1, image-summed
 * couplings, at T = {@value #TEMPERATURE} &asymp; T_c (M&uuml;ller &amp; Janke): {@code lr-cluster}
 * (Fukui&ndash;Todo, O(N) per sweep: time should grow &asymp; 4&times; per doubling of L) at the given sizes,
 * {@code lr-metropolis} (O(N&sup2;): 16&times; per doubling) at L = 16 and 32 for contrast, and one FFT
 * energy evaluation (the per-sample measurement cost). One chain on one thread.
 *
 * <p>Method: the chain is thermalised ({@value #WARMUP_SECONDS} s, also JIT warm-up), the block length
 * is chosen so one block takes about {@value #BLOCK_SECONDS} s, and {@code repeats} blocks are timed.
 * Reported: median wall time per operation with min&ndash;max, median thread CPU time, operations per
 * second (from the median wall time) and the ratios of the wall and CPU medians to the previous size of
 * the same workload. Wall and CPU differ when the box is shared; the CPU ratio is then the robust one.
 */
public final class LongRangeBenchmark {

    public static final double TEMPERATURE = 5.58;
    public static final double SIGMA = 1.5;
    public static final int[] DEFAULT_SIZES = {32, 64, 128};
    public static final int DEFAULT_REPEATS = 5;
    static final int[] METROPOLIS_SIZES = {16, 32};
    static final double WARMUP_SECONDS = 0.5;
    static final double BLOCK_SECONDS = 0.25;
    private static final long BENCH_SEED = 20240611L;

    private LongRangeBenchmark() {
    }

    /** Runs with {@link #DEFAULT_SIZES} and {@link #DEFAULT_REPEATS} and prints to stdout. */
    public static void main(String[] args) {
        run(System.out, DEFAULT_SIZES, DEFAULT_REPEATS);
    }

    /**
     * Prints one table.
     *
     * @param sizes linear sizes L for {@code lr-cluster} and the FFT energy (each &ge; 2)
     * @param repeats timed blocks per row (&ge; 1; use &ge; 3 for a meaningful median)
     */
    public static void run(PrintStream out, int[] sizes, int repeats) {
        out.println(BenchMachine.machineLine());
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        List<Row> rows = new ArrayList<>();
        Row previous = null;
        for (int length : sizes) {
            Row row = timeSweeps(new LongRangeClusterRule(), length, repeats, previous);
            rows.add(row);
            previous = row;
        }
        previous = null;
        for (int length : METROPOLIS_SIZES) {
            Row row = timeSweeps(new LongRangeMetropolisRule(), length, repeats, previous);
            rows.add(row);
            previous = row;
        }
        previous = null;
        for (int length : sizes) {
            Row row = timeEnergy(length, repeats, previous);
            rows.add(row);
            previous = row;
        }
        out.printf("long-range Ising 2D, sigma = %.2f, J = 1, image sum, T = %.2f; one chain, one thread; %d repeats%n",
                SIGMA, TEMPERATURE, repeats);
        out.printf("%-20s %5s %7s %8s %28s %10s %10s %11s %10s%n", "workload", "L", "N", "ops/blk",
                "wall ms/op med (min-max)", "cpu ms/op", "ops/s", "ratio(wall)", "ratio(cpu)");
        for (Row r : rows) {
            out.printf("%-20s %5d %7d %8d %10.4f (%7.4f-%7.4f) %10.4f %10.1f %11s %10s%n", r.workload, r.length,
                    r.length * r.length, r.opsPerBlock, r.median * 1e3, r.min * 1e3, r.max * 1e3, r.cpu * 1e3,
                    1 / r.median, ratio(r.ratio), ratio(r.cpuRatio));
        }
    }

    private record Row(String workload, int length, int opsPerBlock, double median, double min, double max, double cpu,
            double ratio, double cpuRatio) {
    }

    private static String ratio(double value) {
        return value > 0 ? String.format("%.2f", value) : "-";
    }

    private interface Op {
        void run(int times);
    }

    private static Row timeSweeps(UpdateRule rule, int length, int repeats, Row previous) {
        LongRangeIsing h = LongRangeIsing.of(HypercubicLattice.of(2, length), 1.0, SIGMA, 0.0);
        MarkovChains chains = rule.start(h, 1, BENCH_SEED, InitialState.RANDOM);
        return time(rule.name() + " sweep", length, repeats, previous, times -> {
            for (int i = 0; i < times; i++) {
                chains.sweep(TEMPERATURE);
            }
        });
    }

    private static Row timeEnergy(int length, int repeats, Row previous) {
        LongRangeIsing h = LongRangeIsing.of(HypercubicLattice.of(2, length), 1.0, SIGMA, 0.0);
        MarkovChains chains = new LongRangeClusterRule().start(h, 1, BENCH_SEED, InitialState.RANDOM);
        chains.sweep(TEMPERATURE);
        byte[] spins = new byte[h.lattice().numSites()];
        chains.copySpins(0, spins);
        double[] sink = new double[1];
        return time("energy (FFT)", length, repeats, previous, times -> {
            for (int i = 0; i < times; i++) {
                sink[0] += h.energyFourier(spins);
            }
        });
    }

    private static Row time(String workload, int length, int repeats, Row previous, Op op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        int warm = 0;
        while (System.nanoTime() - start < WARMUP_SECONDS * 1e9 || warm < 3) {
            op.run(1);
            warm++;
        }
        double perOp = (System.nanoTime() - start) * 1e-9 / warm;
        int block = (int) Math.max(1, Math.ceil(BLOCK_SECONDS / perOp));
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            op.run(block);
            wall[r] = (System.nanoTime() - t0) * 1e-9 / block;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) * 1e-9 / block;
        }
        double median = median(wall);
        double cpuMedian = median(cpu);
        double ratio = previous == null ? 0 : median / previous.median;
        double cpuRatio = previous == null ? 0 : cpuMedian / previous.cpu;
        return new Row(workload, length, block, median, Arrays.stream(wall).min().orElse(0),
                Arrays.stream(wall).max().orElse(0), cpuMedian, ratio, cpuRatio);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
