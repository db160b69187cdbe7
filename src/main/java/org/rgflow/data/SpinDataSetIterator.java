package org.rgflow.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J {@link DataSetIterator} over a spin dataset, built on {@link SpinRecordReader}. Each
 * {@link DataSet} has features [batch, numSites] (FLOAT by default; {0,1} or &plusmn;1) and labels
 * either the temperature [batch, 1] or, with {@link Builder#labelsOneHot(boolean)}, a one-hot
 * [batch, numTemperatures] over the dataset's ascending temperature list ({@link #getLabels()}),
 * as a thermometer needs. The last batch of a pass may be smaller. Streams: memory is the batch
 * plus the shuffle buffer. Not thread-safe; {@code AsyncDataSetIterator} may wrap it.
 *
 * <pre>{@code
 * DataSetIterator it = SpinDataSetIterator.builder(Path.of("datasets/ising2d-L16"))
 *         .batchSize(1000).encoding(SpinEncoding.ZERO_ONE).shuffle(20240611L).temperatures(2.2692).build();
 * }</pre>
 */
public final class SpinDataSetIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final transient SpinRecordReader reader;
    private final int batchSize;
    private final boolean oneHot;
    private final List<Double> classes;
    private final Map<Double, Integer> classIndex = new HashMap<>();
    private DataSetPreProcessor preProcessor;

    private SpinDataSetIterator(SpinRecordReader reader, int batchSize, boolean oneHot,
            DataSetPreProcessor preProcessor) {
        this.reader = reader;
        this.batchSize = batchSize;
        this.oneHot = oneHot;
        this.preProcessor = preProcessor;
        this.classes = reader.dataset().temperatures();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }
    }

    /** A builder that opens and verifies {@code dir} when {@link Builder#build()} is called. */
    public static Builder builder(Path dir) {
        return new Builder(dir, null);
    }

    /** A builder on an already opened dataset. */
    public static Builder builder(SpinDataset dataset) {
        return new Builder(null, dataset);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches; call reset() to start a new pass");
        }
        SpinRecordBatch batch = reader.nextBatch(num);
        DataType dtype = reader.options().dataType();
        INDArray labels = oneHot ? oneHot(batch.temperatures(), dtype) : batch.temperatureColumn(dtype);
        DataSet ds = new DataSet(batch.spins(), labels);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    private INDArray oneHot(double[] temps, DataType dtype) {
        int k = classes.size();
        float[] v = new float[temps.length * k];
        for (int i = 0; i < temps.length; i++) {
            v[i * k + classIndex.get(temps[i])] = 1f;
        }
        return Nd4j.create(v, new long[] {temps.length, k}, DataType.FLOAT).castTo(dtype);
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
    }

    /** numSites. */
    @Override
    public int inputColumns() {
        return reader.dataset().numSites();
    }

    /** 1 (temperature), or the number of temperatures with one-hot labels. */
    @Override
    public int totalOutcomes() {
        return oneHot ? classes.size() : 1;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    /** Starts a new pass (same order unless {@link Builder#reshuffleEachEpoch(boolean)}). */
    @Override
    public void reset() {
        reader.reset();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    /** The dataset's temperatures, ascending, as strings (the one-hot classes). */
    @Override
    public List<String> getLabels() {
        return classes.stream().map(String::valueOf).toList();
    }

    /** Configurations per pass (after the temperature filter). */
    public long numExamples() {
        return reader.numRecords();
    }

    /** The underlying DataVec reader. */
    public SpinRecordReader reader() {
        return reader;
    }

    /** Options for {@link SpinDataSetIterator}; defaults: batch 100, {0,1}, FLOAT, no shuffling. */
    public static final class Builder {
        private final Path dir;
        private final SpinDataset dataset;
        private ReadOptions options = ReadOptions.defaults();
        private int batchSize = 100;
        private boolean oneHot;
        private DataSetPreProcessor preProcessor;

        private Builder(Path dir, SpinDataset dataset) {
            this.dir = dir;
            this.dataset = dataset;
        }

        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + size);
            }
            this.batchSize = size;
            return this;
        }

        public Builder encoding(SpinEncoding encoding) {
            options = options.withEncoding(encoding);
            return this;
        }

        /** FLOAT (default) or DOUBLE, for features and labels. */
        public Builder dataType(DataType dataType) {
            options = options.withDataType(dataType);
            return this;
        }

        /** Shuffle with an explicit seed (see {@link ReadOptions} for the scheme). */
        public Builder shuffle(long seed) {
            options = options.withShuffle(seed);
            return this;
        }

        /** Rows in the shuffle buffer (default: 64 MiB worth, capped at the dataset size). */
        public Builder shuffleBufferRows(int rows) {
            options = options.withShuffleBufferRows(rows);
            return this;
        }

        /** Whether each reset draws a new permutation (default false: every pass is identical). */
        public Builder reshuffleEachEpoch(boolean b) {
            options = options.withReshuffleEachEpoch(b);
            return this;
        }

        /** Keep only these temperatures (each must exist in the dataset). */
        public Builder temperatures(double... temps) {
            options = options.withTemperatures(java.util.Arrays.stream(temps).boxed().toList());
            return this;
        }

        public Builder temperatures(java.util.Collection<Double> temps) {
            options = options.withTemperatures(temps);
            return this;
        }

        /**
         * Only rows [round(from&middot;n), round(to&middot;n)) of every shard of n rows (default [0, 1)): a
         * deterministic split stratified by temperature; [0, 1&minus;f) and [1&minus;f, 1) give disjoint training
         * and held-out parts that together hold every row. Rows of a Monte Carlo shard are in sampling order, so
         * the held-out part is the end of each temperature's chains.
         */
        public Builder rows(double from, double to) {
            options = options.withRows(from, to);
            return this;
        }

        /** Absolute tolerance of the temperature filter (default {@value ReadOptions#DEFAULT_TOLERANCE}). */
        public Builder temperatureTolerance(double tol) {
            options = options.withTemperatureTolerance(tol);
            return this;
        }

        /** Labels one-hot over the dataset's temperatures instead of the temperature value. */
        public Builder labelsOneHot(boolean b) {
            this.oneHot = b;
            return this;
        }

        public Builder preProcessor(DataSetPreProcessor p) {
            this.preProcessor = p;
            return this;
        }

        /** Replaces all read options at once. */
        public Builder options(ReadOptions o) {
            this.options = java.util.Objects.requireNonNull(o, "options");
            return this;
        }

        /** Opens (and verifies, if built from a path) the dataset and returns the iterator. */
        public SpinDataSetIterator build() {
            SpinDataset ds = dataset != null ? dataset : SpinDataset.open(dir);
            return new SpinDataSetIterator(new SpinRecordReader(ds, options), batchSize, oneHot, preProcessor);
        }
    }
}
