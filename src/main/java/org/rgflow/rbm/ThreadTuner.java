package org.rgflow.rbm;

import java.util.Arrays;

/**
 * Picks 1 or 2 BLAS threads for the CD kernel by measuring, because which is faster depends on what else the
 * machine runs: two OpenBLAS threads are 1.4&times; faster on an idle 2-core machine at 1024 &times; 256, but 2.7&times;
 * slower than one while another process keeps a core busy (its threads spin at barriers; docs/benchmarks.md).
 *
 * <p>A measurement alternates the two counts for 2 &times; {@value #WINDOW} steps (after a pair to settle) and
 * compares the medians of their step times, so a load that changes during the measurement hits both alike; two
 * threads are kept only if at least 5 % faster. The choice holds for {@value #PERIOD} steps; while one thread keeps
 * winning the period doubles up to {@value #MAX_PERIOD}, since each measurement on a busy machine costs a few slow
 * steps. While two threads run, three steps in a row slower than 1.5 &times; the one-thread median start a new
 * measurement at once (load arrived). The thread count does not change results: OpenBLAS splits a GEMM by rows
 * and columns, never along the summed dimension (tested bit for bit). Not thread-safe; one per kernel.
 */
final class ThreadTuner {

    /** Timed steps per count in a measurement. */
    static final int WINDOW = 8;
    /** Steps run at the chosen count between measurements. */
    static final int PERIOD = 256;
    /** The longest period, reached after one thread won several measurements in a row. */
    static final int MAX_PERIOD = 8192;
    private static final int SETTLE = 2;
    private static final double KEEP_TWO = 0.95;
    private static final double SLOW = 1.5;
    private static final int SLOW_STEPS = 3;

    private final boolean enabled;
    private boolean measuring;
    private int step;
    private int chosen = 1;
    private int lastThreads = 1;
    private int left;
    private int period = PERIOD;
    private int slowStreak;
    private long lastClock = Long.MIN_VALUE;
    private final long[][] samples = new long[2][WINDOW];
    private final int[] count = new int[2];
    private final double[] median = {Double.NaN, Double.NaN};

    /** @param max the most threads to use (2 on a 2-core machine; 1 disables tuning) */
    ThreadTuner(int max) {
        this.enabled = max >= 2;
        this.measuring = enabled;
    }

    /** The thread count for the next step. */
    int threads() {
        lastThreads = measuring ? 1 + step % 2 : chosen;
        return lastThreads;
    }

    /** Records that the step just run (at the count {@link #threads()} gave) ended at clock {@code nanoTime}. */
    void stepDone(long nanoTime) {
        long duration = lastClock == Long.MIN_VALUE ? -1 : nanoTime - lastClock;
        lastClock = nanoTime;
        if (!enabled) {
            return;
        }
        if (measuring) {
            if (step >= SETTLE && duration >= 0 && count[lastThreads - 1] < WINDOW) {
                samples[lastThreads - 1][count[lastThreads - 1]++] = duration;
            }
            step++;
            if (count[0] == WINDOW && count[1] == WINDOW) {
                decide();
            } else if (step > SETTLE + 4 * WINDOW) {
                decide(); // durations were missing (first step): decide on what there is
            }
            return;
        }
        if (chosen == 2 && duration >= 0) {
            slowStreak = duration > SLOW * median[0] ? slowStreak + 1 : 0;
        }
        if (--left <= 0 || slowStreak >= SLOW_STEPS) {
            startMeasuring();
        }
    }

    private void decide() {
        for (int t = 0; t < 2; t++) {
            median[t] = count[t] == 0 ? Double.NaN : medianOf(samples[t], count[t]);
        }
        chosen = median[1] < KEEP_TWO * median[0] ? 2 : 1;
        period = chosen == 2 ? PERIOD : Math.min(MAX_PERIOD, 2 * period);
        left = period;
        slowStreak = 0;
        measuring = false;
    }

    private void startMeasuring() {
        measuring = true;
        step = 0;
        count[0] = 0;
        count[1] = 0;
    }

    private static double medianOf(long[] values, int n) {
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    /** Median step time at {@code threads} in the last measurement (NaN before one). */
    double lastMedianNanos(int threads) {
        return median[threads - 1];
    }
}
