package org.rgflow.rbm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * The float32 CD-k / PCD-k kernel behind {@link ContrastiveDivergence} (same chain, statistics and update; see
 * there). Why a second implementation: at RBM sizes a CD step is dominated by per-op overhead and by libnd4j's
 * sigmoid (3 ns per element), not by FLOPs. This kernel calls OpenBLAS directly ({@link FloatBlas}: 4 GEMMs and
 * 2 GEMVs per CD-1 step, ~1 &micro;s overhead each) on off-heap buffers, and does each element-wise pass (bias,
 * sigmoid, Bernoulli draw) in one vectorised Java loop over a heap copy ({@link FastSigmoid},
 * {@link CounterBernoulli}), so a step costs its GEMMs plus about 2 ns per visible or hidden unit and row.
 *
 * <p>Random numbers: every Bernoulli pass draws one 64-bit key from the caller's generator, so results are
 * determined by the generator's state (as for the ND4J kernel, but not the same numbers). Probabilities carry the
 * sigmoid's approximation error (&le; 2.3&middot;10&#8315;&sup7;).
 *
 * <p>Buffers: off-heap [B+C, n_v] visible and [B+C, n_h] hidden stacks (data rows, then chain rows), a [C, n_h]
 * hidden sample, and heap scratch of max(B, C) &middot; max(n_v, n_h) floats, reused while B and C stay the
 * same. Not thread-safe.
 */
final class FloatCdKernel {

    private final Rbm rbm;
    private final int nv;
    private final int nh;
    private final FloatBlas.Mat weights;
    private final FloatPointer visibleBias;
    private final FloatPointer hiddenBias;
    private final CounterBernoulli bernoulli = new CounterBernoulli();

    private int batch = -1;
    private int numChains = -1;
    private FloatPointer vStack;
    private FloatPointer hStack;
    private FloatBlas.Mat vAll;
    private FloatBlas.Mat hAll;
    private FloatBlas.Mat v0;
    private FloatBlas.Mat vk;
    private FloatBlas.Mat ph0;
    private FloatBlas.Mat phk;
    private FloatBlas.Mat hid;
    /** [B+C] row weights of the bias gradients: -scale/B for data rows, +scale/C for chain rows. */
    private FloatPointer rowWeights;
    private float rowWeightsScale = Float.NaN;
    private float[] visibleBiasRows;
    private float[] hiddenBiasRows;
    private float[] visibleBiasRow;
    private float[] hiddenBiasRow;
    private float[] pre;
    private float[] prob;
    private float[] sample;

    private FloatCdKernel(Rbm rbm, FloatBlas.Mat weights) {
        this.rbm = rbm;
        this.nv = rbm.numVisible();
        this.nh = rbm.numHidden();
        this.weights = weights;
        this.visibleBias = FloatBlas.pointer(rbm.visibleBiasView());
        this.hiddenBias = FloatBlas.pointer(rbm.hiddenBiasView());
        this.visibleBiasRow = new float[nv];
        this.hiddenBiasRow = new float[nh];
    }

    /** The kernel for a float32 model with contiguous parameters, or null (the caller uses the ND4J kernel). */
    static FloatCdKernel forModel(Rbm rbm) {
        if (rbm.dataType() != DataType.FLOAT) {
            return null;
        }
        FloatBlas.Mat w = FloatBlas.Mat.of(rbm.weightsView());
        if (w == null || !contiguousVector(rbm.visibleBiasView()) || !contiguousVector(rbm.hiddenBiasView())) {
            return null;
        }
        return new FloatCdKernel(rbm, w);
    }

    /** Whether {@link #gradient} can write into these arrays (float, contiguous). */
    static boolean canWrite(INDArray gW, INDArray gVb, INDArray gHb) {
        return FloatBlas.Mat.of(gW) != null && contiguousVector(gVb) && contiguousVector(gHb);
    }

    private static boolean contiguousVector(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.isVector() && a.elementWiseStride() == 1;
    }

    /** As {@link ContrastiveDivergence#gradient}; the gradient arrays must pass {@link #canWrite}. */
    void gradient(INDArray data, INDArray chains, int k, double scale, Random rng, INDArray gW, INDArray gVb,
            INDArray gHb) {
        sampleChain(data, chains, k, rng);
        accumulate((float) scale, 0f, FloatBlas.Mat.of(gW), FloatBlas.pointer(gVb), FloatBlas.pointer(gHb));
    }

    /** As {@link ContrastiveDivergence#descend}: parameters -= learningRate &middot; gradient, fused. */
    void descend(INDArray data, INDArray chains, int k, double learningRate, Random rng) {
        sampleChain(data, chains, k, rng);
        accumulate((float) -learningRate, 1f, weights, visibleBias, hiddenBias);
    }

    /** The chain's final visible state v_k [C, n_v] as a new array. */
    INDArray chainState() {
        float[] out = new float[numChains * nv];
        vk.ptr().get(out, 0, out.length);
        return org.nd4j.linalg.factory.Nd4j.create(out, new long[] {numChains, nv}, DataType.FLOAT);
    }

    /** outW = beta&middot;outW + scale&middot;g_W etc.; a disabled bias: zero (beta 0) or untouched (beta 1). */
    private void accumulate(float scale, float beta, FloatBlas.Mat outW, FloatPointer outVb, FloatPointer outHb) {
        FloatBlas.gemm(vk, true, phk, false, outW, scale / numChains, beta);
        FloatBlas.gemm(v0, true, ph0, false, outW, -scale / batch, 1f);
        if (rowWeightsScale != scale) {
            float[] s = new float[batch + numChains];
            java.util.Arrays.fill(s, 0, batch, -scale / batch);
            java.util.Arrays.fill(s, batch, s.length, scale / numChains);
            rowWeights.put(s, 0, s.length);
            rowWeightsScale = scale;
        }
        biasGradient(rbm.isHiddenBiasEnabled(), hAll, outHb, nh, beta);
        biasGradient(rbm.isVisibleBiasEnabled(), vAll, outVb, nv, beta);
    }

    private void biasGradient(boolean enabled, FloatBlas.Mat stack, FloatPointer out, int n, float beta) {
        if (enabled) {
            FloatBlas.columnSums(stack, rowWeights, out, 1f, beta);
        } else if (beta == 0f) {
            out.put(new float[n], 0, n);
        }
    }

    /** Runs the chain; afterwards the stacks hold v_0, v_k, p(h|v_0), p(h|v_k). */
    private void sampleChain(INDArray data, INDArray chains, int k, Random rng) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (data.columns() != nv || (chains != null && chains.columns() != nv)) {
            throw new IllegalArgumentException("data and chains need numVisible = " + nv + " columns");
        }
        ensureBuffers((int) data.rows(), chains == null ? (int) data.rows() : (int) chains.rows());
        FloatBlas.threads(threads());
        copyInto(data, v0);
        visibleBias.get(visibleBiasRow, 0, nv);
        hiddenBias.get(hiddenBiasRow, 0, nh);
        FastSigmoid.replicateRows(hiddenBiasRow, hiddenBiasRows, Math.max(batch, numChains));
        FastSigmoid.replicateRows(visibleBiasRow, visibleBiasRows, numChains);

        hiddenProbabilities(v0, ph0, batch);
        if (chains == null) {
            drawHidden(batch, rng);
        } else {
            copyInto(chains, vk);
            hiddenProbabilities(vk, phk, numChains);
            drawHidden(numChains, rng);
        }
        for (int step = 1; step <= k; step++) {
            FloatBlas.gemm(hid, false, weights, true, vk, 1f, 0f);
            int n = numChains * nv;
            vk.ptr().get(pre, 0, n);
            FastSigmoid.apply(pre, visibleBiasRows, prob, n);
            bernoulli.sample(prob, sample, n, rng.nextLong());
            vk.ptr().put(sample, 0, n);
            hiddenProbabilities(vk, phk, numChains);
            if (step < k) {
                drawHidden(numChains, rng);
            }
        }
        if (chains != null) {
            FloatBlas.Mat out = FloatBlas.Mat.of(chains);
            if (out != null && !out.transposed()) {
                Pointer.memcpy(out.ptr(), vk.ptr(), 4L * numChains * nv);
            } else {
                chains.assign(chainState());
            }
        }
    }

    /** out = sigmoid(b + v W) for the first {@code rows} rows; the probabilities stay in {@code prob} too. */
    private void hiddenProbabilities(FloatBlas.Mat v, FloatBlas.Mat out, int rows) {
        FloatBlas.gemm(v, false, weights, false, out, 1f, 0f);
        int n = rows * nh;
        out.ptr().get(pre, 0, n);
        FastSigmoid.apply(pre, hiddenBiasRows, prob, n);
        out.ptr().put(prob, 0, n);
    }

    /** hid ~ Bernoulli(prob) for the first {@code rows} rows of {@code prob}. */
    private void drawHidden(int rows, Random rng) {
        int n = rows * nh;
        bernoulli.sample(prob, sample, n, rng.nextLong());
        hid.ptr().put(sample, 0, n);
    }

    /** Copies a [rows, n_v] array into a row-major buffer (direct memcpy when it is float 'c'). */
    private static void copyInto(INDArray src, FloatBlas.Mat dst) {
        FloatBlas.Mat m = FloatBlas.Mat.of(src);
        INDArray c = m != null && !m.transposed() ? src : src.castTo(DataType.FLOAT).dup('c');
        Pointer.memcpy(dst.ptr(), FloatBlas.pointer(c), 4L * dst.rows() * dst.cols());
    }

    private int threads() {
        int t = TrainingThreads.get();
        if (t == TrainingThreads.AUTO) {
            t = (long) nv * nh >= AUTO_TWO_THREADS_MIN_WEIGHTS ? 2 : 1;
        }
        return Math.max(1, Math.min(t, Runtime.getRuntime().availableProcessors()));
    }

    /** With {@link TrainingThreads#AUTO}, models with at least this many weights use two threads (measured). */
    static final long AUTO_TWO_THREADS_MIN_WEIGHTS = 65_536;

    private void ensureBuffers(int newBatch, int newChains) {
        if (newBatch == batch && newChains == numChains) {
            return;
        }
        batch = newBatch;
        numChains = newChains;
        int rows = batch + numChains;
        vStack = new FloatPointer((long) rows * nv);
        hStack = new FloatPointer((long) rows * nh);
        vAll = FloatBlas.Mat.rowMajor(vStack, rows, nv);
        hAll = FloatBlas.Mat.rowMajor(hStack, rows, nh);
        v0 = FloatBlas.Mat.rowMajor(vStack, batch, nv);
        vk = FloatBlas.Mat.rowMajor(vStack.getPointer((long) batch * nv), numChains, nv);
        ph0 = FloatBlas.Mat.rowMajor(hStack, batch, nh);
        phk = FloatBlas.Mat.rowMajor(hStack.getPointer((long) batch * nh), numChains, nh);
        hid = FloatBlas.Mat.rowMajor(new FloatPointer((long) numChains * nh), numChains, nh);
        rowWeights = new FloatPointer(rows);
        rowWeightsScale = Float.NaN;
        int maxRows = Math.max(batch, numChains);
        hiddenBiasRows = new float[maxRows * nh];
        visibleBiasRows = new float[numChains * nv];
        int scratch = maxRows * Math.max(nv, nh);
        pre = new float[scratch];
        prob = new float[scratch];
        sample = new float[scratch];
    }
}
