package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.DoubleWritable;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.testing.Nd4jTestBase;

class SpinRecordReaderTest extends Nd4jTestBase {

    private static final double[] TEMPS = {2.0, 3.0};
    private static final int[] COUNTS = {30, 20};

    @TempDir
    Path root;
    private Path dir;

    @BeforeEach
    void writeDataset() {
        dir = root.resolve("ds");
        TestDatasets.write(dir, new DatasetLabels(2, 8, "ising-lr", 1.25), 16, TEMPS, COUNTS);
    }

    private static double[] spins(Writable w) {
        return ((NDArrayWritable) w).get().toDoubleVector();
    }

    @Test
    void singleRecordsAndTheirTypes() throws Exception {
        SpinRecordReader rr = new SpinRecordReader(ReadOptions.defaults().withEncoding(SpinEncoding.PLUS_MINUS_ONE));
        assertThrows(IllegalStateException.class, rr::hasNext, "not initialised");
        rr.initialize(new FileSplit(dir.toFile()));
        assertTrue(rr.batchesSupported() && rr.resetSupported());
        List<Writable> r = rr.next();
        assertEquals(5, r.size());
        INDArray s = assertInstanceOf(NDArrayWritable.class, r.get(0)).get();
        assertArrayEquals(new long[] {1, 64}, s.shape());
        assertEquals(DataType.FLOAT, s.dataType());
        byte[] expected = TestDatasets.row(0, 64);
        double[] got = s.toDoubleVector();
        for (int k = 0; k < 64; k++) {
            assertEquals(expected[k], got[k], 0.0);
        }
        assertEquals(2.0, assertInstanceOf(DoubleWritable.class, r.get(1)).get());
        assertEquals(8, assertInstanceOf(IntWritable.class, r.get(2)).get());
        assertEquals("ising-lr", assertInstanceOf(Text.class, r.get(3)).toString());
        assertEquals(1.25, assertInstanceOf(DoubleWritable.class, r.get(4)).get());
        assertEquals(List.of("2.0", "3.0"), rr.getLabels());
        assertThrows(UnsupportedOperationException.class, () -> rr.record(dir.toUri(), null));
        rr.close();
    }

    @Test
    void batchesHasNextAndReset() throws Exception {
        SpinRecordReader rr = new SpinRecordReader();
        rr.initialize(new FileSplit(dir.toFile()));
        List<List<Writable>> b = rr.next(17);
        SpinRecordBatch batch = assertInstanceOf(SpinRecordBatch.class, b);
        assertEquals(17, batch.size());
        assertArrayEquals(new long[] {17, 64}, batch.spins().shape());
        assertEquals(TestDatasets.indexOf(spins(batch.get(16).get(0))), 16);
        assertEquals(0.0, batch.spins().minNumber().doubleValue(), 0.0, "zero-one by default");
        int seen = 17;
        while (rr.hasNext()) {
            seen += rr.next(17).size();
        }
        assertEquals(50, seen);
        assertThrows(NoSuchElementException.class, rr::next);
        assertThrows(NoSuchElementException.class, () -> rr.next(3));
        rr.reset();
        assertTrue(rr.hasNext());
        assertEquals(0, TestDatasets.indexOf(spins(rr.next().get(0))));
        assertEquals(50, rr.numRecords());
    }

    @Test
    void metadataLoadsTheSameRecord() throws Exception {
        SpinRecordReader rr = new SpinRecordReader(dir);
        rr.next(20);
        Record rec = rr.nextRecord();
        assertEquals(20, TestDatasets.indexOf(spins(rec.getRecord().get(0))));
        assertTrue(rec.getMetaData().getURI().toString().endsWith("spins-00001.npy"));
        Record again = rr.loadFromMetaData(rec.getMetaData());
        assertArrayEquals(spins(rec.getRecord().get(0)), spins(again.getRecord().get(0)), 0.0);
        assertEquals(rec.getRecord().get(1), again.getRecord().get(1));
    }

    @Test
    void optionsFromADataVecConfiguration() throws Exception {
        Configuration conf = new Configuration();
        conf.set(SpinRecordReader.ENCODING, "plus-minus-one");
        conf.set(SpinRecordReader.DATA_TYPE, "double");
        conf.set(SpinRecordReader.TEMPERATURES, "3.0");
        conf.set(SpinRecordReader.SHUFFLE_SEED, "99");
        SpinRecordReader rr = new SpinRecordReader();
        rr.initialize(conf, new FileSplit(dir.toFile()));
        SpinRecordBatch batch = rr.nextBatch(100);
        assertFalse(rr.hasNext());
        assertEquals(20, batch.size());
        assertEquals(DataType.DOUBLE, batch.spins().dataType());
        assertEquals(-1.0, batch.spins().minNumber().doubleValue(), 0.0);
        assertTrue(java.util.Arrays.stream(batch.temperatures()).allMatch(t -> t == 3.0));
        assertTrue(rr.options().shuffle());
    }

    @Test
    void recordWriterRoundTrip() throws Exception {
        Path copy = root.resolve("copy");
        SpinRecordReader rr = new SpinRecordReader(dir);
        DatasetLabels labels = rr.dataset().labels();
        SpinRecordWriter rw = new SpinRecordWriter(labels, SpinEncoding.ZERO_ONE, 1000);
        rw.initialize(new FileSplit(copy.toFile()), null);
        rw.writeBatch(rr.next(10));
        while (rr.hasNext()) {
            rw.write(rr.next());
        }
        rw.write(List.of(new NDArrayWritable(Nd4j.ones(DataType.FLOAT, 8, 8)), new DoubleWritable(4.0)));
        rw.close();
        SpinDataset back = SpinDataset.open(copy);
        assertEquals(51, back.numConfigurations());
        assertEquals(List.of(30L, 20L, 1L), back.shards().stream().map(ShardInfo::count).toList());
        assertEquals(labels, back.labels());
        SpinRecordReader again = new SpinRecordReader(back, ReadOptions.defaults());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, TestDatasets.indexOf(spins(again.next().get(0))));
        }
        assertEquals(64.0, ((NDArrayWritable) again.next().get(0)).get().sumNumber().doubleValue(), 0.0);
    }

    @Test
    void recordWriterRejectsValuesOutsideItsEncoding() throws Exception {
        SpinRecordWriter rw = new SpinRecordWriter(TestDatasets.LABELS, SpinEncoding.PLUS_MINUS_ONE, 10);
        rw.initialize(new FileSplit(root.resolve("bad").toFile()), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rw.write(
                List.of(new NDArrayWritable(Nd4j.zeros(DataType.FLOAT, 1, 64)), new DoubleWritable(2.0))));
        assertTrue(e.getMessage().contains("expected -1 or +1"), e.getMessage());
    }
}
