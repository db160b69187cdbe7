package org.rgflow.rbm;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.PretrainParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The functions of one Bernoulli&ndash;Bernoulli RBM with energy
 * \( E(v,h) = -a^\top v - b^\top h - v^\top W h \), \( v \in \{0,1\}^{n_v}, h \in \{0,1\}^{n_h} \):
 * <ul>
 * <li>\( p(h_j = 1 | v) = \sigma(b_j + (v^\top W)_j) \), \( p(v_i = 1 | h) = \sigma(a_i + (W h)_i) \);</li>
 * <li>free energy \( F(v) = -a^\top v - \sum_j \mathrm{softplus}(b_j + (v^\top W)_j) \), so
 *     \( p(v) = e^{-F(v)} / Z \).</li>
 * </ul>
 * An {@code Rbm} is a <em>view</em>: its arrays are the live parameters (for a DL4J layer, views into the
 * network's flat parameter vector, layout W, b, vb of {@link PretrainParamInitializer}); the trainer updates
 * them in place. Accessors {@link #weights()}, {@link #visibleBias()}, {@link #hiddenBias()} return copies.
 * A disabled bias is held at exactly zero. Works in the parameters' dtype (FLOAT or DOUBLE); inputs are cast
 * to it. Cost of each conditional: one [batch, n_v]&times;[n_v, n_h] GEMM.
 */
public final class Rbm {

    private final INDArray weights;
    private final INDArray visibleBias;
    private final INDArray hiddenBias;
    private final boolean visibleBiasEnabled;
    private final boolean hiddenBiasEnabled;

    private Rbm(INDArray weights, INDArray visibleBias, INDArray hiddenBias, boolean visibleBiasEnabled,
            boolean hiddenBiasEnabled) {
        this.weights = weights;
        this.visibleBias = visibleBias.rank() == 2 ? visibleBias : visibleBias.reshape(1, weights.rows());
        this.hiddenBias = hiddenBias.rank() == 2 ? hiddenBias : hiddenBias.reshape(1, weights.columns());
        this.visibleBiasEnabled = visibleBiasEnabled;
        this.hiddenBiasEnabled = hiddenBiasEnabled;
    }

    /**
     * The live view of a DL4J RBM layer's parameters (changes to the view change the layer).
     *
     * @param layer an instantiated {@link RbmLayerImpl} (or any layer with params W, b, vb)
     */
    public static Rbm of(Layer layer) {
        Map<String, INDArray> p = layer.paramTable();
        boolean vbOn = true;
        boolean hbOn = true;
        if (layer.conf().getLayer() instanceof RbmLayer conf) {
            vbOn = conf.isVisibleBiasEnabled();
            hbOn = conf.isHiddenBiasEnabled();
        }
        return new Rbm(p.get(PretrainParamInitializer.WEIGHT_KEY), p.get(PretrainParamInitializer.VISIBLE_BIAS_KEY),
                p.get(PretrainParamInitializer.BIAS_KEY), vbOn, hbOn);
    }

    /**
     * A view over the given arrays (not copied).
     *
     * @param weights     [numVisible, numHidden]
     * @param visibleBias [1, numVisible]
     * @param hiddenBias  [1, numHidden]
     */
    public static Rbm wrap(INDArray weights, INDArray visibleBias, INDArray hiddenBias) {
        Objects.requireNonNull(weights, "weights");
        long nv = weights.rows();
        long nh = weights.columns();
        if (visibleBias.length() != nv || hiddenBias.length() != nh) {
            throw new IllegalArgumentException("bias lengths (" + visibleBias.length() + ", " + hiddenBias.length()
                    + ") must match weights [" + nv + ", " + nh + "]");
        }
        return new Rbm(weights, visibleBias.reshape(1, nv), hiddenBias.reshape(1, nh), true, true);
    }

    /**
     * A new RBM with Gaussian parameters (for tests and examples).
     *
     * @param weightScale standard deviation of W
     * @param biasScale   standard deviation of both biases (0 = biases disabled and zero)
     */
    public static Rbm random(int numVisible, int numHidden, DataType dtype, double weightScale, double biasScale,
            long seed) {
        try (Random rng = Bernoulli.newRandom(seed)) {
            INDArray w = rng.nextGaussian(new long[] {numVisible, numHidden}).castTo(dtype).muli(weightScale);
            INDArray a = rng.nextGaussian(new long[] {1, numVisible}).castTo(dtype).muli(biasScale);
            INDArray b = rng.nextGaussian(new long[] {1, numHidden}).castTo(dtype).muli(biasScale);
            boolean on = biasScale != 0;
            return new Rbm(w, a, b, on, on);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int numVisible() {
        return (int) weights.rows();
    }

    public int numHidden() {
        return (int) weights.columns();
    }

    public DataType dataType() {
        return weights.dataType();
    }

    public boolean isVisibleBiasEnabled() {
        return visibleBiasEnabled;
    }

    public boolean isHiddenBiasEnabled() {
        return hiddenBiasEnabled;
    }

    /** A copy of W, [numVisible, numHidden]. */
    public INDArray weights() {
        return weights.dup('c');
    }

    /** A copy of the visible bias a, [1, numVisible] (zeros if disabled). */
    public INDArray visibleBias() {
        return visibleBias.dup('c');
    }

    /** A copy of the hidden bias b, [1, numHidden] (zeros if disabled). */
    public INDArray hiddenBias() {
        return hiddenBias.dup('c');
    }

    /** The live weight array (mutations change the model). */
    public INDArray weightsView() {
        return weights;
    }

    /** The live visible-bias array [1, numVisible]. */
    public INDArray visibleBiasView() {
        return visibleBias;
    }

    /** The live hidden-bias array [1, numHidden]. */
    public INDArray hiddenBiasView() {
        return hiddenBias;
    }

    /** An independent copy (detached arrays, same flags). */
    public Rbm copy() {
        return new Rbm(weights(), visibleBias(), hiddenBias(), visibleBiasEnabled, hiddenBiasEnabled);
    }

    /** The same parameters cast to {@code dtype} (a copy). */
    public Rbm castTo(DataType dtype) {
        return new Rbm(weights.castTo(dtype).dup('c'), visibleBias.castTo(dtype).dup('c'),
                hiddenBias.castTo(dtype).dup('c'), visibleBiasEnabled, hiddenBiasEnabled);
    }

    /**
     * Hidden pre-activations \( b + v W \).
     *
     * @param visible [batch, numVisible], values in [0,1]
     * @return [batch, numHidden], a new array
     */
    public INDArray hiddenPreActivation(INDArray visible) {
        INDArray x = cast(visible).mmul(weights);
        return hiddenBiasEnabled ? x.addiRowVector(hiddenBias) : x;
    }

    /**
     * Visible pre-activations \( a + h W^\top \).
     *
     * @param hidden [batch, numHidden], values in [0,1]
     * @return [batch, numVisible], a new array
     */
    public INDArray visiblePreActivation(INDArray hidden) {
        INDArray x = cast(hidden).mmul(weights.transpose());
        return visibleBiasEnabled ? x.addiRowVector(visibleBias) : x;
    }

    /**
     * p(h = 1 | v).
     *
     * @param visible [batch, numVisible] in {0,1} (or probabilities)
     * @return [batch, numHidden], values in (0,1)
     */
    public INDArray hiddenProbabilities(INDArray visible) {
        return Transforms.sigmoid(hiddenPreActivation(visible), false);
    }

    /**
     * p(v = 1 | h).
     *
     * @param hidden [batch, numHidden] in {0,1} (or probabilities)
     * @return [batch, numVisible], values in (0,1)
     */
    public INDArray visibleProbabilities(INDArray hidden) {
        return Transforms.sigmoid(visiblePreActivation(hidden), false);
    }

    /** One half step up: [batch, numVisible] &rarr; [batch, numHidden], sampled or mean-field. */
    public INDArray up(INDArray visible, HalfStep mode, Random rng) {
        INDArray p = hiddenProbabilities(visible);
        return mode == HalfStep.SAMPLED ? Bernoulli.sampleInto(p, p.ulike(), rng) : p;
    }

    /** One half step down: [batch, numHidden] &rarr; [batch, numVisible], sampled or mean-field. */
    public INDArray down(INDArray hidden, HalfStep mode, Random rng) {
        INDArray p = visibleProbabilities(hidden);
        return mode == HalfStep.SAMPLED ? Bernoulli.sampleInto(p, p.ulike(), rng) : p;
    }

    /**
     * {@code steps} full Gibbs steps v &rarr; h &rarr; v.
     *
     * @param visible    [batch, numVisible], the start (not modified)
     * @param hiddenMode how each upward half step propagates
     * @param visibleMode how each downward half step propagates
     * @param rng        used only by sampled half steps; may be null if both are mean-field
     * @return [batch, numVisible], the state after the last step
     */
    public INDArray gibbs(INDArray visible, int steps, HalfStep hiddenMode, HalfStep visibleMode, Random rng) {
        INDArray v = cast(visible).dup();
        WorkspaceLoop.run("gibbs", steps, s -> v.assign(down(up(v, hiddenMode, rng), visibleMode, rng)));
        return v;
    }

    /**
     * Free energy \( F(v) = -a^\top v - \sum_j \mathrm{softplus}(b_j + (v^\top W)_j) \) (stable softplus).
     *
     * @param visible [batch, numVisible]
     * @return [batch], a new vector
     */
    public INDArray freeEnergy(INDArray visible) {
        INDArray v = cast(visible);
        INDArray f = softplus(hiddenPreActivation(v)).sum(1).negi();
        if (visibleBiasEnabled) {
            f.subi(v.mmul(visibleBias.transpose()).reshape(f.shape()));
        }
        return f;
    }

    /**
     * Energy \( E(v,h) = -a^\top v - b^\top h - v^\top W h \).
     *
     * @param visible [batch, numVisible]
     * @param hidden  [batch, numHidden]
     * @return [batch]
     */
    public INDArray energy(INDArray visible, INDArray hidden) {
        INDArray v = cast(visible);
        INDArray h = cast(hidden);
        INDArray e = v.mmul(weights).muli(h).sum(1).negi();
        if (visibleBiasEnabled) {
            e.subi(v.mmul(visibleBias.transpose()).reshape(e.shape()));
        }
        if (hiddenBiasEnabled) {
            e.subi(h.mmul(hiddenBias.transpose()).reshape(e.shape()));
        }
        return e;
    }

    /** Numerically stable \( \log(1 + e^x) = \max(x,0) + \log(1 + e^{-|x|}) \), a new array. */
    static INDArray softplus(INDArray x) {
        INDArray tail = Transforms.log(Transforms.exp(Transforms.abs(x, true).negi(), false).addi(1.0), false);
        return Transforms.relu(x, true).addi(tail);
    }

    INDArray cast(INDArray a) {
        return a.dataType() == weights.dataType() ? a : a.castTo(weights.dataType());
    }

    /** Zeroes the disabled biases of this view (after an update). */
    public void enforceDisabledBiases() {
        if (!visibleBiasEnabled) {
            visibleBias.assign(0);
        }
        if (!hiddenBiasEnabled) {
            hiddenBias.assign(0);
        }
    }

    /** Creates a new empty [rows, cols] array of this model's dtype. */
    INDArray zeros(long rows, long cols) {
        return Nd4j.zeros(weights.dataType(), rows, cols);
    }
}
