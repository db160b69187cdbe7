package org.rgflow.search;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.rgflow.rbm.Ais;
import org.rgflow.rbm.ExactRbm;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.RbmMetrics;

/**
 * Held-out scores of a trained RBM (the first layer of a stack, on visible data).
 * <ul>
 * <li>{@link #LOG_LIKELIHOOD}: mean \( -F(v) - \log Z \) per example; \( \log Z \) exact when
 * \( \min(n_v, n_h) \le \) {@value #EXACT_MAX_UNITS}, else AIS ({@value #AIS_RUNS} runs,
 * {@value #AIS_STEPS} inverse temperatures, base rates from the training data). Higher is better.</li>
 * <li>{@link #PSEUDO_LOG_LIKELIHOOD}: exact per-spin pseudo-log-likelihood. Higher is better.</li>
 * <li>{@link #RECONSTRUCTION_ERROR}: mean-field squared reconstruction error per spin. Lower is better.</li>
 * <li>{@link #PHYSICS}: observables of generated samples against the data's, computed by {@link PhysicsScore}
 * (which {@link RbmCandidateEvaluator} calls; {@link #score} refuses it). Higher is better.</li>
 * </ul>
 */
public enum RbmScore {
    LOG_LIKELIHOOD(false), PSEUDO_LOG_LIKELIHOOD(false), RECONSTRUCTION_ERROR(true), PHYSICS(false);

    /** Exact log Z up to this many units in the smaller layer. */
    public static final int EXACT_MAX_UNITS = 20;
    static final int AIS_RUNS = 100;
    static final int AIS_STEPS = 2000;

    private final boolean minimize;

    RbmScore(boolean minimize) {
        this.minimize = minimize;
    }

    public boolean minimize() {
        return minimize;
    }

    /**
     * @param heldOut [n, numVisible] in {0,1}
     * @param train   [m, numVisible] in {0,1} (AIS base rates)
     * @param rng     generator for AIS
     */
    public double score(Rbm rbm, INDArray heldOut, INDArray train, Random rng) {
        return switch (this) {
            case LOG_LIKELIHOOD -> {
                if (ExactRbm.isTractable(rbm, EXACT_MAX_UNITS)) {
                    yield ExactRbm.logLikelihood(rbm, heldOut.castTo(rbm.dataType()));
                }
                Rbm r64 = rbm.castTo(DataType.DOUBLE);
                Ais.Result ais = Ais.estimate(r64, Ais.baseBiasesFromData(train.castTo(DataType.DOUBLE)),
                        Ais.standardSchedule(AIS_STEPS), AIS_RUNS, rng);
                yield ExactRbm.logLikelihood(r64, heldOut.castTo(DataType.DOUBLE), ais.logZ());
            }
            case PSEUDO_LOG_LIKELIHOOD -> RbmMetrics.pseudoLogLikelihood(rbm, heldOut);
            case RECONSTRUCTION_ERROR -> RbmMetrics.reconstructionError(rbm, heldOut);
            case PHYSICS -> throw new IllegalStateException("the physics score needs a PhysicsScore (lattice and "
                    + "reference observables); see RbmCandidateEvaluator");
        };
    }
}
