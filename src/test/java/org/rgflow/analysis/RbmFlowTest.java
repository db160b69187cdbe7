package org.rgflow.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.StackedRbm;
import org.rgflow.testing.Nd4jTestBase;

class RbmFlowTest extends Nd4jTestBase {

    private static final long FLOW_SEED = 31337L;
    private static final long MODEL_SEED = 99L;
    private static final HypercubicLattice LATTICE = HypercubicLattice.of(2, 4);

    /**
     * A zero RBM (W = 0, biases 0) forgets the start in one step: every later visible unit is Bernoulli(1/2),
     * so from all-up the flow jumps to infinite temperature (&lang;e&rang; = 0 within 4 standard errors).
     */
    @Test
    void zeroRbmFlowsToInfiniteTemperatureInOneStep() {
        Rbm zero = Rbm.random(16, 8, DataType.DOUBLE, 0.0, 0.0, MODEL_SEED);
        Flow flow = RbmFlow.of(zero, LATTICE, HalfStep.SAMPLED, HalfStep.SAMPLED, RbmFlow.Recording.SAMPLED_SPINS)
                .run(Configurations.allUp(500, 16), 3, FLOW_SEED);
        assertEquals(4, flow.steps().size());
        assertEquals(1.0, flow.steps().get(0).observables().absMagnetization().value());
        for (int s = 1; s <= 3; s++) {
            ObservableSummary o = flow.steps().get(s).observables();
            assertTrue(Math.abs(o.energy().zScore(0)) < 4, "step " + s + " " + o.energy());
        }
    }

    @Test
    void flowsAreDeterministicForASeedAndRecordingDoesNotChangeTheFlow() {
        Rbm rbm = Rbm.random(16, 8, DataType.DOUBLE, 0.5, 0.1, MODEL_SEED);
        double[][] start = Configurations.random(50, 16, FLOW_SEED);
        RbmFlow sampled = RbmFlow.of(rbm, LATTICE, HalfStep.SAMPLED, HalfStep.SAMPLED,
                RbmFlow.Recording.SAMPLED_SPINS);
        assertEquals(sampled.run(start, 4, FLOW_SEED).toCsv(), sampled.run(start, 4, FLOW_SEED).toCsv());

        // mean-field visible steps: the flow state is deterministic given the hidden samples; MEAN_SPINS records 2p-1
        RbmFlow meanField = RbmFlow.of(rbm, LATTICE, HalfStep.MEAN_FIELD, HalfStep.MEAN_FIELD,
                RbmFlow.Recording.MEAN_SPINS);
        double[][][] last = new double[1][][];
        Flow f = meanField.run(start, 2, FLOW_SEED, (s, x) -> last[0] = x);
        for (double x : last[0][0]) {
            assertTrue(x > -1 && x < 1 && x != Math.rint(x), "mean spin " + x);
        }
        assertEquals("rbm-meanfield-meanfield", f.name());
    }

    @Test
    void stackedFlowHasOneStepPerLevelAndWritesCsv(@TempDir Path dir) throws Exception {
        StackedRbm stack = StackedRbm.create(new int[] {16, 8, 4}, 1, true, true, DataType.DOUBLE, MODEL_SEED);
        Flow flow = RbmFlow.stacked(stack, LATTICE, Configurations.allUp(20, 16), HalfStep.SAMPLED,
                RbmFlow.Recording.SAMPLED_SPINS, FLOW_SEED, (s, x) -> { });
        assertEquals(3, flow.steps().size());
        Path csv = dir.resolve("flow.csv");
        flow.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(Flow.csvHeader(), lines.get(0));
        assertEquals(4, lines.size());
        assertEquals(3 + ObservableSummary.CSV_COLUMNS.size(), lines.get(1).split(",").length);
        assertTrue(lines.get(1).startsWith("stack-sampled,0,4,1.000000000,"), lines.get(1));
    }
}
