package org.rgflow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.rgflow.data.SpinDataset;
import org.rgflow.testing.Nd4jTestBase;
import org.rgflow.thermometer.ThermometerFiles;
import org.rgflow.thermometer.ThermometerOptions;
import org.rgflow.testing.ThermometerTestData;

/** A random thermometer search (3 candidates, 2 epochs) records every candidate with its held-out accuracy. */
class ThermometerSearchTest extends Nd4jTestBase {

    @Test
    void recordsCandidatesScoredByAccuracy(@TempDir Path tmp) throws Exception {
        SpinDataset data = SpinDataset.open(ThermometerTestData.create(tmp, ThermometerTestData.TEMPERATURES, 200));
        Map<String, Dimension> d = new LinkedHashMap<>();
        d.put("hidden0", new Dimension.IntRange(8, 32, false));
        d.put("activation", new Dimension.Choice(List.of("tanh", "relu")));
        d.put("learningRate", new Dimension.Continuous(1e-3, 3e-2, true));
        SearchSpace space = SearchSpace.of(d);
        ThermometerOptions base = ThermometerOptions.defaults().withEpochs(2).withBatchSize(50).withSeed(3)
                .withHeldOutFraction(0.2);
        var eval = new ThermometerCandidateEvaluator(p -> base
                .withHiddenSizes(((Number) p.get("hidden0")).intValue(), 8)
                .withActivation(ThermometerOptions.activation((String) p.get("activation")))
                .withLearningRate(((Number) p.get("learningRate")).doubleValue()), data);
        Path out = tmp.resolve("search");
        var r = new SearchRunner(space, Generators.create(Generators.Kind.RANDOM, space.parameterSpace(), 5, 3, 4,
                false), eval, Budget.candidates(3), 1, false).run(out, false, SearchListener.NONE);
        assertEquals(3, r.records().size());
        assertTrue(r.records().stream().allMatch(CandidateRecord::ok), r.records().toString());
        for (CandidateRecord c : r.records()) {
            assertTrue(c.score() >= 0 && c.score() <= 1, c.toString());
        }
        assertEquals(4, Files.readAllLines(out.resolve(SearchRunner.RESULTS)).size());
        Path best = out.resolve(SearchRunner.CANDIDATES).resolve(Integer.toString(r.best().orElseThrow().index()));
        assertTrue(Files.exists(best.resolve(ThermometerFiles.MODEL)));
        assertTrue(Files.exists(best.resolve("manifest.json")));
        assertEquals(Activation.TANH, ThermometerOptions.activation("tanh"));
    }
}
