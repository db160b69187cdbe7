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
    /** Kept rows [first, end) of each shard ({@link ReadOptions#withRows}), indexed by dataset shard. */
    protected final long[] first;
    protected final long[] end;

    RowSource(SpinDataset dataset, int[] shards, ReadOptions options) {
        this.dataset = dataset;
        this.shards = shards.clone();
        this.numSites = dataset.numSites();
        this.channels = new ShardChannels(dataset);
        int n = dataset.shards().size();
        this.first = new long[n];
        this.end = new long[n];
        for (int i = 0; i < n; i++) {
            long count = dataset.shards().get(i).count();
            first[i] = options.firstRow(count);
            end[i] = options.endRow(count);
        }
    }

    /** A pass over {@code shards} (indices into the dataset's shard list) for the given epoch. */
    static RowSource create(SpinDataset dataset, int[] shards, ReadOptions options, long epoch) {
        return options.shuffle() ? new ShuffledRowSource(dataset, shards, options, epoch)
                : new Sequential(dataset, shards, options);
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

        Sequential(SpinDataset dataset, int[] shards, ReadOptions options) {
            super(dataset, shards, options);
            skipEmpty();
        }

        /** Moves to the first shard (from shardPos on) with rows left, positioned at its first kept row. */
        private void skipEmpty() {
            while (shardPos < this.shards.length && first[this.shards[shardPos]] >= end[this.shards[shardPos]]) {
                shardPos++;
            }
            row = shardPos < this.shards.length ? first[this.shards[shardPos]] : 0;
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
                long count = end[shard];
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
                    skipEmpty();
                }
            }
            return n;
        }
    }
}
