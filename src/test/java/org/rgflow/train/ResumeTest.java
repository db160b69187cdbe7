package org.rgflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.rbm.TwoPrototypes;
import org.rgflow.testing.Nd4jTestBase;

/** An interrupted run resumed from its checkpoint ends with bit-identical parameters. */
class ResumeTest extends Nd4jTestBase {

    private static final long SEED = 99L;
    private static final TrainingOptions OPTIONS = TrainingOptions.defaults().withEpochs(5).withSeed(SEED)
            .withUpdater(new Adam(0.03)).withPersistent(true, 16).withCheckpointEvery(2)
            .withStackInput(StackInput.SAMPLES).withPenalties(0.001, 0.001);

    /** Thrown by a listener to simulate a crash. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static INDArray data() {
        return TwoPrototypes.sample(120, 3, DataType.DOUBLE).repeat(1, 2);
    }

    private static MultiLayerNetwork freshNetwork() {
        return StackedRbm.create(new int[] {12, 6, 4}, 1, true, true, DataType.DOUBLE, SEED).network();
    }

    private static void crashAndResume(int crashLayer, int crashEpoch, INDArray expected, Path dir) {
        RbmTrainingListener crash = new RbmTrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m) {
                if (m.layer() == crashLayer && m.epoch() == crashEpoch) {
                    throw new Crash();
                }
            }
        };
        assertThrows(Crash.class, () -> new RbmTrainer(OPTIONS, List.of(crash)).trainStack(freshNetwork(),
                new ArrayIterator(data(), 16, 7L), new ArrayIterator(data(), 40, 8L), dir));
        Checkpoint cp = Checkpoint.latest(dir).orElseThrow();
        assertEquals(crashLayer, cp.layer());
        var resumed = new RbmTrainer(OPTIONS, List.of()).resume(cp, new ArrayIterator(data(), 16, 7L),
                new ArrayIterator(data(), 40, 8L), dir);
        assertEquals(expected, resumed.network().params(), "resumed at layer " + crashLayer + " epoch " + crashEpoch);
    }

    @Test
    void resumedRunsEqualTheUninterruptedRun(@TempDir Path a, @TempDir Path b, @TempDir Path c) {
        MultiLayerNetwork net = freshNetwork();
        new RbmTrainer(OPTIONS, List.of()).trainStack(net, new ArrayIterator(data(), 16, 7L),
                new ArrayIterator(data(), 40, 8L), a);
        INDArray expected = net.params().dup();
        crashAndResume(0, 3, expected, b);
        crashAndResume(1, 5, expected, c);
        var other = assertThrows(IllegalArgumentException.class, () -> new RbmTrainer(OPTIONS.withSeed(1), List.of())
                .resume(Checkpoint.latest(a).orElseThrow(), new ArrayIterator(data(), 16, 7L), null, a));
        assertTrue(other.getMessage().contains("options"), other.getMessage());
    }

    /** The fused plain-Sgd path (LayerSession without gradient array): deterministic, and resumes bit-identically. */
    @Test
    void plainSgdRunsAreDeterministicAndResumeExactly(@TempDir Path a, @TempDir Path b, @TempDir Path c) {
        TrainingOptions sgd = TrainingOptions.defaults().withEpochs(4).withSeed(SEED)
                .withUpdater(new org.nd4j.linalg.learning.config.Sgd(new org.nd4j.linalg.schedule.ExponentialSchedule(
                        org.nd4j.linalg.schedule.ScheduleType.EPOCH, 0.1, 0.9)))
                .withCheckpointEvery(1).withStackInput(StackInput.SAMPLES);
        INDArray[] runs = new INDArray[2];
        for (int r = 0; r < 2; r++) {
            MultiLayerNetwork net = StackedRbm.create(new int[] {12, 6, 4}, 1, true, true, DataType.FLOAT, SEED).network();
            new RbmTrainer(sgd, List.of()).trainStack(net, new ArrayIterator(data(), 16, 7L), null, r == 0 ? a : b);
            runs[r] = net.params().dup();
        }
        assertEquals(runs[0], runs[1], "same seed, same parameters");
        RbmTrainingListener crash = new RbmTrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m) {
                if (m.layer() == 1 && m.epoch() == 2) {
                    throw new Crash();
                }
            }
        };
        assertThrows(Crash.class, () -> new RbmTrainer(sgd, List.of(crash)).trainStack(
                StackedRbm.create(new int[] {12, 6, 4}, 1, true, true, DataType.FLOAT, SEED).network(),
                new ArrayIterator(data(), 16, 7L), null, c));
        var resumed = new RbmTrainer(sgd, List.of()).resume(Checkpoint.latest(c).orElseThrow(),
                new ArrayIterator(data(), 16, 7L), null, c);
        assertEquals(runs[0], resumed.network().params(), "resumed plain-Sgd run");
    }
}
