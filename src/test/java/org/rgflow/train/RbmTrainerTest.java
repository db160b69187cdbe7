package org.rgflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.rgflow.rbm.ExactRbm;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.rbm.TwoPrototypes;
import org.rgflow.testing.Nd4jTestBase;

/** Training: the exact likelihood rises, penalties and disabled biases, errors, metrics CSV. */
class RbmTrainerTest extends Nd4jTestBase {

    private static final long DATA_SEED = 11L;
    private static final long MODEL_SEED = 5L;

    private static double trainAndMeasureRise(TrainingOptions options) {
        INDArray data = TwoPrototypes.sample(500, DATA_SEED, DataType.DOUBLE);
        StackedRbm stack = StackedRbm.create(new int[] {6, 3}, options.cdK(), true, true, DataType.DOUBLE, MODEL_SEED);
        double before = ExactRbm.logLikelihood(stack.rbm(0), data);
        new RbmTrainer(options, List.of()).trainStack(stack.network(), new ArrayIterator(data, 50, 3L), null, null);
        double after = ExactRbm.logLikelihood(stack.rbm(0), data);
        return after - before;
    }

    @Test
    void exactLikelihoodRisesWithEveryUpdaterAndPcd() {
        TrainingOptions base = TrainingOptions.defaults().withEpochs(30).withSeed(1);
        IUpdater[] updaters = {new Sgd(0.2), new Nesterovs(0.05, 0.9), new Adam(0.05),
            new Adam(new ExponentialSchedule(ScheduleType.EPOCH, 0.05, 0.97))};
        for (IUpdater u : updaters) {
            double rise = trainAndMeasureRise(base.withUpdater(u));
            assertTrue(rise > 0.6, u + ": exact LL rose by " + rise);
        }
        double pcd = trainAndMeasureRise(base.withUpdater(new Adam(0.02)).withPersistent(true, 20).withCdK(2));
        assertTrue(pcd > 0.6, "PCD-2: exact LL rose by " + pcd);
    }

    @Test
    void disabledBiasesStayExactlyZeroAndPenaltiesShrinkWeights() {
        INDArray data = TwoPrototypes.sample(300, DATA_SEED, DataType.DOUBLE);
        StackedRbm free = StackedRbm.create(new int[] {6, 4}, 1, false, false, DataType.DOUBLE, MODEL_SEED);
        StackedRbm penalised = StackedRbm.create(new int[] {6, 4}, 1, false, false, DataType.DOUBLE, MODEL_SEED);
        TrainingOptions o = TrainingOptions.defaults().withEpochs(10).withUpdater(new Adam(0.05));
        new RbmTrainer(o, List.of()).trainStack(free.network(), new ArrayIterator(data, 30, 1L), null, null);
        new RbmTrainer(o.withPenalties(0.01, 0.05), List.of()).trainStack(penalised.network(),
                new ArrayIterator(data, 30, 1L), null, null);
        for (StackedRbm s : new StackedRbm[] {free, penalised}) {
            assertEquals(0.0, s.rbm(0).visibleBias().amaxNumber().doubleValue());
            assertEquals(0.0, s.rbm(0).hiddenBias().amaxNumber().doubleValue());
        }
        double wFree = free.rbm(0).weights().norm2Number().doubleValue();
        double wPen = penalised.rbm(0).weights().norm2Number().doubleValue();
        assertTrue(wPen < wFree, "penalties shrink W: " + wPen + " vs " + wFree);
    }

    @Test
    void greedyStackTrainingLowersEachLayersReconstructionError(@TempDir Path dir) throws Exception {
        INDArray data = TwoPrototypes.sample(400, DATA_SEED, DataType.DOUBLE).repeat(1, 3);
        StackedRbm stack = StackedRbm.create(new int[] {18, 8, 4}, 1, true, true, DataType.DOUBLE, MODEL_SEED);
        Path csv = dir.resolve("metrics.csv");
        var result = new RbmTrainer(TrainingOptions.defaults().withEpochs(8).withUpdater(new Adam(0.03)),
                List.of(new MetricsCsvListener(csv), new ProgressListener(new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream())))).trainStack(stack.network(),
                new ArrayIterator(data, 40, 2L), new ArrayIterator(data.getRows(0, 1, 2, 3, 4, 5), 10, null), null);
        assertEquals(16, result.history().size());
        for (int layer = 0; layer < 2; layer++) {
            int l = layer;
            var h = result.history().stream().filter(m -> m.layer() == l).toList();
            assertTrue(h.get(7).reconstructionError() < h.get(0).reconstructionError(), "layer " + l + ": " + h);
            assertTrue(Double.isFinite(h.get(7).freeEnergyGap()));
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(17, lines.size());
        assertEquals(EpochMetrics.CSV_HEADER, lines.get(0));
    }

    @Test
    void clearErrorsForWrongWidthEmptyDataAndDivergence() {
        StackedRbm stack = StackedRbm.create(new int[] {6, 3}, 1, true, true, DataType.DOUBLE, MODEL_SEED);
        RbmTrainer trainer = new RbmTrainer(TrainingOptions.defaults().withEpochs(2), List.of());
        INDArray narrow = TwoPrototypes.sample(20, 1, DataType.DOUBLE).getColumns(0, 1, 2, 3, 4);
        var wide = assertThrows(IllegalArgumentException.class,
                () -> trainer.trainStack(stack.network(), new ArrayIterator(narrow, 10, null), null, null));
        assertTrue(wide.getMessage().contains("numVisible = 6"), wide.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> trainer.trainStack(stack.network(),
                new ArrayIterator(Nd4j.create(DataType.DOUBLE, 0, 6), 10, null), null, null));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        INDArray bad = TwoPrototypes.sample(20, 1, DataType.DOUBLE);
        bad.putScalar(3, 2, Double.NaN);
        var nan = assertThrows(TrainingDivergedException.class,
                () -> trainer.trainStack(stack.network(), new ArrayIterator(bad, 10, null), null, null));
        assertTrue(nan.getMessage().contains("epoch 1") && nan.getMessage().contains("smaller learning rate"),
                nan.getMessage());
    }
}
