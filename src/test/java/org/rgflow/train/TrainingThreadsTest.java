package org.rgflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.rbm.TrainingThreads;
import org.rgflow.testing.Nd4jTestBase;

/**
 * The training thread count changes speed, not results: a float32 model large enough for two BLAS threads ends
 * with bit-identical parameters at 1, 2 and AUTO threads (OpenBLAS splits GEMMs by rows and columns only), so the
 * tuner's choice never changes what is learned.
 */
class TrainingThreadsTest extends Nd4jTestBase {

    private static INDArray train(int threads, INDArray data) {
        int saved = TrainingThreads.get();
        TrainingThreads.set(threads);
        try {
            StackedRbm stack = StackedRbm.create(new int[] {512, 256}, 1, true, true, DataType.FLOAT, 3L);
            TrainingOptions o = TrainingOptions.defaults().withUpdater(new Sgd(0.05)).withEpochs(2).withSeed(9)
                    .withMonitoring(50, 0);
            new RbmTrainer(o, List.of()).trainStack(stack.network(), new ArrayIterator(data, 50, 4L), null, null);
            return stack.network().params().dup();
        } finally {
            TrainingThreads.set(saved);
        }
    }

    @Test
    void parametersDoNotDependOnTheThreadCount() throws Exception {
        INDArray data;
        try (Random rng = Bernoulli.newRandom(21L)) {
            data = Bernoulli.sample(Nd4j.valueArrayOf(new long[] {400, 512}, 0.4, DataType.FLOAT), rng);
        }
        INDArray one = train(1, data);
        assertEquals(one, train(2, data));
        assertEquals(one, train(TrainingThreads.AUTO, data));
    }
}
