package org.rgflow.rbm;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BasePretrainNetwork;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.params.PretrainParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J layer configuration of a Bernoulli&ndash;Bernoulli RBM (nIn = numVisible, nOut = numHidden), serialisable
 * in a {@code MultiLayerConfiguration} (JSON {@code "@class": "org.rgflow.rbm.RbmLayer"}). Parameters are DL4J's
 * pretrain layout: {@code W} [nIn, nOut], {@code b} [1, nOut] (hidden bias), {@code vb} [1, nIn] (visible bias).
 * {@code activate} returns p(h|v) (sigmoid); {@code fit}/{@code pretrainLayer} run CD-k with sampled chains
 * ({@link RbmLayerImpl}). A disabled bias is initialised to zero and its gradient is zero, so every updater
 * leaves it at zero.
 *
 * <pre>{@code
 * new RbmLayer.Builder().nIn(1024).nOut(256).k(1).visibleBias(false).hiddenBias(false).build()
 * }</pre>
 */
public class RbmLayer extends BasePretrainNetwork {

    private static final long serialVersionUID = 1L;

    private int k = 1;
    private boolean visibleBiasEnabled = true;
    private boolean hiddenBiasEnabled = true;

    /** For Jackson. */
    public RbmLayer() {
    }

    private RbmLayer(Builder b) {
        super(b);
        this.k = b.k;
        this.visibleBiasEnabled = b.visibleBias;
        this.hiddenBiasEnabled = b.hiddenBias;
        initializeConstraints(b);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        RbmLayerImpl layer = new RbmLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        if (initializeParams) {
            if (!visibleBiasEnabled) {
                params.get(PretrainParamInitializer.VISIBLE_BIAS_KEY).assign(0);
            }
            if (!hiddenBiasEnabled) {
                params.get(PretrainParamInitializer.BIAS_KEY).assign(0);
            }
        }
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return PretrainParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        long numParams = initializer().numParams(this);
        long perExample = 2 * (nIn + nOut) * (k + 1);
        return new LayerMemoryReport.Builder(layerName, RbmLayer.class, inputType, out)
                .standardMemory(numParams, numParams).workingMemory(0, perExample, 0, perExample)
                .cacheMemory(0, 0).build();
    }

    /** Gibbs steps of CD-k (&ge; 1). */
    public int getK() {
        return k;
    }

    public void setK(int k) {
        this.k = k;
    }

    public boolean isVisibleBiasEnabled() {
        return visibleBiasEnabled;
    }

    public void setVisibleBiasEnabled(boolean b) {
        this.visibleBiasEnabled = b;
    }

    public boolean isHiddenBiasEnabled() {
        return hiddenBiasEnabled;
    }

    public void setHiddenBiasEnabled(boolean b) {
        this.hiddenBiasEnabled = b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RbmLayer other && super.equals(o) && k == other.k
                && visibleBiasEnabled == other.visibleBiasEnabled && hiddenBiasEnabled == other.hiddenBiasEnabled;
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof RbmLayer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), k, visibleBiasEnabled, hiddenBiasEnabled);
    }

    @Override
    public String toString() {
        return "RbmLayer(nIn=" + nIn + ", nOut=" + nOut + ", k=" + k + ", visibleBias=" + visibleBiasEnabled
                + ", hiddenBias=" + hiddenBiasEnabled + ")";
    }

    @Override
    public RbmLayer clone() {
        return (RbmLayer) super.clone();
    }

    /** Builder; defaults: k = 1, both biases on, sigmoid activation, loss XENT (for DL4J's logged score only). */
    public static class Builder extends BasePretrainNetwork.Builder<Builder> {
        private int k = 1;
        private boolean visibleBias = true;
        private boolean hiddenBias = true;

        public Builder() {
            activation(Activation.SIGMOID);
            lossFunction(LossFunctions.LossFunction.XENT);
        }

        /** Gibbs steps of CD-k. */
        public Builder k(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("k (CD steps) must be >= 1, got " + steps);
            }
            this.k = steps;
            return this;
        }

        /** Whether the visible bias a is a parameter (false: held at 0, as Iso et al.). */
        public Builder visibleBias(boolean on) {
            this.visibleBias = on;
            return this;
        }

        /** Whether the hidden bias b is a parameter (false: held at 0). */
        public Builder hiddenBias(boolean on) {
            this.hiddenBias = on;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public RbmLayer build() {
            return new RbmLayer(this);
        }
    }
}
