package org.rgflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.backend.BackendInfo;
import org.rgflow.backend.BlasKernel;

/**
 * The lines around a benchmark table that say where it was measured: date, CPU, cores, load, JVM, ND4J and its
 * BLAS and the OpenBLAS kernel in use ({@link BlasKernel}), thread environment.
 */
final class BenchMachine {

    private BenchMachine() {
    }

    /** Vector extensions that decide BLAS kernels and the JIT's vector width. */
    private static final List<String> VECTOR_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512vl", "avx512dq", "avx512_bf16", "avx512_fp16");

    /**
     * One line for the top of every benchmark table: CPU model, cores, vector flags, and the OpenBLAS build and
     * kernel in use with where the choice came from, so tables from two machines can be told apart.
     */
    static String machineLine() {
        BlasKernel k = BlasKernel.current();
        return "machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, flags "
                + String.join(" ", vectorFlags()) + "; BLAS " + (k.config() == null ? k.library() : k.config())
                + ", kernel " + k.summary();
    }

    static List<String> vectorFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    List<String> have = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    return VECTOR_FLAGS.stream().filter(have::contains).toList();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return List.of("unknown");
    }

    static void header(PrintStream out) {
        BackendInfo b = BackendInfo.current();
        out.println(machineLine());
        out.println("RBM training throughput, " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + cpuModel()
                + ", " + Runtime.getRuntime().availableProcessors() + " cores; Java " + System.getProperty("java.version")
                + ", ND4J " + b.nd4jVersion() + " " + b.backend() + " (" + b.blasVendor() + "); OMP_NUM_THREADS="
                + System.getenv("OMP_NUM_THREADS") + ", OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY")
                + " (the peers inherit OMP_WAIT_POLICY)");
        loadLine(out, "before");
    }

    static void loadLine(PrintStream out, String when) {
        out.println("load average " + when + ": " + loadAverage());
    }

    /** rgflow's BLAS kernel and how its thread counts were set. */
    static void rgflowLine(PrintStream out) {
        out.println("rgflow: " + BlasKernel.current().summary() + "; training threads set with TrainingThreads.set(t), "
                + "'auto' = TrainingThreads.AUTO (the default unless RGFLOW_TRAIN_THREADS is set; it is "
                + java.util.Objects.requireNonNullElse(System.getenv("RGFLOW_TRAIN_THREADS"), "unset") + "); ND4J BLAS "
                + "threads outside the kernel: " + Nd4j.factory().blas().getMaxThreads() + "; busy cores = process CPU / "
                + "wall time of the timed runs (rgflow: whole training call, per-epoch metrics on 100 rows included)");
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
