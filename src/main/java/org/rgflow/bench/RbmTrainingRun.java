package org.rgflow.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.rbm.TrainingThreads;
import org.rgflow.train.ArrayIterator;
import org.rgflow.train.EpochMetrics;
import org.rgflow.train.RbmTrainer;
import org.rgflow.train.TrainingOptions;

/**
 * rgflow's side of {@code rgflow bench rbm}: {@link RbmTrainer} with CD-1, Sgd(lr), batch {@value RbmBenchmark#BATCH}
 * in stored row order, a fresh float32 RBM with both biases per run, timed by the sum of {@link EpochMetrics#seconds()}
 * (the training steps; the per-epoch metrics, here on 100 rows, are outside it).
 */
final class RbmTrainingRun {

    private RbmTrainingRun() {
    }

    /** One untimed epoch per shape before anything is measured, so the first column does not pay for the JIT. */
    static void warmUpJit(INDArray data, int hidden) {
        train(data, hidden, 1, -2);
    }

    /** rgflow's trainer on {@code data} at the current {@link TrainingThreads} setting, labelled {@code threads}. */
    static RbmFigure measure(INDArray data, int hidden, String threads, int epochs, int repeats) {
        int v = data.columns();
        List<Double> seconds = new ArrayList<>();
        double cpu = 0;
        double wall = 0;
        for (int r = -1; r < repeats; r++) {
            long c0 = cpuNanos();
            long w0 = System.nanoTime();
            List<EpochMetrics> history = train(data, hidden, epochs, r);
            if (r >= 0) {
                cpu += cpuNanos() - c0;
                wall += System.nanoTime() - w0;
                seconds.add(history.stream().mapToDouble(EpochMetrics::seconds).sum());
            }
        }
        return new RbmFigure(RbmTable.RGFLOW, v, hidden, threads, data.rows(), epochs, seconds, cpu / wall);
    }

    /** Process CPU time (all threads, native BLAS threads included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<EpochMetrics> train(INDArray data, int hidden, int epochs, int run) {
        TrainingOptions o = TrainingOptions.defaults().withUpdater(new Sgd(RbmBenchmark.LEARNING_RATE))
                .withEpochs(epochs).withMonitoring(100, 0);
        StackedRbm stack = StackedRbm.create(new int[] {data.columns(), hidden}, 1, true, true, DataType.FLOAT,
                RbmBenchData.SEED + run);
        return new RbmTrainer(o, List.of()).trainStack(stack.network(),
                new ArrayIterator(data, RbmBenchmark.BATCH, null), null, null).history();
    }
}
