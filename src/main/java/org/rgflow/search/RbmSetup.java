package org.rgflow.search;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.rgflow.train.TrainingOptions;

/**
 * Everything needed to build and train one candidate RBM stack (the CLI maps a candidate's parameters to this).
 *
 * @param sizes       units per level, visible first
 * @param visibleBias visible biases are parameters
 * @param hiddenBias  hidden biases are parameters
 * @param dtype       FLOAT or DOUBLE
 * @param batchSize   training batch size
 * @param options     trainer options (CD-k/PCD, updater, penalties, epochs, seed; checkpoints are ignored)
 */
public record RbmSetup(int[] sizes, boolean visibleBias, boolean hiddenBias, DataType dtype, int batchSize,
        TrainingOptions options) {

    public RbmSetup {
        sizes = sizes.clone();
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(options, "options");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public String toString() {
        return "RbmSetup[sizes=" + Arrays.toString(sizes) + ", options=" + options + "]";
    }
}
