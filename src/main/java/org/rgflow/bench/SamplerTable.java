package org.rgflow.bench;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Formats the {@link SamplerBenchmark} table: rgflow rows, peer rows and ratio columns. */
final class SamplerTable {

    private static final String FORMAT = "%5s  %-16s %-17s %7s  %-26s %12s %9s %8s %8s %8s%n";
    private static final String[] PEERS = {"ising_ref", "ising_simd"};

    private SamplerTable() {
    }

    static void print(PrintStream out, List<SamplerBenchmark.SamplerRow> rows, SamplerPeer.Result peers, int[] sizes,
            int repeats, int nd4jThreads) {
        out.printf("2D NN Ising Metropolis, J = 1, h = 0, T = %.3f, attempted flips per ns; %s; %d cpus;"
                + " load %s; java %s; ND4J OpenMP threads %d; median of %d blocks [min-max]%n",
                SamplerBenchmark.TEMPERATURE, ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                nd4jThreads, repeats);
        out.printf(FORMAT, "L", "sampler", "threads", "chains", "flips/ns", "flips/cpu-ns", "cpu s/blk", "e/spin",
                "vs ref", "vs simd");
        for (int length : sizes) {
            for (SamplerBenchmark.SamplerRow row : rows) {
                if (row.length() != length) {
                    continue;
                }
                double median = median(row.flipsPerNs());
                String mode = row.threads() == 1 ? SamplerPeer.ONE_THREAD : SamplerPeer.TWO_PROCESSES;
                out.printf(FORMAT, length, row.sampler(), row.threads() + (row.threads() == 1 ? " thread" : " threads"),
                        row.chains(), range(row.flipsPerNs()),
                        row.flipsPerCpuNs().map(c -> String.format("%.3f", median(c))).orElse("n/a"),
                        String.format("%.2f", median(row.cpuNanos()) / 1e9), String.format("%.4f", row.energyPerSite()),
                        ratio(median, peers.find(PEERS[0], length, mode)), ratio(median, peers.find(PEERS[1], length, mode)));
            }
            for (String program : PEERS) {
                for (String mode : new String[] {SamplerPeer.ONE_THREAD, SamplerPeer.OPENMP, SamplerPeer.TWO_PROCESSES}) {
                    peers.find(program, length, mode).ifPresent(f -> {
                        double[] rate = f.flipsPerNs().stream().mapToDouble(Double::doubleValue).toArray();
                        double[] cpu = f.flipsPerCpuNs().stream().mapToDouble(Double::doubleValue).toArray();
                        out.printf(FORMAT, length, "peer " + program, mode, mode.equals(SamplerPeer.ONE_THREAD) ? 1
                                : mode.equals(SamplerPeer.OPENMP) ? 1 : 2, range(rate), String.format("%.3f", median(cpu)),
                                "-", "-", "-", "-");
                    });
                }
            }
        }
        if (peers.failure() != null) {
            out.println("peers: " + peers.failure());
        }
        for (String note : peers.notes()) {
            out.println("peer note: " + note);
        }
        out.println("ratios: rgflow median / peer median at equal parallelism (1 thread vs 1 thread, 2 threads vs"
                + " 2 independent processes); peers: ising_ref = scalar C, ising_simd = AVX2 C (../shared/peers)");
    }

    private static String ratio(double value, Optional<SamplerPeer.Figures> peer) {
        return peer.map(f -> String.format("%.2f", value
                / median(f.flipsPerNs().stream().mapToDouble(Double::doubleValue).toArray()))).orElse("-");
    }

    private static String range(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format("%.3f [%.3f-%.3f]", median(v), v[0], v[v.length - 1]);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format("%.2f", load);
    }
}
