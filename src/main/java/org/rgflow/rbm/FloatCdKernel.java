package org.rgflow.rbm;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float32 CD-k / PCD-k kernel behind {@link ContrastiveDivergence} (same chain, statistics and update; see
 * there). Why a second implementation: at RBM sizes a CD step is dominated by per-op overhead and by libnd4j's
 * sigmoid (3 ns per element), not by FLOPs. This kernel calls OpenBLAS directly ({@link FloatBlas}: per CD-1
 * step 3 GEMMs for the chain, one GEMM over data and chain rows for g_W, 2 GEMVs for the biases, ~1 &micro;s
 * overhead each) on off-heap buffers, and does the element-wise work (bias, sigmoid, Bernoulli draw, scaling)
 * in vectorised Java loops ({@link FastSigmoid}, {@link CounterBernoulli}) over cache-sized blocks of rows
 * copied to the heap, so a step costs its GEMMs plus about 2 ns per unit and row.
 *
 * <p>Random numbers: every Bernoulli pass draws one 64-bit key from the caller's generator, so results are
 * determined by the generator's state (as for the ND4J kernel, but not the same numbers). Probabilities carry the
 * sigmoid's approximation error (&le; 2.3&middot;10&#8315;&sup7;).
 *
 * <p>Buffers: off-heap [B+C, n_v] visible and [B+C, n_h] hidden stacks (data rows, then chain rows) and a [C, n_h]
 * hidden sample, reused while B and C stay the same; heap scratch of a few {@value #BLOCK_FLOATS}-float blocks.
 * Not thread-safe.
 */
final class FloatCdKernel {

    /** Floats per element-wise block: 32 KiB, so a block's scratch arrays stay in the L1/L2 cache. */
    static final int BLOCK_FLOATS = 8192;
    /** With {@link TrainingThreads#AUTO}, models with at least this many weights use two threads (measured). */
    static final long AUTO_TWO_THREADS_MIN_WEIGHTS = 65_536;

    private final Rbm rbm;
    private final int nv;
    private final int nh;
    private final FloatBlas.Mat weights;
    private final FloatPointer visibleBias;
    private final FloatPointer hiddenBias;
    private final CounterBernoulli bernoulli = new CounterBernoulli();
    /** Chooses 1 or 2 threads under AUTO for large models; null otherwise. */
    private ThreadTuner tuner;
    private final float[] visibleBiasRow;
    private final float[] hiddenBiasRow;
    private final int visibleBlockRows;
    private final int hiddenBlockRows;
    private final float[] visibleBiasBlock;
    private final float[] hiddenBiasBlock;
    private final float[] pre;
    private final float[] prob;
    private final float[] sample;
    private final float[] uniform;

    private int batch = -1;
    private int numChains = -1;
    private FloatBlas.Mat vAll;
    private FloatBlas.Mat hAll;
    private FloatBlas.Mat v0;
    private FloatBlas.Mat vk;
    private FloatBlas.Mat ph0;
    private FloatBlas.Mat phk;
    private FloatBlas.Mat hid;
    private FloatBuffer vBuf;
    private FloatBuffer hBuf;
    private FloatBuffer hidBuf;
    /** [B+C] row weights of the visible-bias gradient: -scale/B for data rows, +scale/C for chain rows. */
    private FloatPointer rowWeights;
    private float rowWeightsScale = Float.NaN;
    /** [B+C] ones: the hidden stack is stored scaled, so its gradient is a plain column sum. */
    private FloatPointer ones;

    private FloatCdKernel(Rbm rbm, FloatBlas.Mat weights) {
        this.rbm = rbm;
        this.nv = rbm.numVisible();
        this.nh = rbm.numHidden();
        this.weights = weights;
        this.visibleBias = FloatBlas.pointer(rbm.visibleBiasView());
        this.hiddenBias = FloatBlas.pointer(rbm.hiddenBiasView());
        this.visibleBiasRow = new float[nv];
        this.hiddenBiasRow = new float[nh];
        this.visibleBlockRows = Math.max(1, BLOCK_FLOATS / nv);
        this.hiddenBlockRows = Math.max(1, BLOCK_FLOATS / nh);
        this.visibleBiasBlock = new float[visibleBlockRows * nv];
        this.hiddenBiasBlock = new float[hiddenBlockRows * nh];
        int block = Math.max(visibleBiasBlock.length, hiddenBiasBlock.length);
        this.pre = new float[block];
        this.prob = new float[block];
        this.sample = new float[block];
        this.uniform = new float[block];
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
        sampleChain(data, chains, k, (float) scale, rng);
        accumulate(0f, FloatBlas.Mat.of(gW), FloatBlas.pointer(gVb), FloatBlas.pointer(gHb));
        stepDone();
    }

    /** As {@link ContrastiveDivergence#descend}: parameters -= learningRate &middot; gradient, fused. */
    void descend(INDArray data, INDArray chains, int k, double learningRate, Random rng) {
        sampleChain(data, chains, k, (float) -learningRate, rng);
        accumulate(1f, weights, visibleBias, hiddenBias);
        stepDone();
    }

    private void stepDone() {
        if (tuner != null) {
            tuner.stepDone(System.nanoTime());
        }
    }

    /** The chain's final visible state v_k [C, n_v] as a new array. */
    INDArray chainState() {
        float[] out = new float[numChains * nv];
        vBuf.get(batch * nv, out, 0, out.length);
        return Nd4j.create(out, new long[] {numChains, nv}, DataType.FLOAT);
    }

    /**
     * outW = beta&middot;outW + scale&middot;g_W etc. (scale as passed to {@link #sampleChain}); a disabled bias:
     * zero (beta 0) or untouched (beta 1). The hidden stack holds the scaled statistics
     * [&minus;scale/B &middot; p(h|v_0); scale/C &middot; p(h|v_k)], so g_W is one GEMM over all B+C rows.
     */
    private void accumulate(float beta, FloatBlas.Mat outW, FloatPointer outVb, FloatPointer outHb) {
        FloatBlas.gemm(vAll, true, hAll, false, outW, 1f, beta);
        biasGradient(rbm.isHiddenBiasEnabled(), hAll, ones, outHb, nh, beta);
        biasGradient(rbm.isVisibleBiasEnabled(), vAll, rowWeights, outVb, nv, beta);
    }

    private static void biasGradient(boolean enabled, FloatBlas.Mat stack, FloatPointer weightsOfRows,
            FloatPointer out, int n, float beta) {
        if (enabled) {
            FloatBlas.columnSums(stack, weightsOfRows, out, 1f, beta);
        } else if (beta == 0f) {
            out.put(new float[n], 0, n);
        }
    }

    /**
     * Runs the chain; afterwards the visible stack holds [v_0; v_k] and the hidden stack the scaled statistics
     * [&minus;scale/B &middot; p(h|v_0); scale/C &middot; p(h|v_k)].
     */
    private void sampleChain(INDArray data, INDArray chains, int k, float scale, Random rng) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (data.columns() != nv || (chains != null && chains.columns() != nv)) {
            throw new IllegalArgumentException("data and chains need numVisible = " + nv + " columns");
        }
        ensureBuffers((int) data.rows(), chains == null ? (int) data.rows() : (int) chains.rows());
        FloatBlas.threads(threads());
        setScale(scale);
        copyInto(data, v0);
        visibleBias.get(visibleBiasRow, 0, nv);
        hiddenBias.get(hiddenBiasRow, 0, nh);
        FastSigmoid.replicateRows(hiddenBiasRow, hiddenBiasBlock, hiddenBlockRows);
        FastSigmoid.replicateRows(visibleBiasRow, visibleBiasBlock, visibleBlockRows);

        FloatBlas.gemm(v0, false, weights, false, ph0, 1f, 0f);
        boolean cd = chains == null;
        hiddenPass(0, batch, true, -scale / batch, cd ? rng.nextLong() : 0L, cd);
        if (!cd) {
            copyInto(chains, vk);
        }
        for (int step = 1; step <= k; step++) {
            if (step > 1 || !cd) {
                FloatBlas.gemm(vk, false, weights, false, phk, 1f, 0f);
                hiddenPass(batch, numChains, false, 0f, rng.nextLong(), true);
            }
            FloatBlas.gemm(hid, false, weights, true, vk, 1f, 0f);
            visiblePass(rng.nextLong());
        }
        FloatBlas.gemm(vk, false, weights, false, phk, 1f, 0f);
        hiddenPass(batch, numChains, true, scale / numChains, 0L, false);
        if (chains != null) {
            FloatBlas.Mat out = FloatBlas.Mat.of(chains);
            if (out != null && !out.transposed()) {
                Pointer.memcpy(out.ptr(), vk.ptr(), 4L * numChains * nv);
            } else {
                chains.assign(chainState());
            }
        }
    }

    /**
     * Hidden rows [first, first+rows) of the stack hold b-less pre-activations v W: turns them into
     * c &middot; sigmoid(b + v W) when {@code store} (not for an intermediate step of CD-k) and, when
     * {@code draw}, fills the hidden sample with Bernoulli draws of the probabilities (key {@code key}).
     */
    private void hiddenPass(int first, int rows, boolean store, float c, long key, boolean draw) {
        for (int r = 0; r < rows; r += hiddenBlockRows) {
            int n = Math.min(hiddenBlockRows, rows - r) * nh;
            int at = (first + r) * nh;
            hBuf.get(at, pre, 0, n);
            FastSigmoid.apply(pre, hiddenBiasBlock, prob, n);
            if (draw) {
                bernoulli.uniforms(uniform, n, key, r * nh);
                CounterBernoulli.draw(prob, uniform, sample, n);
                hidBuf.put(r * nh, sample, 0, n);
            }
            if (store) {
                for (int i = 0; i < n; i++) {
                    pre[i] = c * prob[i];
                }
                hBuf.put(at, pre, 0, n);
            }
        }
    }

    /** The chain's visible rows hold h W^T: replaces them with Bernoulli draws of sigmoid(a + h W^T). */
    private void visiblePass(long key) {
        for (int r = 0; r < numChains; r += visibleBlockRows) {
            int n = Math.min(visibleBlockRows, numChains - r) * nv;
            int at = (batch + r) * nv;
            vBuf.get(at, pre, 0, n);
            FastSigmoid.apply(pre, visibleBiasBlock, prob, n);
            bernoulli.uniforms(uniform, n, key, r * nv);
            CounterBernoulli.draw(prob, uniform, sample, n);
            vBuf.put(at, sample, 0, n);
        }
    }

    /** Sets the row weights s = [-scale/B (B times); scale/C (C times)] of the visible-bias gradient s^T V. */
    private void setScale(float scale) {
        if (rowWeightsScale != scale) {
            float[] s = new float[batch + numChains];
            Arrays.fill(s, 0, batch, -scale / batch);
            Arrays.fill(s, batch, s.length, scale / numChains);
            rowWeights.put(s, 0, s.length);
            rowWeightsScale = scale;
        }
    }

    /** Copies a [rows, n_v] array into a row-major buffer (direct memcpy when it is float 'c'). */
    private static void copyInto(INDArray src, FloatBlas.Mat dst) {
        FloatBlas.Mat m = FloatBlas.Mat.of(src);
        INDArray c = m != null && !m.transposed() ? src : src.castTo(DataType.FLOAT).dup('c');
        Pointer.memcpy(dst.ptr(), FloatBlas.pointer(c), 4L * dst.rows() * dst.cols());
    }

    /**
     * An explicit {@link TrainingThreads} count, else (AUTO) 1 for models below
     * {@value #AUTO_TWO_THREADS_MIN_WEIGHTS} weights or when the cores are shared with other trainings, and
     * otherwise the faster of 1 and 2 as measured while training ({@link ThreadTuner}).
     */
    private int threads() {
        int t = TrainingThreads.get();
        if (t != TrainingThreads.AUTO) {
            tuner = null;
            return Math.max(1, Math.min(t, Runtime.getRuntime().availableProcessors()));
        }
        if ((long) nv * nh < AUTO_TWO_THREADS_MIN_WEIGHTS || TrainingThreads.share() < 2) {
            tuner = null;
            return 1;
        }
        if (tuner == null) {
            tuner = new ThreadTuner(2, nv + "x" + nh + "x" + batch + "x" + numChains);
        }
        return tuner.threads();
    }

    private void ensureBuffers(int newBatch, int newChains) {
        if (newBatch == batch && newChains == numChains) {
            return;
        }
        batch = newBatch;
        numChains = newChains;
        int rows = batch + numChains;
        FloatPointer vStack = new FloatPointer((long) rows * nv);
        FloatPointer hStack = new FloatPointer((long) rows * nh);
        FloatPointer hidden = new FloatPointer((long) numChains * nh);
        vAll = FloatBlas.Mat.rowMajor(vStack, rows, nv);
        hAll = FloatBlas.Mat.rowMajor(hStack, rows, nh);
        v0 = FloatBlas.Mat.rowMajor(vStack, batch, nv);
        vk = FloatBlas.Mat.rowMajor(vStack.getPointer((long) batch * nv), numChains, nv);
        ph0 = FloatBlas.Mat.rowMajor(hStack, batch, nh);
        phk = FloatBlas.Mat.rowMajor(hStack.getPointer((long) batch * nh), numChains, nh);
        hid = FloatBlas.Mat.rowMajor(hidden, numChains, nh);
        vBuf = vStack.asBuffer();
        hBuf = hStack.asBuffer();
        hidBuf = hidden.asBuffer();
        rowWeights = new FloatPointer(rows);
        rowWeightsScale = Float.NaN;
        float[] one = new float[rows];
        Arrays.fill(one, 1f);
        ones = new FloatPointer(rows);
        ones.put(one, 0, rows);
    }
}
