package org.rgflow.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar per layer (me.tongfei.progressbar): epochs done of planned, elapsed time and ETA, and
 * the last epoch's metrics (reconstruction error, per-spin pseudo-LL, free-energy gap, exact LL when known).
 */
public final class ProgressListener implements RbmTrainingListener {

    private final PrintStream out;
    private ProgressBar bar;

    public ProgressListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onLayerStart(int layer, int epochsDone, int epochs, long batchesPerEpoch) {
        close();
        bar = new ProgressBarBuilder().setTaskName("layer " + layer).setInitialMax(epochs).startsFrom(epochsDone,
                java.time.Duration.ZERO).setStyle(ProgressBarStyle.ASCII).setUnit(" epochs", 1)
                .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(500).build();
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        if (bar == null) {
            return;
        }
        String extra = String.format(Locale.ROOT, "recon %.4f pll %.4f gap %.3f", m.reconstructionError(),
                m.pseudoLogLikelihood(), m.freeEnergyGap());
        if (!Double.isNaN(m.logLikelihoodTrain())) {
            extra += String.format(Locale.ROOT, " ll %.4f", m.logLikelihoodTrain());
        }
        bar.stepTo(m.epoch());
        bar.setExtraMessage(extra);
    }

    @Override
    public void onLayerEnd(int layer) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
