package org.rgflow.train;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.params.PretrainParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.rgflow.rbm.Bernoulli;
import org.rgflow.rbm.ContrastiveDivergence;
import org.rgflow.rbm.Rbm;

/**
 * Mutable training state of one layer: the lean CD step on the layer's own parameter view, with a flat
 * gradient laid out exactly like the parameters (DL4J's W, b, vb views) so that one {@code IUpdater} call
 * updates all of them. Step: CD/PCD gradient (batch mean) &rarr; + l2&middot;W + l1&middot;sign(W) &rarr;
 * {@code applyUpdater(grad, iteration, epoch)} &rarr; {@code params -= grad}. Plain {@code Sgd} without
 * penalties takes a fused path ({@link ContrastiveDivergence#descend}: {@code params -= lr·grad} inside the
 * gradient GEMMs, two fewer ND4J ops per step over the whole parameter vector). Owned by one thread.
 */
final class LayerSession {

    final Rbm rbm;
    final INDArray params;
    final INDArray updaterState;
    INDArray chains;
    long iteration;
    private final INDArray gradient;
    private final INDArray gW;
    private final INDArray gVb;
    private final INDArray gHb;
    private final GradientUpdater<?> updater;
    /** Plain Sgd without penalties: the update goes straight into the parameters (no gradient array). */
    private final Sgd plainSgd;
    private final ContrastiveDivergence cd;
    private final TrainingOptions options;
    private final int layerIndex;

    LayerSession(Layer layer, int layerIndex, TrainingOptions options, INDArray savedUpdaterState,
            INDArray savedChains, long iteration) {
        this.rbm = Rbm.of(layer);
        this.params = layer.params();
        this.options = options;
        this.layerIndex = layerIndex;
        this.gradient = Nd4j.zeros(params.dataType(), params.shape());
        Map<String, INDArray> views = PretrainParamInitializer.getInstance()
                .getGradientsFromFlattened(layer.conf(), gradient);
        this.gW = views.get(PretrainParamInitializer.WEIGHT_KEY);
        this.gHb = views.get(PretrainParamInitializer.BIAS_KEY).reshape(1, rbm.numHidden());
        this.gVb = views.get(PretrainParamInitializer.VISIBLE_BIAS_KEY).reshape(1, rbm.numVisible());
        if (!gW.isView() || !gHb.isView() || !gVb.isView()) {
            throw new IllegalStateException("gradient views must alias the flat gradient");
        }
        IUpdater config = options.updater();
        this.plainSgd = config.getClass() == Sgd.class && options.l1() == 0 && options.l2() == 0 ? (Sgd) config : null;
        long stateSize = config.stateSize(params.length());
        if (stateSize > 0) {
            updaterState = savedUpdaterState != null ? savedUpdaterState.castTo(params.dataType()).reshape(1, stateSize)
                    : Nd4j.zeros(params.dataType(), 1, stateSize);
            updater = config.instantiate(updaterState, savedUpdaterState == null);
        } else {
            updaterState = null;
            updater = config.instantiate((INDArray) null, true);
        }
        this.chains = savedChains == null ? null : savedChains.castTo(params.dataType());
        this.iteration = iteration;
        this.cd = new ContrastiveDivergence(rbm);
    }

    /** One update on a batch [batch, numVisible] (model dtype), epoch 0-based. */
    void step(INDArray batch, Random rng, int epoch) {
        if (options.persistent() && chains == null) {
            int n = options.numPersistentChains() > 0 ? options.numPersistentChains() : (int) batch.rows();
            try (Random chainRng = Bernoulli.newRandom(TrainingSeeds.chainSeed(options.seed(), layerIndex))) {
                INDArray half = Nd4j.valueArrayOf(new long[] {n, rbm.numVisible()}, 0.5, params.dataType());
                chains = Bernoulli.sample(half, chainRng);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        INDArray negative = options.persistent() ? chains : null;
        if (plainSgd != null) {
            // what SgdUpdater does (gradient *= lr, params -= gradient), fused into the gradient GEMMs
            cd.descend(batch, negative, options.cdK(), plainSgd.getLearningRate((int) iteration, epoch), rng);
            iteration++;
            return;
        }
        cd.gradient(batch, negative, options.cdK(), 1.0, rng, gW, gVb, gHb);
        INDArray w = rbm.weightsView();
        if (options.l2() > 0) {
            gW.addi(w.mul(options.l2()));
        }
        if (options.l1() > 0) {
            gW.addi(Transforms.sign(w, true).muli(options.l1()));
        }
        updater.applyUpdater(gradient, (int) iteration, epoch);
        params.subi(gradient);
        iteration++;
    }

    /** Whether every parameter is finite. */
    boolean isFinite() {
        double s = params.sumNumber().doubleValue();
        double m = params.amaxNumber().doubleValue();
        return Double.isFinite(s) && Double.isFinite(m) && !Double.isNaN(s);
    }
}
