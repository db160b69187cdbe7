package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The counter-based Bernoulli draws: exact at p = 0 and 1, the right mean, no correlation between neighbouring
 * elements or between calls with different keys. Error model: draws are independent Bernoulli(p) under the null,
 * so a mean of n draws has standard error sqrt(p(1-p)/n) and a sample correlation of n pairs about 1/sqrt(n);
 * every check is at |z| < 5 (two-sided alpha 6e-7 each).
 */
class CounterBernoulliTest {

    private static final int N = 1 << 20;
    private static final long KEY_SEED = 20261208L;

    @Test
    void extremesAreExactAndTheMeanIsP() {
        CounterBernoulli b = new CounterBernoulli();
        SplittableRandom keys = new SplittableRandom(KEY_SEED);
        float[] out = new float[N];
        float[] p = new float[N];
        b.sample(p, out, N, keys.nextLong(), 0);
        assertEquals(0.0, sum(out), "p = 0 never fires");
        Arrays.fill(p, 1f);
        b.sample(p, out, N, keys.nextLong(), 0);
        assertEquals(N, sum(out), "p = 1 always fires");
        for (float q : new float[] {1e-4f, 0.3f, 0.5f, 0.9f}) {
            Arrays.fill(p, q);
            b.sample(p, out, N, keys.nextLong(), 0);
            double mean = sum(out) / N;
            double se = Math.sqrt(q * (1 - q) / N);
            assertTrue(Math.abs(mean - q) < 5 * se, "p = " + q + ": mean " + mean + " ± " + se);
            for (float x : out) {
                assertTrue(x == 0f || x == 1f);
            }
        }
    }

    @Test
    void neighboursAndCallsAreUncorrelated() {
        CounterBernoulli b = new CounterBernoulli();
        SplittableRandom keys = new SplittableRandom(KEY_SEED + 1);
        float[] p = new float[N];
        Arrays.fill(p, 0.5f);
        float[] first = new float[N];
        float[] second = new float[N];
        long key = keys.nextLong();
        b.sample(p, first, N, key, 0);
        b.sample(p, second, N, keys.nextLong(), 0);
        double se = 1 / Math.sqrt(N);
        for (int lag : new int[] {1, 2, 7, 64, 1024}) {
            double r = correlation(first, 0, first, lag, N - lag);
            assertTrue(Math.abs(r) < 5 * se, "lag " + lag + ": r = " + r);
        }
        double across = correlation(first, 0, second, 0, N);
        assertTrue(Math.abs(across) < 5 * se, "two keys: r = " + across);
        float[] again = new float[N];
        b.sample(p, again, N, key, 0);
        assertTrue(Arrays.equals(first, again), "same key, same draws");
        float[] blocks = new float[N];
        float[] part = new float[1000];
        float[] pp = new float[1000];
        Arrays.fill(pp, 0.5f);
        for (int at = 0; at < N; at += 1000) {
            int n = Math.min(1000, N - at);
            b.sample(pp, part, n, key, at);
            System.arraycopy(part, 0, blocks, at, n);
        }
        assertTrue(Arrays.equals(first, blocks), "a stream cut into blocks draws the same numbers");
        assertNotEquals(sum(first), sum(second));
    }

    private static double sum(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    private static double correlation(float[] x, int ox, float[] y, int oy, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[ox + i];
            my += y[oy + i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[ox + i] - mx;
            double dy = y[oy + i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
