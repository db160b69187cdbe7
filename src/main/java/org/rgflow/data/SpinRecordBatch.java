package org.rgflow.data;

import java.util.List;
import org.datavec.api.writable.DoubleWritable;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.datavec.api.writable.batch.AbstractWritableRecordBatch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of records from {@link SpinRecordReader#next(int)}, backed by one array. Record i is
 * {@code [NDArrayWritable spins [1, numSites], DoubleWritable temperature, IntWritable length,
 * Text model, DoubleWritable sigma]} (the spins writable is a view into {@link #spins()}); use
 * {@link #spins()} and {@link #temperatures()} to avoid per-record objects.
 */
public final class SpinRecordBatch extends AbstractWritableRecordBatch {

    private final INDArray spins;
    private final double[] temperatures;
    private final DatasetLabels labels;

    SpinRecordBatch(INDArray spins, double[] temperatures, DatasetLabels labels) {
        this.spins = spins;
        this.temperatures = temperatures;
        this.labels = labels;
    }

    /** The spins, [size, numSites], FLOAT or DOUBLE in the reader's encoding. */
    public INDArray spins() {
        return spins;
    }

    /** The temperature of each row, [size] (a copy). */
    public double[] temperatures() {
        return temperatures.clone();
    }

    /** The temperatures as a column, [size, 1] of the given dtype. */
    public INDArray temperatureColumn(DataType dataType) {
        return Nd4j.create(temperatures, new long[] {temperatures.length, 1}, DataType.DOUBLE).castTo(dataType);
    }

    /** The dataset's constant labels. */
    public DatasetLabels labels() {
        return labels;
    }

    @Override
    public int size() {
        return temperatures.length;
    }

    @Override
    public List<Writable> get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("record " + index + " of a batch of " + size());
        }
        return SpinRecordReader.record(spins.getRow(index, true), temperatures[index], labels);
    }
}
