package org.rgflow.thermometer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.provenance.OutputFile;
import org.rgflow.testing.Nd4jTestBase;
import org.rgflow.testing.ThermometerTestData;

/**
 * Trains a small thermometer ([32, 16] tanh, Adam 0.01, 15 epochs) on 8&times;8 Ising configurations at 5
 * temperatures (400 training rows each) and checks it on the 100 held-out rows per temperature. Measured with these
 * seeds: held-out accuracy 0.54 (chance 0.2; training rows 0.79), mean |&Delta;T| 0.48. On 64 spins the energy
 * distributions of neighbouring temperatures overlap, so the thresholds are 2&times; chance and the mean spacing
 * of the temperature list (0.75).
 */
class ThermometerTest extends Nd4jTestBase {

    static final ThermometerOptions OPTIONS = ThermometerOptions.defaults().withHiddenSizes(32, 16)
            .withLearningRate(1e-2).withEpochs(15).withBatchSize(50).withSeed(3).withHeldOutFraction(0.2);

    @TempDir
    static Path tmp;
    static SpinDataset data;
    static Thermometer thermometer;
    static ThermometerEvaluation evaluation;

    @BeforeAll
    static void train() throws IOException {
        data = SpinDataset.open(ThermometerTestData.create(tmp));
        thermometer = Thermometer.train(data, OPTIONS, null);
        evaluation = thermometer.evaluate(Thermometer.heldOutRows(data, OPTIONS));
    }

    @Test
    void heldOutAccuracyIsWellAboveChance() {
        assertEquals(ThermometerTestData.NUM_TEMPERATURES * ThermometerTestData.PER_TEMPERATURE / 5,
                evaluation.count());
        assertEquals(0.2, evaluation.chance(), 1e-12);
        assertTrue(evaluation.accuracy() > 2 * evaluation.chance(), evaluation.toString());
        // the mean spacing of the temperature list [1, 2, 2.5, 3, 4] is 0.75
        assertTrue(evaluation.meanAbsoluteError() < 0.75, evaluation.toString());
        long total = 0;
        for (long[] row : evaluation.confusion()) {
            for (long c : row) {
                total += c;
            }
        }
        assertEquals(evaluation.count(), total);
    }

    @Test
    void predictionsAreDistributionsAndOrdered() {
        INDArray x = firstHeldOutBatch().getFeatures();
        INDArray p = thermometer.predict(x);
        assertArrayEquals(new long[] {x.rows(), ThermometerTestData.NUM_TEMPERATURES}, p.shape());
        assertTrue(p.minNumber().doubleValue() >= 0);
        INDArray sums = p.sum(1);
        for (int i = 0; i < sums.length(); i++) {
            assertEquals(1.0, sums.getDouble(i), 1e-5);
        }
        double[] hist = thermometer.histogram(x);
        assertEquals(1.0, java.util.Arrays.stream(hist).sum(), 1e-5);
        double mean = thermometer.meanTemperature(x);
        assertTrue(mean >= 1.0 && mean <= 4.0, "mean " + mean);
        double[] t = thermometer.temperatureOf(x);
        double[] withError = thermometer.meanTemperatureWithError(x);
        assertEquals(mean, withError[0], 1e-12);
        double var = java.util.Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / (t.length - 1);
        assertEquals(Math.sqrt(var / t.length), withError[1], 1e-12);
        // the first held-out rows are at T = 1.0: the lowest temperature reads colder than the highest
        SpinDataSetIterator hot = Thermometer.iterator(data, 0.8, 1, 50, false, 0);
        DataSet last = null;
        while (hot.hasNext()) {
            last = hot.next();
        }
        assertTrue(thermometer.meanTemperature(x) < thermometer.meanTemperature(last.getFeatures()) - 1.0);
    }

    @Test
    void saveLoadGivesIdenticalPredictions() throws IOException {
        Path dir = tmp.resolve("model");
        List<OutputFile> files = ThermometerFiles.save(thermometer, dir);
        assertEquals(List.of(ThermometerFiles.MODEL, ThermometerFiles.DESCRIPTION),
                files.stream().map(OutputFile::path).toList());
        Thermometer back = ThermometerFiles.load(dir);
        assertArrayEquals(thermometer.temperatures(), back.temperatures());
        assertEquals(thermometer.options(), back.options());
        INDArray x = firstHeldOutBatch().getFeatures();
        assertEquals(thermometer.predict(x), back.predict(x));
        // a changed model file is refused
        Files.write(dir.resolve(ThermometerFiles.MODEL), new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> ThermometerFiles.load(dir));
    }

    @Test
    void trainingIsReproducible() {
        ThermometerOptions quick = OPTIONS.withEpochs(2);
        INDArray x = firstHeldOutBatch().getFeatures();
        assertEquals(Thermometer.train(data, quick, null).predict(x), Thermometer.train(data, quick, null).predict(x));
    }

    @Test
    void rejectsWrongShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> thermometer.predict(org.nd4j.linalg.factory.Nd4j.ones(2, 10)));
        assertThrows(IllegalArgumentException.class, () -> OPTIONS.withHiddenSizes());
    }

    private static DataSet firstHeldOutBatch() {
        return Thermometer.heldOutRows(data, OPTIONS).next();
    }
}
