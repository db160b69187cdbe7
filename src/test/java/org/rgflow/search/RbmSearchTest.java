package org.rgflow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.rgflow.export.ModelExporter;
import org.rgflow.train.TrainingOptions;

/**
 * Real RBM searches on 8 visible units drawn from four noisy prototypes (5% flips): one hidden unit can represent
 * at most two modes well, six can represent all four, so the exact held-out log-likelihood must prefer more hidden
 * units. A diverging learning rate must be recorded as a failure.
 */
class RbmSearchTest {

    private static final long DATA_SEED = 42L;
    private static final int[][] PROTOTYPES = {
        {1, 1, 1, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 1, 1, 1, 1}, {1, 0, 1, 0, 1, 0, 1, 0}, {0, 1, 1, 0, 0, 1, 1, 0}};

    @TempDir
    Path tmp;

    static INDArray data(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[rows][8];
        for (int b = 0; b < rows; b++) {
            int[] p = PROTOTYPES[r.nextInt(PROTOTYPES.length)];
            for (int i = 0; i < 8; i++) {
                x[b][i] = r.nextDouble() < 0.05 ? 1 - p[i] : p[i];
            }
        }
        return Nd4j.create(x).castTo(DataType.FLOAT);
    }

    private static RbmSetup setup(Map<String, Object> p) {
        int nh = (Integer) p.get("numHidden");
        double lr = ((Number) p.get("learningRate")).doubleValue();
        TrainingOptions o = TrainingOptions.defaults().withEpochs(25).withSeed(5)
                .withUpdater("sgd".equals(p.get("updater")) ? new Sgd(lr) : new Adam(lr));
        return new RbmSetup(new int[] {8, nh}, true, true, DataType.FLOAT, 20, o);
    }

    @Test
    void tooFewHiddenUnitsScoreWorse() throws Exception {
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("numHidden", new Dimension.Choice(List.of(1, 6)));
        d.put("learningRate", new Dimension.Fixed(0.05));
        d.put("updater", new Dimension.Fixed("adam"));
        SearchSpace space = SearchSpace.of(d);
        var eval = new RbmCandidateEvaluator(RbmSearchTest::setup, data(600, DATA_SEED), data(200, DATA_SEED + 1),
                RbmScore.LOG_LIKELIHOOD);
        var r = new SearchRunner(space, Generators.create(Generators.Kind.GRID, space.parameterSpace(), 1, 2, 4,
                false), eval, Budget.candidates(10), 2, false).run(tmp, false, SearchListener.NONE);
        assertEquals(2, r.records().size());
        assertTrue(r.records().stream().allMatch(CandidateRecord::ok), r.records().toString());
        CandidateRecord best = r.best().orElseThrow();
        assertEquals("6", best.parameters().get("numHidden"), r.records().toString());
        assertTrue(r.records().get(1).score() > r.records().get(0).score() + 0.2, r.records().toString());
        Path dir = tmp.resolve(SearchRunner.CANDIDATES).resolve(Integer.toString(best.index()));
        assertTrue(Files.exists(dir.resolve(ModelExporter.ZIP)));
        assertTrue(Files.exists(dir.resolve("manifest.json")));
        assertTrue(Files.exists(dir.resolve(RbmCandidateEvaluator.METRICS)));
    }

    @Test
    void divergingCandidateFailsWithoutStoppingTheSearch() throws Exception {
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("numHidden", new Dimension.Fixed(4));
        d.put("learningRate", new Dimension.Choice(List.of(0.05, 1e300)));
        d.put("updater", new Dimension.Fixed("sgd"));
        SearchSpace space = SearchSpace.of(d);
        var eval = new RbmCandidateEvaluator(RbmSearchTest::setup, data(200, DATA_SEED), data(100, DATA_SEED + 1),
                RbmScore.PSEUDO_LOG_LIKELIHOOD);
        var r = new SearchRunner(space, Generators.create(Generators.Kind.GRID, space.parameterSpace(), 1, 2, 4,
                false), eval, Budget.candidates(10), 1, false).run(tmp, false, SearchListener.NONE);
        assertEquals(2, r.records().size());
        assertTrue(r.records().get(0).ok(), r.records().toString());
        assertEquals(CandidateRecord.Status.FAILED, r.records().get(1).status());
        assertTrue(!r.records().get(1).error().isBlank(), r.records().toString());
    }
}
