package org.rgflow.backend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGEMM throughput of the OpenBLAS kernel in use (docs/benchmarks.md): n x n x n, n = 2048 by default,
 * through cblas_sgemm and through ND4J's mmul, best of 5, wall and calling-thread CPU time. Not a
 * test: run as {@code java -cp target/classes:target/test-classes:target/lib/* org.rgflow.backend.GemmThroughput [n]},
 * with OPENBLAS_CORETYPE set to compare kernels.
 */
public final class GemmThroughput {

    private static final int REPEATS = 5;

    private GemmThroughput() {
    }

    public static void main(String[] args) {
        BlasKernel.select();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        SplittableRandom random = new SplittableRandom(20261208L);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble();
            b[i] = (float) random.nextDouble();
        }
        OpenBlasGemm.load();
        report("cblas_sgemm", n, () -> OpenBlasGemm.SGEMM.sgemm(true, false, false, n, n, n, 1f, a, n, b, n, 0f, c, n));
        INDArray x = Nd4j.create(a, new long[] {n, n}, 'c');
        INDArray y = Nd4j.create(b, new long[] {n, n}, 'c');
        report("Nd4j mmul", n, () -> x.mmul(y).getFloat(0));
        System.out.println("kernel: " + BlasKernel.current().summary());
    }

    private static void report(String what, int n, Runnable gemm) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double wall = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            gemm.run();
            wall = Math.min(wall, (System.nanoTime() - w0) * 1e-9);
            cpu = Math.min(cpu, (threads.getCurrentThreadCpuTime() - c0) * 1e-9);
        }
        double gflop = 2.0 * n * n * n * 1e-9;
        System.out.printf(Locale.ROOT, "%-12s %d^3: %.1f GFLOP/s wall (%.3f s), %.1f GFLOP/s thread CPU (%.3f s)%n",
                what, n, gflop / wall, wall, gflop / cpu, cpu);
    }
}
