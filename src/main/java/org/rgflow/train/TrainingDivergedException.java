package org.rgflow.train;

/** Training produced NaN or infinite parameters; the message names the layer, the epoch and the fix. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrainingDivergedException(int layer, int epoch, double learningRate) {
        super(String.format("training diverged: NaN or infinite parameters in layer %d at epoch %d. "
                + "Try a smaller learning rate (currently %s), e.g. %s", layer, epoch, learningRate, learningRate / 10));
    }
}
