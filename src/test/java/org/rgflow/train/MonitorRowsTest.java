package org.rgflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.rgflow.rbm.ExactRbm;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.rbm.TwoPrototypes;
import org.rgflow.testing.Nd4jTestBase;

/**
 * The per-epoch metrics are measured on a uniformly random subset of all training rows (issue 13), not on the
 * first rows of a pass, which on a file-ordered or badly shuffled pass are rows of one temperature.
 */
class MonitorRowsTest extends Nd4jTestBase {

    private static final int ROWS_PER_CLASS = 1000;
    private static final int SUBSET = 500;
    private static final long SEED_BASE = 77L;

    /** 2 x 1000 rows in file order: the first half all zeros, the second all ones (a "temperature" each). */
    private static INDArray twoClasses() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 2 * ROWS_PER_CLASS, 4);
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(ROWS_PER_CLASS, 2 * ROWS_PER_CLASS),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(1);
        return x;
    }

    /**
     * The count of second-class rows in a subset of 500 of 2000 is Hypergeometric(2000, 1000, 500): mean 250, sd
     * sqrt(500 * 1/4 * 1500/1999) = 9.68. The first 500 rows of the pass would hold none. Each seed's count must
     * lie within 4.4 sd (two-sided alpha 1e-5 per seed, 1e-4 over the ten seeds).
     */
    @Test
    void subsetIsDrawnFromEveryPartOfAFileOrderedPass() {
        INDArray x = twoClasses();
        double sd = Math.sqrt(SUBSET * 0.25 * (2.0 * ROWS_PER_CLASS - SUBSET) / (2.0 * ROWS_PER_CLASS - 1));
        for (long seed = SEED_BASE; seed < SEED_BASE + 10; seed++) {
            INDArray rows = Monitor.randomRows(new ArrayIterator(x, 100, null), SUBSET, seed);
            assertEquals(SUBSET, rows.rows());
            assertEquals(DataType.FLOAT, rows.dataType());
            double ones = rows.getColumn(0).sumNumber().doubleValue();
            assertTrue(Math.abs(ones - SUBSET / 2.0) < 4.4 * sd, "seed " + seed + ": " + ones
                    + " second-class rows of " + SUBSET + ", expected 250 ± " + sd);
        }
        INDArray a = Monitor.randomRows(new ArrayIterator(x, 100, null), SUBSET, SEED_BASE);
        assertEquals(a, Monitor.randomRows(new ArrayIterator(x, 100, null), SUBSET, SEED_BASE), "seeded");
    }

    @Test
    void smallDataIsMonitoredWhole() {
        INDArray x = twoClasses();
        INDArray rows = Monitor.randomRows(new ArrayIterator(x, 300, null), 5000, SEED_BASE);
        assertEquals(x, rows, "fewer rows than the subset size: all rows, in pass order");
    }

    /** With a file-ordered iterator the reported training likelihood is the mean over all rows, not over the first. */
    @Test
    void reportedLikelihoodIsTheMeanOverAllRows() {
        INDArray first = TwoPrototypes.sample(300, 1L, DataType.DOUBLE);
        INDArray second = Nd4j.zeros(DataType.DOUBLE, 300, first.columns());
        INDArray data = Nd4j.vstack(first, second);
        StackedRbm stack = StackedRbm.create(new int[] {(int) first.columns(), 3}, 1, true, true, DataType.DOUBLE, 5L);
        TrainingOptions o = TrainingOptions.defaults().withEpochs(3).withUpdater(new Adam(0.05)).withSeed(2)
                .withMonitoring(10_000, 16);
        List<EpochMetrics> h = new RbmTrainer(o, List.of()).trainStack(stack.network(),
                new ArrayIterator(data, 50, null), null, null).history();
        double all = ExactRbm.logLikelihood(stack.rbm(0), data);
        double firstHalf = ExactRbm.logLikelihood(stack.rbm(0), first);
        assertEquals(all, h.get(h.size() - 1).logLikelihoodTrain(), 1e-9);
        assertTrue(Math.abs(all - firstHalf) > 0.1, "the two halves differ, so the test can tell them apart");
    }
}
