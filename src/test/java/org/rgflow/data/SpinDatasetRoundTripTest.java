package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.rgflow.testing.Nd4jTestBase;

class SpinDatasetRoundTripTest extends Nd4jTestBase {

    private static final double[] TEMPS = {2.0, 2.2692, 3.0};
    private static final int[] COUNTS = {250, 130, 45};
    private static final int TOTAL = 425;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SpinEncoding.class)
    void roundTripIsExactInBothEncodings(SpinEncoding encoding) {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        SpinDataSetIterator it = SpinDataSetIterator.builder(dir).batchSize(64).encoding(encoding).build();
        int i = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            INDArray f = ds.getFeatures();
            assertEquals(DataType.FLOAT, f.dataType());
            assertEquals(DataType.FLOAT, ds.getLabels().dataType());
            double[][] rows = f.toDoubleMatrix();
            for (int r = 0; r < rows.length; r++, i++) {
                byte[] expected = TestDatasets.row(i, 64);
                double[] got = rows[r];
                for (int k = 0; k < 64; k++) {
                    assertEquals(encoding.encode(expected[k]), got[k], 0.0, "row " + i + " site " + k);
                }
                assertEquals(TestDatasets.temperatureOf(i, TEMPS, COUNTS), ds.getLabels().getDouble(r, 0), 1e-6);
            }
        }
        assertEquals(TOTAL, i);
        assertEquals(64, it.inputColumns());
        assertEquals(1, it.totalOutcomes());
    }

    @Test
    void doubleDtypeAndLabelsRoundTrip() {
        DatasetLabels lr = new DatasetLabels(1, 64, "ising-lr", 0.75);
        TestDatasets.write(dir, lr, 1000, TEMPS, COUNTS);
        SpinDataset ds = SpinDataset.open(dir);
        assertEquals(lr, ds.labels());
        assertEquals(0.75, ds.index().sigma());
        SpinDataSetIterator it = SpinDataSetIterator.builder(ds).batchSize(TOTAL).dataType(DataType.DOUBLE)
                .encoding(SpinEncoding.PLUS_MINUS_ONE).build();
        DataSet all = it.next();
        assertFalse(it.hasNext());
        assertEquals(DataType.DOUBLE, all.getFeatures().dataType());
        assertEquals(TestDatasets.temperatureOf(300, TEMPS, COUNTS), all.getLabels().getDouble(300, 0), 0.0);
        byte[] row = TestDatasets.row(300, 64);
        double[] got = all.getFeatures().getRow(300).toDoubleVector();
        for (int k = 0; k < 64; k++) {
            assertEquals(row[k], got[k], 0.0);
        }
    }

    @Test
    void batchSizesThatDoNotDivideTheCount() {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        for (int batch : new int[] {1, 7, 100, 424, 425, 426, 5000}) {
            SpinDataSetIterator it = SpinDataSetIterator.builder(dir).batchSize(batch).build();
            List<Integer> sizes = new ArrayList<>();
            while (it.hasNext()) {
                sizes.add(it.next().numExamples());
            }
            int full = TOTAL / batch;
            assertEquals(full + (TOTAL % batch == 0 ? 0 : 1), sizes.size(), "batch " + batch);
            assertTrue(sizes.subList(0, full).stream().allMatch(s -> s == batch), "batch " + batch);
            assertEquals(TOTAL, sizes.stream().mapToInt(Integer::intValue).sum());
        }
    }

    @Test
    void shardsSplitBySizeAndByTemperature() throws Exception {
        DatasetIndex index = TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        // 250 -> 100,100,50; 130 -> 100,30; 45 -> 45
        assertEquals(List.of(100L, 100L, 50L, 100L, 30L, 45L), index.shards().stream().map(ShardInfo::count).toList());
        assertEquals(List.of(2.0, 2.0, 2.0, 2.2692, 2.2692, 3.0),
                index.shards().stream().map(ShardInfo::temperature).toList());
        assertEquals("spins-00004.npy", index.shards().get(4).spins());
        assertEquals("temperature-00004.npy", index.shards().get(4).temperatures());
        assertEquals(TOTAL, index.numConfigurations());
        for (ShardInfo s : index.shards()) {
            assertEquals(128 + s.count() * 64, Files.size(dir.resolve(s.spins())));
            assertEquals(128 + s.count() * 8, Files.size(dir.resolve(s.temperatures())));
        }
        assertEquals(12, index.outputs().size());
    }

    @Test
    void aReturningTemperatureStartsANewShard() {
        try (SpinDatasetWriter w = SpinDatasetWriter.create(dir, TestDatasets.LABELS, 100)) {
            w.write(TestDatasets.row(0, 64), 2.0);
            w.write(TestDatasets.row(1, 64), 3.0);
            w.write(TestDatasets.row(2, 64), 2.0);
            assertEquals(3, w.finish().shards().size());
        }
    }

    @Test
    void temperatureFilterSelectsShards() {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        SpinDataSetIterator it = SpinDataSetIterator.builder(dir).batchSize(1000).temperatures(2.2692000001, 3.0)
                .build();
        assertEquals(175, it.numExamples());
        DataSet ds = it.next();
        assertEquals(175, ds.numExamples());
        for (int r = 0; r < 175; r++) {
            int i = TestDatasets.indexOf(ds.getFeatures().getRow(r).toDoubleVector());
            assertEquals(TestDatasets.temperatureOf(i, TEMPS, COUNTS), ds.getLabels().getDouble(r, 0), 1e-6);
            assertTrue(i >= 250, "row " + i + " is at T=2.0");
        }
        DatasetException none = assertThrows(DatasetException.class,
                () -> SpinDataSetIterator.builder(dir).temperatures(2.5).build());
        assertTrue(none.getMessage().contains("2.5") && none.getMessage().contains("[2.0, 2.2692, 3.0]"),
                none.getMessage());
    }

    @Test
    void oneHotLabelsAndPreProcessor() {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        SpinDataSetIterator it = SpinDataSetIterator.builder(dir).batchSize(TOTAL).labelsOneHot(true)
                .temperatures(3.0).preProcessor(d -> d.getFeatures().muli(2)).build();
        assertEquals(3, it.totalOutcomes());
        assertEquals(List.of("2.0", "2.2692", "3.0"), it.getLabels());
        DataSet ds = it.next();
        assertArrayEquals(new long[] {45, 3}, ds.getLabels().shape());
        for (int r = 0; r < 45; r++) {
            assertArrayEquals(new double[] {0, 0, 1}, ds.getLabels().getRow(r).toDoubleVector(), 0.0);
        }
        assertEquals(2.0, ds.getFeatures().maxNumber().doubleValue(), 0.0, "pre-processor applied");
        assertTrue(it.getPreProcessor() != null);
    }

    @Test
    void writerRejectsBadInput() {
        try (SpinDatasetWriter w = SpinDatasetWriter.create(dir, TestDatasets.LABELS, 100)) {
            IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                    () -> w.write(new byte[63], 2.0));
            assertTrue(len.getMessage().contains("numSites = 64"), len.getMessage());
            byte[] zero = TestDatasets.row(0, 64);
            zero[5] = 0;
            IllegalArgumentException val = assertThrows(IllegalArgumentException.class, () -> w.write(zero, 2.0));
            assertTrue(val.getMessage().contains("spin 5"), val.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.write(TestDatasets.row(0, 64), Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> w.write(TestDatasets.row(0, 64), -1.0));
        }
    }

    @Test
    void dl4jAsyncWrapperSeesTheSameBatches() {
        // MultiLayerNetwork.fit wraps iterators with asyncSupported() in an AsyncDataSetIterator
        TestDatasets.write(dir, TestDatasets.LABELS, 100, TEMPS, COUNTS);
        SpinDataSetIterator plain = SpinDataSetIterator.builder(dir).batchSize(50).shuffle(7L).build();
        var async = new org.nd4j.linalg.dataset.AsyncDataSetIterator(
                SpinDataSetIterator.builder(dir).batchSize(50).shuffle(7L).build(), 4);
        for (int pass = 0; pass < 2; pass++) {
            int batches = 0;
            while (plain.hasNext()) {
                assertTrue(async.hasNext());
                DataSet a = plain.next();
                DataSet b = async.next();
                assertEquals(a.getFeatures(), b.getFeatures());
                assertEquals(a.getLabels(), b.getLabels());
                batches++;
            }
            assertFalse(async.hasNext());
            assertEquals(9, batches);
            plain.reset();
            async.reset();
        }
        async.shutdown();
    }

    @Test
    void emptyDatasetOpensAndIsEmpty() {
        TestDatasets.write(dir, TestDatasets.LABELS, 100, new double[0], new int[0]);
        SpinDataSetIterator it = SpinDataSetIterator.builder(dir).build();
        assertFalse(it.hasNext());
        assertEquals(0, it.numExamples());
    }
}
