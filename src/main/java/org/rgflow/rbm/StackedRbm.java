package org.rgflow.rbm;

import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stack of RBMs held as a DL4J {@link MultiLayerNetwork} of {@link RbmLayer}s (a deep belief net when trained
 * greedily). Levels: level 0 is the visible layer, level i the hidden layer of RBM i&minus;1, so level i has
 * {@code size(i)} units. {@code net.output(v)} equals {@code up(v, numLayers())} in mean-field mode.
 */
public final class StackedRbm {

    /** Standard deviation of the initial weights, N(0, 0.01&sup2;) (Hinton 2010, &sect;8). */
    public static final double INITIAL_WEIGHT_STD = 0.01;

    private final MultiLayerNetwork network;

    private StackedRbm(MultiLayerNetwork network) {
        this.network = network;
    }

    /** Wraps an initialised network whose layers are all {@link RbmLayer}s. */
    public static StackedRbm of(MultiLayerNetwork network) {
        Objects.requireNonNull(network, "network");
        for (int i = 0; i < network.getnLayers(); i++) {
            if (!(network.getLayer(i).conf().getLayer() instanceof RbmLayer)) {
                throw new IllegalArgumentException("layer " + i + " is not an RbmLayer");
            }
        }
        return new StackedRbm(network);
    }

    /**
     * A new, initialised stack.
     *
     * @param sizes       units per level, e.g. {1600, 400, 100, 25}; at least two
     * @param k           CD steps stored in each layer configuration
     * @param visibleBias whether visible biases are parameters
     * @param hiddenBias  whether hidden biases are parameters
     * @param dtype       FLOAT or DOUBLE
     * @param seed        weight-initialisation seed (and the layers' own sampling seed)
     */
    public static StackedRbm create(int[] sizes, int k, boolean visibleBias, boolean hiddenBias, DataType dtype,
            long seed) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a stack needs at least two layer sizes, got " + sizes.length);
        }
        var list = new NeuralNetConfiguration.Builder().seed(seed).dataType(dtype)
                .weightInit(new NormalDistribution(0, INITIAL_WEIGHT_STD)).list();
        for (int i = 0; i + 1 < sizes.length; i++) {
            if (sizes[i] < 1 || sizes[i + 1] < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got " + java.util.Arrays.toString(sizes));
            }
            list.layer(i, new RbmLayer.Builder().nIn(sizes[i]).nOut(sizes[i + 1]).k(k).visibleBias(visibleBias)
                    .hiddenBias(hiddenBias).weightInit(new NormalDistribution(0, INITIAL_WEIGHT_STD)).build());
        }
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new StackedRbm(net);
    }

    /** The DL4J network (live). */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Number of RBMs. */
    public int numLayers() {
        return network.getnLayers();
    }

    /** Units at {@code level} (0 = visible). */
    public int size(int level) {
        return level == 0 ? rbm(0).numVisible() : rbm(level - 1).numHidden();
    }

    /** The live view of RBM {@code layer}. */
    public Rbm rbm(int layer) {
        return Rbm.of(network.getLayer(layer));
    }

    /**
     * Propagates visible data up to {@code level}.
     *
     * @param visible [batch, size(0)]
     * @param mode    mean-field (probabilities, deterministic; rng may be null) or sampled
     * @return [batch, size(level)]
     */
    public INDArray up(INDArray visible, int level, HalfStep mode, Random rng) {
        checkLevel(level);
        INDArray x = visible;
        for (int j = 0; j < level; j++) {
            x = rbm(j).up(x, mode, rng);
        }
        return x;
    }

    /** Mean-field {@link #up(INDArray, int, HalfStep, Random)}. */
    public INDArray up(INDArray visible, int level) {
        return up(visible, level, HalfStep.MEAN_FIELD, null);
    }

    /**
     * Propagates units at {@code level} down to the visible layer.
     *
     * @param hidden [batch, size(level)]
     * @return [batch, size(0)]
     */
    public INDArray down(INDArray hidden, int level, HalfStep mode, Random rng) {
        checkLevel(level);
        INDArray x = hidden;
        for (int j = level - 1; j >= 0; j--) {
            x = rbm(j).down(x, mode, rng);
        }
        return x;
    }

    /** Mean-field {@link #down(INDArray, int, HalfStep, Random)}. */
    public INDArray down(INDArray hidden, int level) {
        return down(hidden, level, HalfStep.MEAN_FIELD, null);
    }

    /**
     * Top-down generation: {@code gibbsSteps} sampled Gibbs steps in the top RBM from uniformly random visible
     * units of that RBM, then a sampled pass down the stack; the last half step is {@code lastStep}.
     *
     * @return [numSamples, size(0)]: {0,1} samples, or probabilities if lastStep is MEAN_FIELD
     */
    public INDArray generate(int numSamples, int gibbsSteps, HalfStep lastStep, Random rng) {
        int top = numLayers() - 1;
        Rbm topRbm = rbm(top);
        INDArray start = Nd4j.valueArrayOf(new long[] {numSamples, topRbm.numVisible()}, 0.5, topRbm.dataType());
        INDArray x = topRbm.gibbs(Bernoulli.sample(start, rng), gibbsSteps, HalfStep.SAMPLED, HalfStep.SAMPLED, rng);
        for (int j = top - 1; j >= 0; j--) {
            x = rbm(j).down(x, j == 0 ? lastStep : HalfStep.SAMPLED, rng);
        }
        return x;
    }

    /**
     * Receptive fields of the units at {@code level}: \( W^{(0)} W^{(1)} \cdots W^{(level-1)} \); column a is the
     * field of unit a over the visible sites (callers reshape it to L&times;L).
     *
     * @return [size(0), size(level)]
     */
    public INDArray receptiveFields(int level) {
        if (level < 1 || level > numLayers()) {
            throw new IllegalArgumentException("level must be in 1.." + numLayers() + ", got " + level);
        }
        INDArray product = rbm(0).weights();
        for (int j = 1; j < level; j++) {
            product = product.mmul(rbm(j).weightsView());
        }
        return product;
    }

    private void checkLevel(int level) {
        if (level < 0 || level > numLayers()) {
            throw new IllegalArgumentException("level must be in 0.." + numLayers() + ", got " + level);
        }
    }
}
