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

/**
 * The lines around a benchmark table that say where it was measured: date, CPU, cores, load, JVM, ND4J and its
 * BLAS (with the OpenBLAS core, read through the peer script's ctypes probe), thread environment.
 */
final class BenchMachine {

    private BenchMachine() {
    }

    static void header(PrintStream out) {
        BackendInfo b = BackendInfo.current();
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

    /**
     * rgflow's BLAS: the libopenblas this JVM mapped and its core (probed by the first interpreter in
     * {@code pythons} that can), and how its thread counts were set.
     */
    static void rgflowLine(PrintStream out, List<String> pythons, Path script) {
        Path lib = RbmPeers.loadedOpenBlas();
        String core = null;
        for (String python : pythons) {
            if (core == null && lib != null) {
                core = RbmPeers.probeOpenBlas(python, script, lib);
            }
        }
        out.println("rgflow: " + (lib == null ? "OpenBLAS library not found in /proc/self/maps"
                : core != null ? core : lib.getFileName() + ", core not probed (needs the peers' python)")
                + "; training threads set with TrainingThreads.set(t), 'auto' = TrainingThreads.AUTO (the default "
                + "unless RGFLOW_TRAIN_THREADS is set; it is " + java.util.Objects.requireNonNullElse(
                        System.getenv("RGFLOW_TRAIN_THREADS"), "unset") + "); ND4J BLAS "
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
