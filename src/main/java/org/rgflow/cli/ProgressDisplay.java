package org.rgflow.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rgflow.mc.ScanListener;
import org.rgflow.mc.TemperatureResult;

/**
 * A progress bar per temperature (sweeps done, rate, ETA) on stderr. On a terminal it redraws in
 * place; otherwise (CI, pipes) it prints a line every 10 s. {@code quiet} disables it.
 */
final class ProgressDisplay implements ScanListener, AutoCloseable {

    private final boolean quiet;
    private final int numTemperatures;
    private ProgressBar bar;

    ProgressDisplay(boolean quiet, int numTemperatures) {
        this.quiet = quiet;
        this.numTemperatures = numTemperatures;
    }

    @Override
    public void temperatureStarted(int index, double temperature, long totalSweeps) {
        if (quiet) {
            return;
        }
        if (bar != null && bar.getTaskName().startsWith(String.format("T[%d/", index + 1))) {
            bar.maxHint(bar.getCurrent() + totalSweeps); // the pilot run fixed the remaining length
            return;
        }
        closeBar();
        boolean terminal = System.console() != null;
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(String.format("T[%d/%d]=%.4g", index + 1, numTemperatures, temperature))
                .setInitialMax(Math.max(1, totalSweeps))
                .setUnit(" sweeps", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed();
        if (terminal) {
            b.setUpdateIntervalMillis(250);
        } else {
            b.setUpdateIntervalMillis(10_000).setConsumer(new DelegatingProgressBarConsumer(System.err::println));
        }
        bar = b.build();
    }

    @Override
    public void sweepsDone(long sweeps) {
        if (bar != null) {
            bar.stepBy(sweeps);
        }
    }

    @Override
    public void temperatureFinished(TemperatureResult result) {
        closeBar();
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
