package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/** The tuner measures both counts, keeps the faster, measures again, and reacts to load (simulated clock). */
class ThreadTunerTest {

    private static final int MEASUREMENT = 3 * (ThreadTuner.WINDOW + 1);

    private long clock;

    /** Runs {@code steps} steps whose duration the cost function gives per thread count; returns the counts used. */
    private List<Integer> run(ThreadTuner tuner, int steps, IntToLongFunction cost) {
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int t = tuner.threads();
            used.add(t);
            clock += cost.applyAsLong(t);
            tuner.stepDone(clock);
        }
        return used;
    }

    @Test
    void keepsTwoThreadsOnlyWhenTheyAreFaster() {
        ThreadTuner idle = new ThreadTuner(2);
        List<Integer> a = run(idle, MEASUREMENT + ThreadTuner.PERIOD, t -> t == 1 ? 3_000 : 2_000);
        int b = ThreadTuner.WINDOW + 1;
        assertEquals(List.of(1, 2, 1), List.of(a.get(0), a.get(b), a.get(2 * b)), "blocks at 1, 2, 1 threads");
        assertEquals(2, a.get(MEASUREMENT), "two threads were faster");
        assertEquals(3_000, idle.lastMedianNanos(1), 1e-9);
        assertEquals(2_000, idle.lastMedianNanos(2), 1e-9);

        ThreadTuner busy = new ThreadTuner(2);
        assertEquals(1, run(busy, MEASUREMENT + 10, t -> t == 1 ? 3_000 : 8_000).get(MEASUREMENT));
        ThreadTuner tie = new ThreadTuner(2);
        assertEquals(1, run(tie, MEASUREMENT + 10, t -> t == 1 ? 3_000 : 2_800).get(MEASUREMENT),
                "two threads must be at least 10 % faster");
    }

    /** Load arriving while two threads run: three slow steps in a row start a measurement, which picks one. */
    @Test
    void reactsToLoadWithinAFewSteps() {
        ThreadTuner tuner = new ThreadTuner(2);
        run(tuner, MEASUREMENT + 10, t -> t == 1 ? 3_000 : 2_000);
        List<Integer> loaded = run(tuner, 3 + MEASUREMENT + 5, t -> t == 1 ? 3_000 : 8_000);
        assertEquals(List.of(2, 2, 2), loaded.subList(0, 3), "still two threads until three slow steps");
        assertEquals(List.of(1, 1, 1, 1, 1), loaded.subList(3 + MEASUREMENT, loaded.size()));
    }

    /** While one thread keeps winning, measurements get rarer: the period doubles up to MAX_PERIOD. */
    @Test
    void measuresLessOftenWhileOneThreadKeepsWinning() {
        ThreadTuner tuner = new ThreadTuner(2);
        int steps = 200_000;
        List<Integer> used = run(tuner, steps, t -> t == 1 ? 3_000 : 8_000);
        int measurements = (int) used.stream().filter(t -> t == 2).count() / (ThreadTuner.WINDOW + 1);
        int expected = 0;
        int at = 0;
        int period = ThreadTuner.PERIOD;
        while (at < steps) {
            expected++;
            period = Math.min(ThreadTuner.MAX_PERIOD, 2 * period);
            at += MEASUREMENT + period;
        }
        assertEquals(expected, measurements, "one measurement per (doubling) period");
        assertTrue(measurements < 40, "at most a few per 100,000 steps once the period is long");
    }

    @Test
    void aNewTunerOfTheSameWorkloadStartsFromTheLastChoice() {
        String workload = "test-" + System.nanoTime();
        run(new ThreadTuner(2, workload), MEASUREMENT, t -> t == 1 ? 3_000 : 2_000);
        List<Integer> next = run(new ThreadTuner(2, workload), 5, t -> t == 1 ? 3_000 : 2_000);
        assertEquals(List.of(2, 2, 2, 2, 2), next, "no measurement first");
    }

    @Test
    void oneCoreNeverTunes() {
        assertEquals(List.of(1, 1, 1), run(new ThreadTuner(1), 3, t -> 1));
    }
}
