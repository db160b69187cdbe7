package org.rgflow.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.indexing.NDArrayIndex;
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
 * <p><b>Implementation (per-op overhead, not FLOPs, dominates at RBM sizes; STACK.md &sect;4).</b> All buffers
 * are allocated once per shape and reused, and every ND4J op works on contiguous arrays (strided copies cost
 * 8&ndash;10 ns per element in ND4J, 100&times; a contiguous copy). The states of both phases are stacked:
 * V = [v_0; v_k] [B+C, n_v] and H = [p(h|v_0); p(h|v_k)] [B+C, n_h] ('c' order, so each phase is a contiguous
 * row block); H is prefilled with the hidden bias by one broadcast copy and the hidden GEMMs accumulate into it
 * (beta = 1), and each bias gradient is one GEMM with the weight column s = [&minus;1/B &hellip;; 1/C &hellip;]:
 * g_b = s^T H, g_a = s^T V. Per CD-1 call: 5 GEMMs for the chain and g_W, 2 for the biases, 3 sigmoids,
 * 2 Bernoulli fills, 2 broadcasts and one contiguous copy of the data (the plain form needs 4 more ops).
 * {@link #descend} accumulates &minus;lr&middot;g straight into the live parameters (no gradient array, no
 * updater ops).
 *
 * <p><b>float32 models</b> run on {@link FloatCdKernel} (direct OpenBLAS calls and vectorised Java element-wise
 * passes; 1.5&ndash;2.5&times; faster at RBM sizes; same chain and statistics, its own use of the generator);
 * float64 models on the ND4J ops described above.
 *
 * <p>An instance holds scratch buffers for one model (reused while the batch size stays the same); it is
 * not thread-safe. Results are deterministic for a given generator state (same thread count).
 */
public final class ContrastiveDivergence {

    private final Rbm rbm;
    private final int nv;
    private final int nh;

    private DataType dtype;
    private long batch = -1;
    private long numChains = -1;
    /** [B+C, nv] 'c': v0 rows then vk rows. */
    private INDArray vStack;
    private INDArray v0;
    private INDArray vk;
    /** [B+C, nh] 'c': p(h|v0) rows then p(h|vk) rows. */
    private INDArray hStack;
    private INDArray ph0;
    private INDArray phk;
    /** [C, nh], sampled hidden states. */
    private INDArray hid;
    /** [B+C, 1]: -1 for the data rows, +1 for the chain rows (scaled per call). */
    private INDArray weights;
    private double weightsScale = Double.NaN;

    /** The float32 kernel, or null (float64 models, unusual layouts). */
    private final FloatCdKernel fast;

    /** @param rbm the live model (read at every call) */
    public ContrastiveDivergence(Rbm rbm) {
        this.rbm = rbm;
        this.nv = rbm.numVisible();
        this.nh = rbm.numHidden();
        this.fast = FloatCdKernel.forModel(rbm);
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
        if (fast != null && FloatCdKernel.canWrite(gW, gVb, gHb)) {
            fast.gradient(data, chains, k, scale, rng, gW, gVb, gHb);
            return fast.chainState();
        }
        sampleChain(data, chains, k, rng);
        accumulate(scale, 0.0, gW, gVb, gHb);
        return vk;
    }

    /**
     * One plain gradient-descent update of the live parameters, {@code θ -= learningRate · g}, with g the
     * batch-mean gradient of {@link #gradient} (same chain, same random draws): the gradient GEMMs accumulate
     * straight into W and the enabled biases (disabled biases stay exactly zero). This is DL4J's {@code Sgd}
     * updater ({@code g *= lr; θ -= g}) fused into the GEMMs.
     */
    public void descend(INDArray data, INDArray chains, int k, double learningRate, Random rng) {
        if (fast != null) {
            fast.descend(data, chains, k, learningRate, rng);
            return;
        }
        sampleChain(data, chains, k, rng);
        accumulate(-learningRate, 1.0, rbm.weightsView(), rbm.visibleBiasView(), rbm.hiddenBiasView());
    }

    /** outW = beta·outW + scale·g_W etc.; disabled biases: zero (beta 0) or untouched (beta 1). */
    private void accumulate(double scale, double beta, INDArray outW, INDArray outVb, INDArray outHb) {
        Nd4j.gemm(vk, phk, outW, true, false, scale / numChains, beta);
        Nd4j.gemm(v0, ph0, outW, true, false, -scale / batch, 1.0);
        if (weightsScale != scale) {
            weights.get(NDArrayIndex.interval(0, batch), NDArrayIndex.all()).assign(-scale / batch);
            weights.get(NDArrayIndex.interval(batch, batch + numChains), NDArrayIndex.all()).assign(scale / numChains);
            weightsScale = scale;
        }
        if (rbm.isHiddenBiasEnabled()) {
            Nd4j.gemm(weights, hStack, row(outHb, nh), true, false, 1.0, beta);
        } else if (beta == 0) {
            outHb.assign(0);
        }
        if (rbm.isVisibleBiasEnabled()) {
            Nd4j.gemm(weights, vStack, row(outVb, nv), true, false, 1.0, beta);
        } else if (beta == 0) {
            outVb.assign(0);
        }
    }

    private static INDArray row(INDArray a, int n) {
        return a.rank() == 2 ? a : a.reshape(1, n);
    }

    /** Runs the chain; afterwards vStack and hStack hold the statistics' factors. */
    private void sampleChain(INDArray data, INDArray chains, int k, Random rng) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (data.columns() != nv || (chains != null && chains.columns() != nv)) {
            throw new IllegalArgumentException("data and chains need numVisible = " + nv + " columns");
        }
        ensureBuffers(data.rows(), chains == null ? data.rows() : chains.rows());
        if (rbm.isHiddenBiasEnabled()) {
            // b in every row of H (both phases, one op); the first hidden GEMM of each phase accumulates onto it
            Nd4j.getExecutioner().exec(new BroadcastCopyOp(hStack, rbm.hiddenBiasView(), hStack, 1));
        }
        v0.assign(rbm.cast(data));
        hiddenProbabilities(v0, ph0, true);
        boolean phkPrefilled = true;
        if (chains == null) {
            Bernoulli.sampleInto(ph0, hid, rng);
        } else {
            vk.assign(rbm.cast(chains));
            hiddenProbabilities(vk, phk, true);
            phkPrefilled = false;
            Bernoulli.sampleInto(phk, hid, rng);
        }
        for (int step = 1; step <= k; step++) {
            Nd4j.gemm(hid, rbm.weightsView(), vk, false, true, 1.0, 0.0);
            if (rbm.isVisibleBiasEnabled()) {
                vk.addiRowVector(rbm.visibleBiasView());
            }
            Transforms.sigmoid(vk, false);
            Bernoulli.sampleInto(vk, vk, rng);
            hiddenProbabilities(vk, phk, phkPrefilled);
            phkPrefilled = false;
            if (step < k) {
                Bernoulli.sampleInto(phk, hid, rng);
            }
        }
        if (chains != null) {
            chains.assign(vk);
        }
    }

    /** out = sigmoid(b + v W); {@code prefilled}: out already holds b in every row. */
    private void hiddenProbabilities(INDArray v, INDArray out, boolean prefilled) {
        boolean bias = rbm.isHiddenBiasEnabled();
        Nd4j.gemm(v, rbm.weightsView(), out, false, false, 1.0, bias && prefilled ? 1.0 : 0.0);
        if (bias && !prefilled) {
            out.addiRowVector(rbm.hiddenBiasView());
        }
        Transforms.sigmoid(out, false);
    }

    private void ensureBuffers(long newBatch, long newChains) {
        DataType t = rbm.dataType();
        if (newBatch == batch && newChains == numChains && t == dtype) {
            return;
        }
        dtype = t;
        batch = newBatch;
        numChains = newChains;
        long rows = batch + numChains;
        vStack = Nd4j.create(t, new long[] {rows, nv}, 'c');
        hStack = Nd4j.create(t, new long[] {rows, nh}, 'c');
        v0 = rowBlock(vStack, 0, batch);
        vk = rowBlock(vStack, batch, rows);
        ph0 = rowBlock(hStack, 0, batch);
        phk = rowBlock(hStack, batch, rows);
        hid = Nd4j.create(t, new long[] {numChains, nh}, 'c');
        weights = Nd4j.create(t, new long[] {rows, 1}, 'c');
        weightsScale = Double.NaN;
    }

    /** Rows [from, to) of a 'c' array: a contiguous view (element-wise stride 1). */
    private static INDArray rowBlock(INDArray c, long from, long to) {
        INDArray v = c.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        // a single column or row is contiguous whatever order flag ND4J gives the view (n_h = 1 gives 'f')
        boolean vector = v.rows() == 1 || v.columns() == 1;
        if (v.elementWiseStride() != 1 || (v.ordering() != 'c' && !vector)) {
            throw new IllegalStateException("expected a contiguous row block, got stride " + v.elementWiseStride());
        }
        return v;
    }
}
