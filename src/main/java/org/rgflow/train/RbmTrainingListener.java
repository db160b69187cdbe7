package org.rgflow.train;

/** Receives training events of {@link RbmTrainer} (called on the training thread). */
public interface RbmTrainingListener {

    /**
     * A layer starts (or resumes) training.
     *
     * @param layer          layer index
     * @param epochsDone     epochs already done (non-zero when resuming)
     * @param epochs         epochs planned
     * @param batchesPerEpoch batches per epoch if known, else -1
     */
    default void onLayerStart(int layer, int epochsDone, int epochs, long batchesPerEpoch) {
    }

    /** A batch was trained (cheap: no metrics). */
    default void onBatch(int layer, int epoch, long batch) {
    }

    /** An epoch finished, with its metrics. */
    default void onEpochEnd(EpochMetrics metrics) {
    }

    /** A layer finished. */
    default void onLayerEnd(int layer) {
    }
}
