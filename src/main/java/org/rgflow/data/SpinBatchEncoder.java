package org.rgflow.data;

import java.util.List;
import org.datavec.api.writable.Writable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns raw int8 rows from a {@link RowSource} into ND4J arrays in the requested encoding and
 * dtype, reusing its staging buffers (one byte copy, one conversion loop, one copy into ND4J).
 * Staging memory: about 5 bytes per spin of the largest batch.
 */
final class SpinBatchEncoder {

    /** One record with where it came from. */
    record Located(List<Writable> record, int shard, long row) {
    }

    private final int numSites;
    private final SpinEncoding encoding;
    private final DataType dataType;
    private byte[] spins = new byte[0];
    private int[] shards = new int[0];
    private long[] rows = new long[0];
    private float[] floats = new float[0];
    private double[] doubles = new double[0];

    SpinBatchEncoder(int numSites, ReadOptions options) {
        this.numSites = numSites;
        this.encoding = options.encoding();
        this.dataType = options.dataType();
    }

    SpinRecordBatch read(RowSource source, int num, SpinDataset dataset) {
        ensureCapacity(num);
        int n = source.next(num, spins, shards, rows);
        double[] temps = new double[n];
        for (int i = 0; i < n; i++) {
            temps[i] = dataset.shards().get(shards[i]).temperature();
        }
        return new SpinRecordBatch(encode(n), temps, dataset.labels());
    }

    Located readLocated(RowSource source, SpinDataset dataset) {
        ensureCapacity(1);
        source.next(1, spins, shards, rows);
        double t = dataset.shards().get(shards[0]).temperature();
        return new Located(SpinRecordReader.record(encode(1), t, dataset.labels()), shards[0], rows[0]);
    }

    List<Writable> readRow(ShardChannels channels, int shard, long row, SpinDataset dataset) {
        long count = dataset.shards().get(shard).count();
        if (row < 0 || row >= count) {
            throw new IllegalArgumentException("row " + row + " is outside " + dataset.spinsPath(shard)
                    + " (" + count + " rows)");
        }
        ensureCapacity(1);
        channels.read(shard, row, 1, spins, 0);
        double t = dataset.shards().get(shard).temperature();
        return SpinRecordReader.record(encode(1), t, dataset.labels());
    }

    /**
     * The first {@code n} staged rows as [n, numSites] of the configured dtype and encoding. The
     * array is allocated uninitialised and filled through its host buffer (about twice as fast as
     * {@code Nd4j.create(float[], ...)}), then tagged as host-modified for device backends.
     */
    private INDArray encode(int n) {
        int len = n * numSites;
        INDArray out = Nd4j.createUninitialized(dataType, n, numSites);
        if (dataType == DataType.FLOAT) {
            if (floats.length < len) {
                floats = new float[len];
            }
            if (encoding == SpinEncoding.ZERO_ONE) {
                for (int i = 0; i < len; i++) {
                    floats[i] = (spins[i] + 1) >> 1;
                }
            } else {
                for (int i = 0; i < len; i++) {
                    floats[i] = spins[i];
                }
            }
            out.data().asNioFloat().put(floats, 0, len);
        } else {
            if (doubles.length < len) {
                doubles = new double[len];
            }
            if (encoding == SpinEncoding.ZERO_ONE) {
                for (int i = 0; i < len; i++) {
                    doubles[i] = (spins[i] + 1) >> 1;
                }
            } else {
                for (int i = 0; i < len; i++) {
                    doubles[i] = spins[i];
                }
            }
            out.data().asNioDouble().put(doubles, 0, len);
        }
        Nd4j.getAffinityManager().tagLocation(out, AffinityManager.Location.HOST);
        return out;
    }

    private void ensureCapacity(int num) {
        if (shards.length < num) {
            spins = new byte[Math.multiplyExact(num, numSites)];
            shards = new int[num];
            rows = new long[num];
        }
    }
}
