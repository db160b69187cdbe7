package org.rgflow.data;

import java.util.SplittableRandom;

/**
 * A shuffled pass over the selected rows, in two independent parts (see {@link ReadOptions}):
 * <ol>
 *   <li><b>Which shard</b> each output position comes from is a uniformly random interleaving of the
 *       shards ({@link RemainingRows}), so the shard composition of every batch is exactly that of a
 *       uniform permutation: multivariate hypergeometric, in proportion to the shards' sizes.</li>
 *   <li><b>Which row</b> of that shard: drawn uniformly from the shard's window, a buffer holding its
 *       share of the shuffle buffer (&ge; one 64 KiB block), fed with the shard's blocks in random
 *       order. When the buffer holds the whole selection every window holds its whole shard, and the
 *       pass is a uniform permutation of all selected rows.</li>
 * </ol>
 * Every row is emitted exactly once. Cost: O(log shards) per row plus the row copy; memory: the
 * shuffle buffer, plus at most one block per shard when shards outnumber the buffer's blocks.
 */
final class ShuffledRowSource extends RowSource {

    /** Target bytes per block read (rows of one shard, contiguous on disk). */
    private static final int BLOCK_BYTES = 1 << 16;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SplittableRandom rng;
    private final RemainingRows remaining;
    private final ShardWindow[] windows;

    ShuffledRowSource(SpinDataset dataset, int[] shards, ReadOptions options, long epoch) {
        super(dataset, shards, options);
        this.rng = new SplittableRandom(mix(options.seed() + GOLDEN * (epoch + 1)));
        int blockRows = Math.max(1, BLOCK_BYTES / numSites);
        long[] counts = new long[shards.length];
        long total = 0;
        for (int i = 0; i < shards.length; i++) {
            counts[i] = end[shards[i]] - first[shards[i]];
            total += counts[i];
        }
        long budget = options.shuffleBufferRows() > 0 ? options.shuffleBufferRows()
                : ReadOptions.DEFAULT_BUFFER_BYTES / numSites;
        long maxWindow = (Integer.MAX_VALUE - 8L) / numSites;
        this.windows = new ShardWindow[shards.length];
        for (int i = 0; i < shards.length; i++) {
            long share = budget >= total ? counts[i] : (long) Math.floor((double) budget * counts[i] / total);
            long capacity = Math.min(counts[i], Math.min(maxWindow, Math.max(blockRows, share)));
            windows[i] = new ShardWindow(shards[i], counts[i], blockRows, (int) capacity);
        }
        this.remaining = new RemainingRows(counts);
    }

    @Override
    boolean hasNext() {
        return remaining.remaining() > 0;
    }

    @Override
    int next(int max, byte[] spins, int[] shardOut, long[] rowOut) {
        int n = 0;
        while (n < max && remaining.remaining() > 0) {
            windows[remaining.draw(rng)].emit(spins, n, shardOut, rowOut);
            n++;
        }
        return n;
    }

    /** One shard's rows: its blocks in random order, streamed through a buffer rows are drawn from uniformly. */
    private final class ShardWindow {

        private final int shard;
        private final int blockRows;
        private final int capacity;
        private final long[] blockOrder;
        private int nextBlock;
        private byte[] buffer;
        private long[] rows;
        private int size;

        ShardWindow(int shard, long count, int blockRows, int capacity) {
            this.shard = shard;
            this.blockRows = blockRows;
            this.capacity = capacity;
            long numBlocks = (count + blockRows - 1) / blockRows;
            if (numBlocks > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shard " + dataset.spinsPath(shard) + " has too many blocks to "
                        + "shuffle: " + numBlocks);
            }
            this.blockOrder = new long[(int) numBlocks];
            for (int b = 0; b < blockOrder.length; b++) {
                blockOrder[b] = b;
            }
            for (int b = blockOrder.length - 1; b > 0; b--) {
                int j = rng.nextInt(b + 1);
                long t = blockOrder[b];
                blockOrder[b] = blockOrder[j];
                blockOrder[j] = t;
            }
        }

        /** Writes one uniformly drawn row of the window to output row {@code n}. */
        void emit(byte[] spins, int n, int[] shardOut, long[] rowOut) {
            refill();
            int j = rng.nextInt(size);
            System.arraycopy(buffer, j * numSites, spins, n * numSites, numSites);
            shardOut[n] = shard;
            rowOut[n] = rows[j];
            size--;
            if (j != size) {
                System.arraycopy(buffer, size * numSites, buffer, j * numSites, numSites);
                rows[j] = rows[size];
            }
        }

        /** Reads whole blocks while the next one fits (the capacity is at least one block, or the whole shard). */
        private void refill() {
            if (buffer == null) {
                buffer = new byte[capacity * numSites];
                rows = new long[capacity];
            }
            while (nextBlock < blockOrder.length) {
                long start = first[shard] + blockOrder[nextBlock] * blockRows;
                int k = (int) Math.min(blockRows, end[shard] - start);
                if (size + k > capacity) {
                    break;
                }
                channels.read(shard, start, k, buffer, size);
                for (int i = 0; i < k; i++) {
                    rows[size + i] = start + i;
                }
                size += k;
                nextBlock++;
            }
        }
    }

    /** SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
