package org.rgflow.observable;

import java.util.function.ToDoubleFunction;

/**
 * Delete-one-block jackknife for a (possibly nonlinear) function of block means.
 *
 * <p>Given B blocks each summarised by a vector of means, f is evaluated on all blocks and on each
 * leave-one-out set; error&sup2; = (B-1)/B &Sigma;_b (f_(b) - f&#772;)&sup2;. The bias-corrected value
 * B f - (B-1) f&#772; is not used: the plain all-data value is returned (the bias is O(1/n)).
 * Cost O(B k) for k means per block plus B+1 evaluations of f.
 */
public final class Jackknife {

    private Jackknife() {
    }

    /**
     * @param blockSums [blocks][k] sums of k primary quantities over each block
     * @param blockCounts [blocks] samples in each block (all &gt; 0)
     * @param f function of the k pooled means
     * @return {value, error}
     */
    public static double[] estimate(double[][] blockSums, long[] blockCounts, ToDoubleFunction<double[]> f) {
        int blocks = blockSums.length;
        if (blocks < 2) {
            throw new IllegalArgumentException("jackknife needs at least 2 blocks, got " + blocks);
        }
        int k = blockSums[0].length;
        double[] total = new double[k];
        long totalCount = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < k; j++) {
                total[j] += blockSums[b][j];
            }
            totalCount += blockCounts[b];
        }
        double[] means = new double[k];
        for (int j = 0; j < k; j++) {
            means[j] = total[j] / totalCount;
        }
        double full = f.applyAsDouble(means);
        double[] leaveOut = new double[blocks];
        double avg = 0;
        for (int b = 0; b < blocks; b++) {
            long c = totalCount - blockCounts[b];
            for (int j = 0; j < k; j++) {
                means[j] = (total[j] - blockSums[b][j]) / c;
            }
            leaveOut[b] = f.applyAsDouble(means);
            avg += leaveOut[b];
        }
        avg /= blocks;
        double var = 0;
        for (double x : leaveOut) {
            var += (x - avg) * (x - avg);
        }
        var *= (blocks - 1.0) / blocks;
        return new double[] {full, Math.sqrt(var)};
    }
}
