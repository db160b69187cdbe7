package org.rgflow.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.ExactRbm;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.RbmMetrics;

/** Per-epoch metrics of a layer on fixed monitoring rows (see {@link EpochMetrics}). */
final class Monitor {

    /** Above this many visible units the pseudo-likelihood uses one random site per row. */
    static final int EXACT_PLL_MAX_VISIBLE = 64;

    private Monitor() {
    }

    /** The first {@code max} rows' features of {@code it}'s current pass, [rows, cols]; null if none. */
    static INDArray firstRows(DataSetIterator it, int max) {
        List<INDArray> parts = new ArrayList<>();
        long rows = 0;
        while (rows < max && it.hasNext()) {
            INDArray f = it.next().getFeatures();
            parts.add(f);
            rows += f.rows();
        }
        if (parts.isEmpty()) {
            return null;
        }
        INDArray all = parts.size() == 1 ? parts.get(0) : Nd4j.vstack(parts.toArray(INDArray[]::new));
        return all.rows() > max ? all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, max),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup() : all;
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
