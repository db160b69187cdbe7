package org.rgflow.data;

import java.util.SplittableRandom;

/**
 * Counts of rows still to be drawn from each of n sources, with a draw that picks source s with
 * probability remaining(s) / remaining() and takes one row from it. Drawing until empty yields a
 * uniformly random interleaving of the sources (every arrangement of the multiset of source labels
 * equally likely), so any window of b draws holds a multivariate-hypergeometric mix of the sources.
 *
 * <p>A Fenwick (binary indexed) tree over the counts: {@link #draw} costs O(log n), memory n longs.
 */
final class RemainingRows {

    private final long[] tree;
    private final int highestBit;
    private long total;

    /** @param counts rows per source, each &ge; 0 */
    RemainingRows(long[] counts) {
        int n = counts.length;
        this.tree = new long[n + 1];
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative row count " + counts[i] + " for source " + i);
            }
            total += counts[i];
            for (int j = i + 1; j <= n; j += j & -j) {
                tree[j] += counts[i];
            }
        }
        this.highestBit = n == 0 ? 0 : Integer.highestOneBit(n);
    }

    /** Rows left over all sources. */
    long remaining() {
        return total;
    }

    /** Draws a source with probability proportional to its remaining rows and takes one row from it. */
    int draw(SplittableRandom rng) {
        if (total <= 0) {
            throw new IllegalStateException("no rows left to draw");
        }
        long target = rng.nextLong(total);
        // Fenwick descent: the smallest index whose prefix sum exceeds target.
        int pos = 0;
        for (int step = highestBit; step > 0; step >>= 1) {
            int next = pos + step;
            if (next < tree.length && tree[next] <= target) {
                pos = next;
                target -= tree[next];
            }
        }
        for (int j = pos + 1; j < tree.length; j += j & -j) {
            tree[j]--;
        }
        total--;
        return pos;
    }
}
