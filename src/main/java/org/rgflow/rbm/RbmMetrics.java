package org.rgflow.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Monitoring quantities of an RBM on a batch of data, all averaged per example and returned as float64.
 * <ul>
 * <li>Reconstruction error: mean over examples and sites of \( (v_i - p(v_i=1|\,p(h|v)))^2 \)
 *     (one mean-field up-down pass, deterministic).</li>
 * <li>Pseudo-log-likelihood <b>per spin</b>: \( \frac{1}{n_v}\sum_i \log p(v_i | v_{-i}) \) with
 *     \( p(v_i|v_{-i}) = \sigma(F(\tilde v^{(i)}) - F(v)) \), \( \tilde v^{(i)} \) = v with bit i flipped; averaged
 *     over the batch. {@link #pseudoLogLikelihood(Rbm, INDArray)} sums all sites exactly (cost n_v free energies
 *     per example); {@link #pseudoLogLikelihood(Rbm, INDArray, Random)} draws one site per example with the given
 *     generator, an unbiased estimate of the same number (cost one). Multiply by n_v for the
 *     per-configuration value that scikit-learn's {@code score_samples} reports.</li>
 * <li>Mean free energy, whose difference between held-out and training data (the "free-energy gap") grows
 *     when the model overfits (Hinton 2010, &sect;6).</li>
 * </ul>
 */
public final class RbmMetrics {

    private RbmMetrics() {
    }

    /** @param visible [batch, numVisible] in {0,1} */
    public static double reconstructionError(Rbm rbm, INDArray visible) {
        INDArray v = rbm.cast(visible);
        INDArray r = rbm.visibleProbabilities(rbm.hiddenProbabilities(v));
        return Transforms.pow(r.subi(v), 2, false).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /** Mean free energy \( \frac{1}{B}\sum_b F(v_b) \). @param visible [batch, numVisible] */
    public static double meanFreeEnergy(Rbm rbm, INDArray visible) {
        return rbm.freeEnergy(visible).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /**
     * Exact per-spin pseudo-log-likelihood, summed over all sites. Cost O(B n_v n_h) (one [B, n_h] softplus per
     * site), in a {@link WorkspaceLoop} over the sites, so memory stays at a few [B, n_h] arrays.
     *
     * @param visible [batch, numVisible] in {0,1}
     */
    public static double pseudoLogLikelihood(Rbm model, INDArray visible) {
        Rbm rbm = model.castTo(DataType.DOUBLE);
        INDArray v = visible.castTo(DataType.DOUBLE);
        INDArray x = rbm.hiddenPreActivation(v);
        INDArray base = rbm.freeEnergy(v);
        INDArray w = rbm.weightsView();
        INDArray a = rbm.visibleBiasView();
        INDArray va = v.mmul(a.transpose()).reshape(base.shape()); // a . v per row
        double[] total = {0};
        WorkspaceLoop.run("pll", rbm.numVisible(), i -> {
            INDArray sign = v.getColumn(i).mul(-2.0).addi(1.0); // +1 if v_i = 0 (flip to 1), -1 if v_i = 1
            INDArray flipped = x.add(sign.reshape(-1, 1).mmul(w.getRow(i).reshape(1, -1)));
            INDArray f = Rbm.softplus(flipped).sum(1).negi();
            f.subi(va.add(sign.mul(a.getDouble(0, i))).reshape(f.shape()));
            // log p(v_i | rest) = log sigmoid(F(flipped) - F(v)) = -softplus(F(v) - F(flipped))
            total[0] -= Rbm.softplus(base.sub(f)).sumNumber().doubleValue();
        });
        return total[0] / ((double) rbm.numVisible() * v.rows());
    }

    /** Stochastic per-spin pseudo-log-likelihood: one random site per example (seeded generator). */
    public static double pseudoLogLikelihood(Rbm model, INDArray visible, Random rng) {
        Rbm rbm = model.castTo(DataType.DOUBLE);
        INDArray v = visible.castTo(DataType.DOUBLE);
        int n = (int) v.rows();
        INDArray flipped = v.dup();
        for (int b = 0; b < n; b++) {
            int i = rng.nextInt(rbm.numVisible());
            flipped.putScalar(b, i, 1.0 - v.getDouble(b, i));
        }
        INDArray diff = rbm.freeEnergy(v).subi(rbm.freeEnergy(flipped));
        return -Rbm.softplus(diff).sumNumber().doubleValue() / n;
    }

    /** Draws {@code count} rows uniformly without replacement (or all rows if fewer). @return [min(count, rows), cols] */
    public static INDArray subsample(INDArray data, int count, Random rng) {
        int n = (int) data.rows();
        if (n <= count) {
            return data;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return Nd4j.pullRows(data, 1, java.util.Arrays.copyOf(idx, count));
    }
}
