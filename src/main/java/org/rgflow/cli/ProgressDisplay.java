package org.rgflow.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rgflow.mc.ScanListener;
import org.rgflow.mc.TemperatureResult;

/**
 * Progress of a temperature scan on stderr. On a terminal: a bar per temperature (sweeps done,
 * rate, ETA), redrawn in place. Otherwise (CI, pipes, files): one line when a temperature finishes,
 * and a status line at most every 30 s while a long one runs. {@code quiet} disables both.
 */
final class ProgressDisplay implements ScanListener, AutoCloseable {

    private static final long STATUS_INTERVAL_NANOS = 30_000_000_000L;

    private final boolean quiet;
    private final boolean terminal;
    private final int numTemperatures;
    private final String prefix;
    private final PrintStream err = System.err;
    private ProgressBar bar;
    private String label = "";
    private long done;
    private long total;
    private long lastStatus;

    ProgressDisplay(boolean quiet, int numTemperatures) {
        this(quiet, numTemperatures, "");
    }

    /** @param prefix put before every label, e.g. {@code "coarse L=32 "} (one display per lattice size) */
    ProgressDisplay(boolean quiet, int numTemperatures, String prefix) {
        this.quiet = quiet;
        this.terminal = System.console() != null;
        this.numTemperatures = numTemperatures;
        this.prefix = prefix;
    }

    @Override
    public void temperatureStarted(int index, double temperature, long totalSweeps) {
        if (quiet) {
            return;
        }
        String next = prefix + String.format(Locale.ROOT, "T[%d/%d]=%.4g", index + 1, numTemperatures, temperature);
        if (next.equals(label)) {
            total = done + totalSweeps; // the pilot run fixed the remaining length
            if (bar != null) {
                bar.maxHint(total);
            }
            return;
        }
        closeBar();
        label = next;
        done = 0;
        total = Math.max(1, totalSweeps);
        lastStatus = System.nanoTime();
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total).setUnit(" sweeps", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build();
        }
    }

    @Override
    public void sweepsDone(long sweeps) {
        done += sweeps;
        if (bar != null) {
            bar.stepBy(sweeps);
        } else if (!quiet && System.nanoTime() - lastStatus > STATUS_INTERVAL_NANOS) {
            lastStatus = System.nanoTime();
            err.printf(Locale.ROOT, "%s: %d/%d sweeps%n", label, done, total);
        }
    }

    @Override
    public void temperatureFinished(TemperatureResult result) {
        closeBar();
        if (!quiet && !terminal) {
            err.printf(Locale.ROOT, "%s done: %s, %d configurations, thinning %d, %.1f s%n", label, result.rule(),
                    result.configurations(), result.sweepsBetweenSamples(), result.seconds());
        }
        label = "";
    }

    private void closeBar() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
