package org.rgflow.data;

import java.io.Closeable;

/**
 * A single pass over the selected rows of a dataset, in file order or shuffled
 * ({@link ShuffledRowSource}). Rows come out as raw int8 &plusmn;1 with their shard and row index.
 */
abstract class RowSource implements Closeable {

    protected final SpinDataset dataset;
    protected final int[] shards;
    protected final int numSites;
    protected final ShardChannels channels;

    RowSource(SpinDataset dataset, int[] shards) {
        this.dataset = dataset;
        this.shards = shards.clone();
        this.numSites = dataset.numSites();
        this.channels = new ShardChannels(dataset);
    }

    /** A pass over {@code shards} (indices into the dataset's shard list) for the given epoch. */
    static RowSource create(SpinDataset dataset, int[] shards, ReadOptions options, long epoch) {
        return options.shuffle() ? new ShuffledRowSource(dataset, shards, options, epoch)
                : new Sequential(dataset, shards);
    }

    abstract boolean hasNext();

    /**
     * Writes up to {@code max} rows into {@code spins} ([max, numSites] row-major) and their shard
     * index and row index within the shard into {@code shardOut} / {@code rowOut}.
     *
     * @return the number of rows written; 0 only when the pass is over
     */
    abstract int next(int max, byte[] spins, int[] shardOut, long[] rowOut);

    @Override
    public void close() {
        channels.close();
    }

    /** Shards in the given order, rows in file order. */
    static final class Sequential extends RowSource {

        private int shardPos;
        private long row;

        Sequential(SpinDataset dataset, int[] shards) {
            super(dataset, shards);
        }

        @Override
        boolean hasNext() {
            return shardPos < shards.length;
        }

        @Override
        int next(int max, byte[] spins, int[] shardOut, long[] rowOut) {
            int n = 0;
            while (n < max && shardPos < shards.length) {
                int shard = shards[shardPos];
                long count = dataset.shards().get(shard).count();
                int k = (int) Math.min(max - n, count - row);
                channels.read(shard, row, k, spins, n);
                for (int i = 0; i < k; i++) {
                    shardOut[n + i] = shard;
                    rowOut[n + i] = row + i;
                }
                n += k;
                row += k;
                if (row == count) {
                    shardPos++;
                    row = 0;
                }
            }
            return n;
        }
    }
}
