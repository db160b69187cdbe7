package org.rgflow.rbm;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BasePretrainNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J implementation of {@link RbmLayer}. {@link #computeGradientAndScore} runs CD-k with sampled
 * chains ({@link ContrastiveDivergence}) and returns the <em>batch-summed</em> gradient of the negative
 * log-likelihood (DL4J divides by the minibatch size and minimises, STACK.md &sect;2). The score is the
 * mean-field reconstruction error ({@link RbmMetrics#reconstructionError}). Sampling uses a generator
 * owned by the layer, seeded from the network configuration's seed and the layer index (never ND4J's
 * global one); it restarts after deserialisation. For fast and resumable training use
 * {@code org.rgflow.train.RbmTrainer}, which drives the same parameters.
 */
public class RbmLayerImpl extends BasePretrainNetwork<RbmLayer> {

    private transient Random rng;
    private transient ContrastiveDivergence cd;
    private transient Rbm view;

    public RbmLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return true;
    }

    /** The live {@link Rbm} view of this layer's parameters. */
    public Rbm rbm() {
        if (view == null || view.weightsView() != getParam("W")) {
            view = Rbm.of(this);
            cd = new ContrastiveDivergence(view);
        }
        return view;
    }

    private Random rng() {
        if (rng == null) {
            rng = Bernoulli.newRandom(conf.getSeed() * 31 + getIndex());
        }
        return rng;
    }

    @Override
    public Pair<INDArray, INDArray> sampleHiddenGivenVisible(INDArray v) {
        INDArray mean = rbm().hiddenProbabilities(v);
        return new Pair<>(mean, Bernoulli.sample(mean, rng()));
    }

    @Override
    public Pair<INDArray, INDArray> sampleVisibleGivenHidden(INDArray h) {
        INDArray mean = rbm().visibleProbabilities(h);
        return new Pair<>(mean, Bernoulli.sample(mean, rng()));
    }

    @Override
    public void computeGradientAndScore(LayerWorkspaceMgr workspaceMgr) {
        // scratch buffers persist across iterations, so they live outside DL4J's workspaces
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            Rbm model = rbm();
            INDArray v0 = input.castTo(model.dataType());
            INDArray gW = model.weightsView().ulike();
            INDArray gVb = model.visibleBiasView().ulike();
            INDArray gHb = model.hiddenBiasView().ulike();
            cd.gradient(v0, null, layerConf().getK(), v0.rows(), rng(), gW, gVb, gHb);
            Gradient g = createGradient(gW, gVb, gHb);
            this.gradient = g;
            this.score = RbmMetrics.reconstructionError(model, v0);
        }
    }

    @Override
    public Pair<Gradient, Double> gradientAndScore() {
        return new Pair<>(gradient(), score());
    }
}
