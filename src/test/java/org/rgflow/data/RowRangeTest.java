package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.rgflow.testing.Nd4jTestBase;

/** {@link SpinDataSetIterator.Builder#rows}: a per-shard row range, the training / held-out split. */
class RowRangeTest extends Nd4jTestBase {

    private static final double[] TEMPS = {1.5, 2.5};
    private static final int[] COUNTS = {300, 200};

    @TempDir
    Path dir;

    @BeforeEach
    void writeDataset() {
        // shard size 120: shards of 120, 120, 60 rows at T = 1.5 and 120, 80 at T = 2.5
        TestDatasets.write(dir, TestDatasets.LABELS, 120, TEMPS, COUNTS);
    }

    private static List<Integer> rows(SpinDataSetIterator it) {
        List<Integer> seen = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            for (double[] r : ds.getFeatures().toDoubleMatrix()) {
                seen.add(TestDatasets.indexOf(r));
            }
        }
        return seen;
    }

    /** The rows [round(from n), round(to n)) of every shard, in file order. */
    private static List<Integer> expected(double from, double to) {
        int[] shardCounts = {120, 120, 60, 120, 80};
        List<Integer> out = new ArrayList<>();
        int base = 0;
        for (int n : shardCounts) {
            for (long r = Math.round(from * n); r < Math.round(to * n); r++) {
                out.add(base + (int) r);
            }
            base += n;
        }
        return out;
    }

    @Test
    void sequentialRangeKeepsTheSameFractionOfEveryShard() {
        SpinDataSetIterator train = SpinDataSetIterator.builder(dir).batchSize(64).rows(0, 0.9).build();
        SpinDataSetIterator held = SpinDataSetIterator.builder(dir).batchSize(64).rows(0.9, 1).build();
        assertEquals(expected(0, 0.9), rows(train));
        assertEquals(expected(0.9, 1), rows(held));
        assertEquals(expected(0, 0.9).size(), train.numExamples());
        assertEquals(50, held.numExamples());
    }

    @Test
    void shuffledRangesArePermutationsAndPartitionTheDataset() {
        SpinDataSetIterator train = SpinDataSetIterator.builder(dir).batchSize(77).shuffle(7).reshuffleEachEpoch(true)
                .rows(0, 0.75).build();
        SpinDataSetIterator held = SpinDataSetIterator.builder(dir).batchSize(77).shuffle(8).rows(0.75, 1).build();
        List<Integer> a = rows(train);
        List<Integer> b = rows(held);
        assertEquals(new TreeSet<>(expected(0, 0.75)), new TreeSet<>(a));
        assertEquals(expected(0, 0.75).size(), a.size(), "each row once");
        assertEquals(new TreeSet<>(expected(0.75, 1)), new TreeSet<>(b));
        TreeSet<Integer> all = new TreeSet<>(a);
        all.addAll(b);
        assertEquals(IntStream.range(0, 500).boxed().toList(), new ArrayList<>(all));
        train.reset();
        List<Integer> second = rows(train);
        assertEquals(new TreeSet<>(a), new TreeSet<>(second));
        assertTrue(!a.equals(second), "reshuffled on reset");
    }

    @Test
    void emptyRangeAndInvalidFractions() {
        assertEquals(List.of(), rows(SpinDataSetIterator.builder(dir).rows(0.5, 0.5).build()));
        assertThrows(IllegalArgumentException.class, () -> SpinDataSetIterator.builder(dir).rows(0.6, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SpinDataSetIterator.builder(dir).rows(0, 1.5));
    }
}
