package org.rgflow.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Annealed importance sampling of log Z (Neal 2001; Salakhutdinov &amp; Murray 2008), in float64.
 * Intermediate models \( p^*_\beta(v) = e^{(1-\beta) a_A^\top v + \beta a^\top v}
 * \prod_j (1 + e^{\beta (b_j + (v^\top W)_j)}) \) interpolate from a base-rate model with visible biases
 * \( a_A \) (exactly solvable: \( \log Z_0 = n_h \log 2 + \sum_i \mathrm{softplus}(a_{A,i}) \)) at
 * &beta; = 0 to the target at &beta; = 1; transitions are one sampled Gibbs step at each &beta;. With M independent
 * runs and log weights \( w_m \): \( \hat Z = Z_0 \cdot \frac1M \sum_m e^{w_m} \); the reported error is the
 * delta-method standard error of \( \log \hat Z \), \( \mathrm{sd}(e^{w})/(\sqrt{M}\,\overline{e^{w}}) \), and the
 * effective sample size \( (\sum e^{w})^2 / \sum e^{2w} \) is returned to judge it (below ~10 the error bar is
 * unreliable: use more temperatures). Cost: M &times; numTemperatures &times; 3 GEMM rows of n_v n_h.
 */
public final class Ais {

    /** The estimate. */
    public record Result(double logZ, double standardError, double effectiveSampleSize, int numRuns,
            int numTemperatures) {
    }

    private Ais() {
    }

    /** \( n \) inverse temperatures 0 &hellip; 1, uniform. */
    public static double[] linearSchedule(int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i / (double) (n - 1);
        }
        return b;
    }

    /** Salakhutdinov &amp; Murray's schedule scaled to {@code n} points: 5% up to 0.5, 25% to 0.9, 70% to 1. */
    public static double[] standardSchedule(int n) {
        int n1 = Math.max(2, n / 20);
        int n2 = Math.max(2, n / 4);
        int n3 = Math.max(2, n - n1 - n2);
        double[] b = new double[n1 + n2 + n3];
        int k = 0;
        for (int i = 0; i < n1; i++) {
            b[k++] = 0.5 * i / n1;
        }
        for (int i = 0; i < n2; i++) {
            b[k++] = 0.5 + 0.4 * i / n2;
        }
        for (int i = 0; i < n3; i++) {
            b[k++] = 0.9 + 0.1 * i / (n3 - 1);
        }
        return b;
    }

    /** Base-rate visible biases \( \mathrm{logit}((\sum v + 1)/(N + 2)) \) from data [N, numVisible]; [1, numVisible]. */
    public static INDArray baseBiasesFromData(INDArray data) {
        INDArray p = data.castTo(DataType.DOUBLE).sum(0).addi(1.0).divi(data.rows() + 2.0).reshape(1, data.columns());
        return Transforms.log(p.div(p.rsub(1.0)), false);
    }

    /**
     * Estimates log Z.
     *
     * @param model       the RBM
     * @param baseBiases  [1, numVisible] visible biases of the base model, or null for zeros
     * @param betas       increasing inverse temperatures from 0 to 1
     * @param numRuns     independent AIS runs M (chains in one batch)
     * @param rng         generator
     */
    public static Result estimate(Rbm model, INDArray baseBiases, double[] betas, int numRuns, Random rng) {
        if (betas.length < 2 || betas[0] != 0 || betas[betas.length - 1] != 1) {
            throw new IllegalArgumentException("betas must run from 0 to 1 with at least 2 points");
        }
        Rbm rbm = model.castTo(DataType.DOUBLE);
        int nv = rbm.numVisible();
        INDArray aA = baseBiases == null ? Nd4j.zeros(DataType.DOUBLE, 1, nv)
                : baseBiases.castTo(DataType.DOUBLE).reshape(1, nv);
        INDArray a = rbm.visibleBiasView();
        INDArray p0 = Transforms.sigmoid(aA, true).repeat(0, numRuns);
        INDArray v = Bernoulli.sample(p0, rng);
        INDArray logW = Nd4j.zeros(DataType.DOUBLE, numRuns);
        WorkspaceLoop.run("ais", betas.length - 1, step -> { // v and logW live outside, updated in place
            int k = step + 1;
            logW.addi(logUnnormalised(rbm, aA, a, v, betas[k])).subi(logUnnormalised(rbm, aA, a, v, betas[k - 1]));
            double beta = betas[k];
            INDArray ph = Transforms.sigmoid(rbm.hiddenPreActivation(v).muli(beta), false);
            INDArray h = Bernoulli.sample(ph, rng);
            INDArray pre = h.mmul(rbm.weightsView().transpose()).addiRowVector(a).muli(beta)
                    .addiRowVector(aA.mul(1 - beta));
            v.assign(Bernoulli.sample(Transforms.sigmoid(pre, false), rng));
        });
        double logZ0 = rbm.numHidden() * Math.log(2) + Rbm.softplus(aA).sumNumber().doubleValue();
        double max = logW.maxNumber().doubleValue();
        INDArray w = Transforms.exp(logW.sub(max), false);
        double mean = w.meanNumber().doubleValue();
        double sd = w.stdNumber().doubleValue();
        double ess = Math.pow(w.sumNumber().doubleValue(), 2) / w.mul(w).sumNumber().doubleValue();
        return new Result(logZ0 + max + Math.log(mean), sd / (Math.sqrt(numRuns) * mean), ess, numRuns, betas.length);
    }

    /** \( \log p^*_\beta(v) \), [M]. */
    private static INDArray logUnnormalised(Rbm rbm, INDArray aA, INDArray a, INDArray v, double beta) {
        INDArray out = Rbm.softplus(rbm.hiddenPreActivation(v).muli(beta)).sum(1);
        INDArray bias = aA.mul(1 - beta).addi(a.mul(beta));
        return out.addi(v.mmul(bias.transpose()).reshape(out.shape()));
    }
}
