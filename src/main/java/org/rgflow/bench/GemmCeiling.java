package org.rgflow.bench;

import java.util.Arrays;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * This machine's SGEMM ceiling as ND4J sees it: C = A B with 2048&times;2048 float32 'c' matrices through
 * {@code Nd4j.gemm} (libnd4j's mmul on ND4J's OpenBLAS), 2&middot;2048&sup3; FLOPs per product. The thread count is
 * OpenBLAS's, set with {@code Nd4j.factory().blas().setMaxThreads(t)} (JavaCPP's {@code blas_set_num_threads});
 * {@code Nd4j.getEnvironment().setMaxThreads} does not change it (it stays at the launcher's OMP_NUM_THREADS).
 * The previous count is restored afterwards.
 */
final class GemmCeiling {

    static final int SIZE = 2048;

    /** GFLOP/s of the timed products, sorted ascending. */
    record Result(int threads, double[] gflops) {

        double median() {
            int n = gflops.length;
            return n % 2 == 1 ? gflops[n / 2] : (gflops[n / 2 - 1] + gflops[n / 2]) / 2;
        }
    }

    private GemmCeiling() {
    }

    /** One warm-up product, then {@code repeats} timed ones at {@code threads} OpenBLAS threads. */
    static Result measure(int threads, int repeats) {
        Blas blas = Nd4j.factory().blas();
        int previous = blas.getMaxThreads();
        INDArray a = Nd4j.valueArrayOf(new long[] {SIZE, SIZE}, 0.5, DataType.FLOAT); // values do not matter
        INDArray b = Nd4j.valueArrayOf(new long[] {SIZE, SIZE}, 0.25, DataType.FLOAT);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[] {SIZE, SIZE}, 'c');
        double[] gflops = new double[repeats];
        try {
            blas.setMaxThreads(threads);
            for (int r = -1; r < repeats; r++) {
                long t0 = System.nanoTime();
                Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    gflops[r] = 2.0 * SIZE * SIZE * (double) SIZE / s / 1e9;
                }
            }
        } finally {
            blas.setMaxThreads(previous);
        }
        Arrays.sort(gflops);
        return new Result(threads, gflops);
    }
}
