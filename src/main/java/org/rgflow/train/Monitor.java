package org.rgflow.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.ExactRbm;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.RbmMetrics;

/**
 * Per-epoch metrics of a layer on fixed monitoring rows (see {@link EpochMetrics}): up to
 * {@link TrainingOptions#monitorExamples()} rows drawn uniformly from all training rows, and as many from the
 * held-out rows, once per layer.
 */
final class Monitor {

    /** Above this many visible units the pseudo-likelihood uses one random site per row. */
    static final int EXACT_PLL_MAX_VISIBLE = 64;

    private Monitor() {
    }

    /**
     * A uniformly random subset of {@code max} rows of one whole pass of {@code it} (all rows if it has fewer), by
     * reservoir sampling (Vitter's algorithm R), so the monitoring rows do not depend on the iterator's order:
     * a file-ordered or badly shuffled pass still gives every row the same chance. Cost: one pass; memory
     * {@code max} rows.
     *
     * @return features [min(max, rows), cols] in the iterator's dtype; null if the pass is empty
     */
    static INDArray randomRows(DataSetIterator it, int max, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] reservoir = new double[max][];
        long seen = 0;
        DataType dtype = null;
        while (it.hasNext()) {
            INDArray f = it.next().getFeatures();
            dtype = f.dataType();
            double[][] rows = f.toDoubleMatrix();
            for (double[] row : rows) {
                long slot = seen < max ? seen : rng.nextLong(seen + 1);
                if (slot < max) {
                    reservoir[(int) slot] = row;
                }
                seen++;
            }
        }
        if (seen == 0) {
            return null;
        }
        double[][] kept = seen < max ? Arrays.copyOf(reservoir, (int) seen) : reservoir;
        return Nd4j.create(kept).castTo(dtype);
    }

    static EpochMetrics evaluate(Rbm rbm, INDArray train, INDArray heldOut, TrainingOptions o, int layer, int epoch,
            double seconds) {
        double recon = RbmMetrics.reconstructionError(rbm, train);
        double pll;
        if (rbm.numVisible() <= EXACT_PLL_MAX_VISIBLE) {
            pll = RbmMetrics.pseudoLogLikelihood(rbm, train);
        } else {
            try (Random rng = Bernoulli.newRandom(TrainingSeeds.monitorSeed(o.seed(), layer, epoch))) {
                pll = RbmMetrics.pseudoLogLikelihood(rbm, train, rng);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        double fTrain = RbmMetrics.meanFreeEnergy(rbm, train);
        double fHeld = heldOut == null ? Double.NaN : RbmMetrics.meanFreeEnergy(rbm, heldOut);
        double llTrain = Double.NaN;
        double llHeld = Double.NaN;
        if (o.exactLikelihoodMaxUnits() > 0 && ExactRbm.isTractable(rbm, o.exactLikelihoodMaxUnits())) {
            double logZ = ExactRbm.logPartition(rbm);
            llTrain = ExactRbm.logLikelihood(rbm, train, logZ);
            llHeld = heldOut == null ? Double.NaN : ExactRbm.logLikelihood(rbm, heldOut, logZ);
        }
        return new EpochMetrics(layer, epoch, o.epochs(), recon, pll, fTrain, fHeld, llTrain, llHeld, seconds);
    }
}
