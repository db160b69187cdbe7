package org.rgflow.train;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link DataSetIterator} over an in-memory feature matrix [rows, cols] (labels = features), for tests,
 * benchmarks and data generated on the fly. With a seed, every {@code reset()} draws a new permutation from
 * {@code SplittableRandom(TrainingSeeds.child(seed, passIndex))}, so the sequence of passes is reproducible;
 * without, rows come in order. The last batch may be smaller. Not thread-safe.
 */
public final class ArrayIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final transient INDArray features;
    private final int batchSize;
    private final Long seed;
    private int[] order;
    private int cursor;
    private long pass;
    private DataSetPreProcessor preProcessor;

    /**
     * @param features  [rows, cols]
     * @param batchSize rows per batch
     * @param seed      shuffle seed, or null for the stored order
     */
    public ArrayIterator(INDArray features, int batchSize, Long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.features = features;
        this.batchSize = batchSize;
        this.seed = seed;
        permute();
    }

    private void permute() {
        int n = (int) features.rows();
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (seed != null) {
            SplittableRandom r = new SplittableRandom(TrainingSeeds.child(seed, pass));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        cursor = 0;
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches; call reset()");
        }
        int end = Math.min(cursor + num, order.length);
        int[] rows = java.util.Arrays.copyOfRange(order, cursor, end);
        cursor = end;
        INDArray f = seed == null ? features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(rows[0], end),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup() : Nd4j.pullRows(features, 1, rows);
        DataSet ds = new DataSet(f, f);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public int inputColumns() {
        return (int) features.columns();
    }

    @Override
    public int totalOutcomes() {
        return (int) features.columns();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next pass (a new permutation when seeded). */
    @Override
    public void reset() {
        pass++;
        permute();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor p) {
        this.preProcessor = p;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
