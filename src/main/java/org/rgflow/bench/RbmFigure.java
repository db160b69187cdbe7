package org.rgflow.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One cell of {@code rgflow bench rbm}: the timed repetitions (warm-up excluded) of one implementation training
 * one shape at one thread setting, in wall and CPU seconds of the training loop.
 *
 * @param impl       {@link RbmTable#RGFLOW} or a peer name
 * @param threads    "1", "2", &hellip; or {@link RbmTable#AUTO}
 * @param rows       training rows per epoch
 * @param seconds    wall seconds of each timed repetition
 * @param busyCores  process CPU time over wall time of the timed runs (all threads; NaN if not measured): about
 *                   the number of cores kept busy
 */
record RbmFigure(String impl, int visible, int hidden, String threads, long rows, int epochs, List<Double> seconds,
        double busyCores) {

    RbmFigure {
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("no timed repetitions for " + impl + " " + visible + "x" + hidden);
        }
        seconds = List.copyOf(seconds);
    }

    /** Samples&middot;epochs/s of each repetition, sorted ascending. */
    double[] rates() {
        double[] r = seconds.stream().mapToDouble(s -> rows * (double) epochs / s).toArray();
        Arrays.sort(r);
        return r;
    }

    double median() {
        double[] r = rates();
        int n = r.length;
        return n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
    }

    double min() {
        return rates()[0];
    }

    double max() {
        double[] r = rates();
        return r[r.length - 1];
    }

    /** Effective GFLOP/s at {@code rate} samples&middot;epochs/s: 10&middot;V&middot;H FLOPs per sample. */
    double gflops(double rate) {
        return 10.0 * visible * hidden * rate / 1e9;
    }
}
