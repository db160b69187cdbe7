package org.rgflow.rbm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The CD-k / PCD-k gradient of the <em>negative</em> mean log-likelihood with sampled chains
 * (Hinton 2002; Tieleman 2008 for PCD), in the sign convention of a minimising updater:
 * \[ g_W = \tfrac{1}{C}\, v_k^\top p(h|v_k) - \tfrac{1}{B}\, v_0^\top p(h|v_0), \quad
 *    g_b = \overline{p(h|v_k)} - \overline{p(h|v_0)}, \quad g_a = \overline{v_k} - \overline{v_0}. \]
 * The chain: start x (= v_0 for CD, the persistent chains for PCD), \( h \sim p(h|x) \), then k times
 * \( v \sim p(v|h) \), and \( h \sim p(h|v) \) except after the last step, where the statistic uses the
 * probabilities p(h|v_k) (Rao&ndash;Blackwellised, as is p(h|v_0) in the positive phase). Every half step is a
 * Bernoulli sample: no mean-field propagation. Gradients of disabled biases are zero.
 *
 * <p>An instance holds scratch buffers for one model (reused while the batch size stays the same); it is
 * not thread-safe. Cost per call: (2k + 1) GEMMs of [batch, n_v]&times;[n_v, n_h] plus 2 for g_W, about
 * 12 elementwise ops and 2k+1 Bernoulli fills.
 */
public final class ContrastiveDivergence {

    private final Rbm rbm;
    private INDArray ph0;
    private INDArray hidden;
    private INDArray phk;
    private INDArray visible;
    private INDArray onesData;
    private INDArray onesChain;

    /** @param rbm the live model (read at every call) */
    public ContrastiveDivergence(Rbm rbm) {
        this.rbm = rbm;
    }

    /**
     * Computes the gradient into the given arrays (overwritten) and returns the negative-phase visible state.
     *
     * @param data   v_0, [batch, numVisible] in {0,1}, model dtype
     * @param chains null for CD-k (the chain starts at the data); for PCD the persistent chains
     *               [numChains, numVisible], <b>advanced in place</b> to v_k
     * @param k      Gibbs steps, &ge; 1
     * @param scale  multiplies the whole gradient (1 = batch mean; the batch size gives DL4J's batch sum)
     * @param rng    generator for all Bernoulli draws
     * @param gW     [numVisible, numHidden] (any order; may be a view)
     * @param gVb    [1, numVisible]
     * @param gHb    [1, numHidden]
     * @return v_k, [numChains or batch, numVisible] (a scratch buffer, valid until the next call)
     */
    public INDArray gradient(INDArray data, INDArray chains, int k, double scale, Random rng, INDArray gW,
            INDArray gVb, INDArray gHb) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        INDArray v0 = rbm.cast(data);
        long batch = v0.rows();
        long numChains = chains == null ? batch : chains.rows();
        ensureBuffers(batch, numChains);
        INDArray w = rbm.weightsView();
        hiddenProbabilitiesInto(v0, ph0);
        if (chains == null) {
            Bernoulli.sampleInto(ph0, hidden, rng);
        } else {
            hiddenProbabilitiesInto(chains, phk);
            Bernoulli.sampleInto(phk, hidden, rng);
        }
        for (int step = 1; step <= k; step++) {
            Nd4j.gemm(hidden, w, visible, false, true, 1.0, 0.0);
            if (rbm.isVisibleBiasEnabled()) {
                visible.addiRowVector(rbm.visibleBiasView());
            }
            Transforms.sigmoid(visible, false);
            Bernoulli.sampleInto(visible, visible, rng);
            hiddenProbabilitiesInto(visible, phk);
            if (step < k) {
                Bernoulli.sampleInto(phk, hidden, rng);
            }
        }
        double cNeg = scale / numChains;
        double cPos = -scale / batch;
        Nd4j.gemm(visible, phk, gW, true, false, cNeg, 0.0);
        Nd4j.gemm(v0, ph0, gW, true, false, cPos, 1.0);
        if (rbm.isHiddenBiasEnabled()) {
            Nd4j.gemm(onesChain, phk, gHb, true, false, cNeg, 0.0);
            Nd4j.gemm(onesData, ph0, gHb, true, false, cPos, 1.0);
        } else {
            gHb.assign(0);
        }
        if (rbm.isVisibleBiasEnabled()) {
            Nd4j.gemm(onesChain, visible, gVb, true, false, cNeg, 0.0);
            Nd4j.gemm(onesData, v0, gVb, true, false, cPos, 1.0);
        } else {
            gVb.assign(0);
        }
        if (chains != null) {
            chains.assign(visible);
        }
        return visible;
    }

    private void hiddenProbabilitiesInto(INDArray v, INDArray out) {
        Nd4j.gemm(v, rbm.weightsView(), out, false, false, 1.0, 0.0);
        if (rbm.isHiddenBiasEnabled()) {
            out.addiRowVector(rbm.hiddenBiasView());
        }
        Transforms.sigmoid(out, false);
    }

    private void ensureBuffers(long batch, long numChains) {
        var dtype = rbm.dataType();
        int nv = rbm.numVisible();
        int nh = rbm.numHidden();
        if (ph0 == null || ph0.rows() != batch || ph0.dataType() != dtype) {
            ph0 = Nd4j.createUninitialized(dtype, batch, nh);
            onesData = Nd4j.ones(dtype, batch, 1);
        }
        if (hidden == null || hidden.rows() != numChains || hidden.dataType() != dtype) {
            hidden = Nd4j.createUninitialized(dtype, numChains, nh);
            phk = Nd4j.createUninitialized(dtype, numChains, nh);
            visible = Nd4j.createUninitialized(dtype, numChains, nv);
            onesChain = Nd4j.ones(dtype, numChains, 1);
        }
    }
}
