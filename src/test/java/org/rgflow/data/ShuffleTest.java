package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.rgflow.testing.Nd4jTestBase;

class ShuffleTest extends Nd4jTestBase {

    private static final long SHUFFLE_SEED = 20240611L;
    private static final double[] TEMPS = {1.5, 2.5};
    private static final int[] COUNTS = {3000, 2000};
    private static final int TOTAL = 5000;

    @TempDir
    Path dir;

    @BeforeEach
    void writeDataset() {
        TestDatasets.write(dir, TestDatasets.LABELS, 700, TEMPS, COUNTS);
    }

    private List<Integer> order(SpinDataSetIterator it) {
        List<Integer> seen = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            double[][] features = ds.getFeatures().toDoubleMatrix();
            double[] labels = ds.getLabels().toDoubleVector();
            for (int r = 0; r < features.length; r++) {
                int i = TestDatasets.indexOf(features[r]);
                assertEquals(TestDatasets.temperatureOf(i, TEMPS, COUNTS), labels[r], 1e-6,
                        "label travels with its row");
                seen.add(i);
            }
        }
        return seen;
    }

    private SpinDataSetIterator build(UnaryOperator<SpinDataSetIterator.Builder> options) {
        return options.apply(SpinDataSetIterator.builder(dir).batchSize(333)).build();
    }

    private static void assertPermutation(List<Integer> order) {
        assertEquals(TOTAL, order.size());
        assertEquals(IntStream.range(0, TOTAL).boxed().toList(), order.stream().sorted().toList());
    }

    @Test
    void unshuffledIsFileOrder() {
        assertEquals(IntStream.range(0, TOTAL).boxed().toList(), order(build(b -> b)));
    }

    @Test
    void shuffledIsAReproduciblePermutation() {
        List<Integer> a = order(build(b -> b.shuffle(SHUFFLE_SEED)));
        List<Integer> b = order(build(x -> x.shuffle(SHUFFLE_SEED)));
        assertPermutation(a);
        assertEquals(a, b, "same seed, same order");
        assertNotEquals(IntStream.range(0, TOTAL).boxed().toList(), a);
        assertNotEquals(a, order(build(x -> x.shuffle(SHUFFLE_SEED + 1))), "another seed, another order");
    }

    @Test
    void fullBufferMixesTemperaturesInEveryBatch() {
        SpinDataSetIterator it = build(b -> b.shuffle(SHUFFLE_SEED));
        // the first batch of 333 from a uniform permutation: expected 200 rows at T=1.5, sd ~ 9
        DataSet first = it.next();
        long cold = IntStream.range(0, 333).filter(r -> first.getLabels().getDouble(r, 0) == 1.5).count();
        assertTrue(cold > 150 && cold < 250, "rows at T=1.5 in the first batch: " + cold);
    }

    @Test
    void smallBufferStillGivesAPermutation() {
        List<Integer> a = order(build(b -> b.shuffle(SHUFFLE_SEED).shuffleBufferRows(50)));
        assertPermutation(a);
        assertEquals(a, order(build(b -> b.shuffle(SHUFFLE_SEED).shuffleBufferRows(50))));
    }

    @Test
    void resetRepeatsTheOrderUnlessReshuffling() {
        SpinDataSetIterator same = build(b -> b.shuffle(SHUFFLE_SEED));
        List<Integer> first = order(same);
        same.reset();
        assertEquals(first, order(same));

        SpinDataSetIterator fresh = build(b -> b.shuffle(SHUFFLE_SEED).reshuffleEachEpoch(true));
        SpinDataSetIterator twin = build(b -> b.shuffle(SHUFFLE_SEED).reshuffleEachEpoch(true));
        List<Integer> epoch0 = order(fresh);
        fresh.reset();
        List<Integer> epoch1 = order(fresh);
        assertPermutation(epoch1);
        assertNotEquals(epoch0, epoch1, "a new permutation per epoch");
        assertEquals(epoch0, order(twin));
        twin.reset();
        assertEquals(epoch1, order(twin), "epochs are reproducible from the seed");
    }

    @Test
    void filterAndShuffleTogether() {
        List<Integer> hot = order(build(b -> b.shuffle(SHUFFLE_SEED).temperatures(2.5)));
        assertEquals(IntStream.range(3000, TOTAL).boxed().toList(), hot.stream().sorted().toList());
    }
}
