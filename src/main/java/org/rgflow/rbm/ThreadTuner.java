package org.rgflow.rbm;

import java.util.Arrays;

/**
 * Picks 1 or 2 BLAS threads for the CD kernel by measuring, because which is faster depends on what else the
 * machine runs: two OpenBLAS threads are 1.4&times; faster on an idle 2-core machine at 1024 &times; 256, but 2.7&times;
 * slower than one while another process keeps a core busy (its threads spin at barriers; docs/benchmarks.md).
 *
 * <p>A measurement runs {@value #WINDOW} steps at one thread, {@value #WINDOW} at two and {@value #WINDOW} at one
 * again (each block after one step to settle: OpenBLAS wakes or parks its threads), and keeps two threads only if
 * the median at two is at least 10 % below the mean of the two one-thread medians, so a load that changes during the
 * measurement shows in the second one-thread block. Blocks, not alternating steps: switching OpenBLAS's thread
 * count every step cost more than the difference being measured (measured at 1024 &times; 64). The choice holds for {@value #PERIOD} steps; while one thread keeps
 * winning the period doubles up to {@value #MAX_PERIOD}, since each measurement on a busy machine costs a few slow
 * steps. While two threads run, three steps in a row slower than 1.5 &times; the one-thread median start a new
 * measurement at once (load arrived). The thread count does not change results: OpenBLAS splits a GEMM by rows
 * and columns, never along the summed dimension (tested bit for bit). The last choice per workload (shape, batch
 * and chain rows) is remembered in the process, so a new kernel of the same shape (the next layer run, a search
 * candidate, a benchmark repeat) starts from it and measures only after a period. Not thread-safe; one per kernel.
 */
final class ThreadTuner {

    /** Timed steps per count in a measurement. */
    static final int WINDOW = 8;
    /** Steps run at the chosen count between measurements. */
    static final int PERIOD = 256;
    /** The longest period, reached after one thread won several measurements in a row. */
    static final int MAX_PERIOD = 8192;
    private static final int BLOCK = WINDOW + 1;
    private static final double KEEP_TWO = 0.9;
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
    /** Step times of the three blocks: one thread, two threads, one thread. */
    private final long[][] samples = new long[3][WINDOW];
    private final int[] count = new int[3];
    /** Median step time at one thread (mean of both blocks) and at two. */
    private final double[] median = {Double.NaN, Double.NaN};

    private static final java.util.Map<String, Integer> LAST_CHOICE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Key of {@link #LAST_CHOICE}; null: not remembered. */
    private final String workload;

    /** @param max the most threads to use (2 on a 2-core machine; 1 disables tuning) */
    ThreadTuner(int max) {
        this(max, null);
    }

    /**
     * @param workload identifies the step's cost (e.g. "nv x nh x batch x chains"): the last choice made for it in
     *                 this process is the starting choice; null measures first
     */
    ThreadTuner(int max, String workload) {
        this.enabled = max >= 2;
        this.workload = workload;
        Integer known = workload == null ? null : LAST_CHOICE.get(workload);
        this.measuring = enabled && known == null;
        if (known != null) {
            chosen = known;
            left = PERIOD;
        }
    }

    /** The thread count for the next step. */
    int threads() {
        lastThreads = measuring ? (step / BLOCK == 1 ? 2 : 1) : chosen;
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
            int block = step / BLOCK;
            if (step % BLOCK > 0 && duration >= 0) {
                samples[block][count[block]++] = duration;
            }
            step++;
            if (step == 3 * BLOCK) {
                decide();
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
        median[0] = (medianOf(samples[0], count[0]) + medianOf(samples[2], count[2])) / 2;
        median[1] = medianOf(samples[1], count[1]);
        chosen = median[1] < KEEP_TWO * median[0] ? 2 : 1;
        period = chosen == 2 ? PERIOD : Math.min(MAX_PERIOD, 2 * period);
        if (workload != null) {
            LAST_CHOICE.put(workload, chosen);
        }
        left = period;
        slowStreak = 0;
        measuring = false;
    }

    private void startMeasuring() {
        measuring = true;
        step = 0;
        java.util.Arrays.fill(count, 0);
    }

    private static double medianOf(long[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    /** Median step time at {@code threads} in the last measurement (one thread: mean of its two blocks; NaN before). */
    double lastMedianNanos(int threads) {
        return median[threads - 1];
    }
}
