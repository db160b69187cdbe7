package org.rgflow.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.mc.InitialState;
import org.rgflow.mc.MarkovChains;
import org.rgflow.mc.MetropolisChains;
import org.rgflow.mc.MetropolisRule;
import org.rgflow.mc.TensorMetropolisChains;
import org.rgflow.mc.TensorMetropolisRule;
import org.rgflow.mc.UpdateRule;

/**
 * Attempted spin flips per ns of the Metropolis samplers on the 2D NN Ising model (J = 1, h = 0,
 * periodic L &times; L) at T = {@value #TEMPERATURE}, next to the C references of
 * {@code ../shared/peers/ising_c.sh} run back to back in the same invocation.
 *
 * <p>Rows per L: {@code metropolis} on 1 thread (1 chain) and 2 threads (2 chains, one per thread);
 * {@code metropolis-nd4j} with {@value #TENSOR_SITES} sites batched per tensor (64 chains at L = 256,
 * 4 at L = 1024), as one tensor on the calling thread and as two tensors on two threads. Each row:
 * warm-up/thermalisation for {@value #WARMUP_SECONDS} s (also JIT warm-up), then {@code repeats} blocks
 * of about {@value #BLOCK_SECONDS} s; reported are the median flips/ns with min&ndash;max (wall), the
 * median flips per process-CPU-ns, CPU seconds per block, and e/spin of chain 0 as a sanity check.
 * Ratio columns divide rgflow's median by the peer's median at the same parallelism (1 thread vs
 * 1 thread; 2 threads vs 2 independent processes). On a shared machine the CPU columns are the robust
 * per-core figures. ND4J's OpenMP thread count is printed; run with {@code OMP_NUM_THREADS=1}.
 */
public final class SamplerBenchmark {

    public static final double TEMPERATURE = 2.269;
    public static final int[] DEFAULT_SIZES = {256, 1024};
    public static final int DEFAULT_REPEATS = 3;
    static final long TENSOR_SITES = 1L << 22;
    static final double WARMUP_SECONDS = 0.5;
    static final double BLOCK_SECONDS = 0.5;
    private static final long BENCH_SEED = 20240611L;

    private SamplerBenchmark() {
    }

    /** Runs with {@link #DEFAULT_SIZES}, {@link #DEFAULT_REPEATS} and peers, printing to stdout. */
    public static void main(String[] args) {
        run(System.out, DEFAULT_SIZES, DEFAULT_REPEATS, true);
    }

    /**
     * Prints one table.
     *
     * @param sizes linear sizes L (even, &ge; 4); the peers measure L = 256 and 1024 only
     * @param repeats timed blocks per row (&ge; 1; use &ge; 3 for a meaningful median)
     * @param includePeers also run {@code ising_c.sh} (needs bash and gcc; skipped with a message if absent)
     */
    public static void run(PrintStream out, int[] sizes, int repeats, boolean includePeers) {
        out.println(BenchMachine.machineLine());
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        for (int length : sizes) {
            if (length < 4 || length % 2 != 0) {
                throw new IllegalArgumentException("sizes must be even and >= 4, got " + Arrays.toString(sizes));
            }
        }
        List<SamplerRow> rows = new ArrayList<>();
        for (int length : sizes) {
            int tensorChains = (int) Math.max(1, TENSOR_SITES / ((long) length * length));
            rows.add(measure(MetropolisRule.of(1), length, 1, 1, repeats));
            rows.add(measure(MetropolisRule.of(2), length, 2, 2, repeats));
            rows.add(measure(TensorMetropolisRule.of(1), length, tensorChains, 1, repeats));
            rows.add(measure(TensorMetropolisRule.of(2), length, tensorChains, 2, repeats));
        }
        SamplerPeer.Result peers = includePeers ? SamplerPeer.run(repeats)
                : new SamplerPeer.Result(java.util.Map.of(), List.of(), "peers not requested");
        SamplerTable.print(out, rows, peers, sizes, repeats, Nd4j.getEnvironment().maxThreads());
    }

    /** Times {@code repeats} blocks of sweeps of a fresh set of chains. */
    static SamplerRow measure(UpdateRule rule, int length, int chains, int threads, int repeats) {
        NearestNeighbourIsing h = NearestNeighbourIsing.of(HypercubicLattice.of(2, length), 1.0, 0.0);
        MarkovChains mc = rule.start(h, chains, BENCH_SEED, InitialState.RANDOM);
        long start = System.nanoTime();
        long done = 0;
        int block = 1;
        while (System.nanoTime() - start < WARMUP_SECONDS * 1e9) {
            sweeps(mc, block);
            done += block;
            block = Math.min(2 * block, 1 << 16);
        }
        double secondsPerSweep = (System.nanoTime() - start) / 1e9 / done;
        int sweeps = (int) Math.max(1, Math.round(BLOCK_SECONDS / secondsPerSweep));
        double flips = (double) length * length * chains * sweeps;
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            sweeps(mc, sweeps);
            wall[r] = System.nanoTime() - t0;
            cpu[r] = processCpuNanos() - cpu0;
        }
        byte[] spins = new byte[length * length];
        mc.copySpins(0, spins);
        double energy = h.energy(spins) / spins.length;
        return new SamplerRow(rule.name(), length, threads, chains, flips, wall, cpu, energy);
    }

    private static void sweeps(MarkovChains mc, int count) {
        if (mc instanceof MetropolisChains m) {
            m.sweeps(TEMPERATURE, count);
        } else if (mc instanceof TensorMetropolisChains t) {
            t.sweeps(TEMPERATURE, count);
        } else {
            for (int s = 0; s < count; s++) {
                mc.sweep(TEMPERATURE);
            }
        }
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** One measured configuration: per-block wall and CPU nanoseconds for {@code flipsPerBlock} flips. */
    record SamplerRow(String sampler, int length, int threads, int chains, double flipsPerBlock, double[] wallNanos,
            double[] cpuNanos, double energyPerSite) {

        double[] flipsPerNs() {
            return Arrays.stream(wallNanos).map(w -> flipsPerBlock / w).toArray();
        }

        Optional<double[]> flipsPerCpuNs() {
            if (Arrays.stream(cpuNanos).anyMatch(c -> c <= 0)) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(cpuNanos).map(c -> flipsPerBlock / c).toArray());
        }
    }
}
