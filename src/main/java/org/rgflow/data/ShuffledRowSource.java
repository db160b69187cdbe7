package org.rgflow.data;

import java.util.SplittableRandom;

/**
 * A shuffled pass: the (shard, block) pairs are permuted, blocks stream into a bounded buffer and
 * rows are drawn from it uniformly (see {@link ReadOptions}). Every row is emitted exactly once.
 */
final class ShuffledRowSource extends RowSource {

    /** Target bytes per block read (rows of one shard, contiguous on disk). */
    private static final int BLOCK_BYTES = 1 << 16;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SplittableRandom rng;
    private final int blockRows;
    private final long[] blocks;
    private final int capacity;
    private final byte[] buffer;
    private final int[] bufShard;
    private final long[] bufRow;
    private int nextBlock;
    private int size;

    ShuffledRowSource(SpinDataset dataset, int[] shards, ReadOptions options, long epoch) {
        super(dataset, shards, options);
        this.rng = new SplittableRandom(mix(options.seed() + GOLDEN * (epoch + 1)));
        this.blockRows = Math.max(1, BLOCK_BYTES / numSites);
        long total = 0;
        long numBlocks = 0;
        for (int s : shards) {
            long count = end[s] - first[s];
            total += count;
            numBlocks += (count + blockRows - 1) / blockRows;
        }
        if (numBlocks > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many blocks to shuffle: " + numBlocks);
        }
        this.blocks = new long[(int) numBlocks];
        int b = 0;
        for (int i = 0; i < shards.length; i++) {
            long count = end[shards[i]] - first[shards[i]];
            for (long start = 0; start < count; start += blockRows) {
                blocks[b++] = ((long) i << 32) | (start / blockRows);
            }
        }
        for (int i = blocks.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            long t = blocks[i];
            blocks[i] = blocks[j];
            blocks[j] = t;
        }
        long wanted = options.shuffleBufferRows() > 0 ? options.shuffleBufferRows()
                : ReadOptions.DEFAULT_BUFFER_BYTES / numSites;
        wanted = Math.max(blockRows, Math.min(wanted, total));
        if (wanted * numSites > Integer.MAX_VALUE - 8) {
            wanted = (Integer.MAX_VALUE - 8) / numSites;
        }
        this.capacity = (int) Math.max(wanted, 1);
        this.buffer = new byte[capacity * numSites];
        this.bufShard = new int[capacity];
        this.bufRow = new long[capacity];
    }

    @Override
    boolean hasNext() {
        return size > 0 || nextBlock < blocks.length;
    }

    @Override
    int next(int max, byte[] spins, int[] shardOut, long[] rowOut) {
        int n = 0;
        while (n < max) {
            while (nextBlock < blocks.length && size + blockRows <= capacity) {
                readBlock(blocks[nextBlock++]);
            }
            if (size == 0) {
                break;
            }
            int j = rng.nextInt(size);
            System.arraycopy(buffer, j * numSites, spins, n * numSites, numSites);
            shardOut[n] = bufShard[j];
            rowOut[n] = bufRow[j];
            n++;
            size--;
            if (j != size) {
                System.arraycopy(buffer, size * numSites, buffer, j * numSites, numSites);
                bufShard[j] = bufShard[size];
                bufRow[j] = bufRow[size];
            }
        }
        return n;
    }

    private void readBlock(long block) {
        int shard = shards[(int) (block >>> 32)];
        long start = first[shard] + (block & 0xFFFFFFFFL) * blockRows;
        int k = (int) Math.min(blockRows, end[shard] - start);
        channels.read(shard, start, k, buffer, size);
        for (int i = 0; i < k; i++) {
            bufShard[size + i] = shard;
            bufRow[size + i] = start + i;
        }
        size += k;
    }

    /** SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
