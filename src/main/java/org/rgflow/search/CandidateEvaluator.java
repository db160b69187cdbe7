package org.rgflow.search;

import java.nio.file.Path;
import java.util.Map;

/**
 * Trains and scores one candidate. Implementations must be safe to call from several threads at once (one
 * candidate per call) and take all randomness from the parameters or their own seeds.
 */
@FunctionalInterface
public interface CandidateEvaluator {

    /**
     * @param index      candidate number (0-based)
     * @param parameters name -> value, as generated from the {@link SearchSpace}
     * @param dir        empty directory for this candidate's outputs (model directory)
     * @return the score; NaN or infinite marks the candidate failed
     * @throws Exception any failure, recorded in the results table
     */
    double evaluate(int index, Map<String, Object> parameters, Path dir) throws Exception;

    /**
     * What {@link SearchRunner} calls: as {@link #evaluate(int, Map, Path)}, plus the candidate's flat parameter
     * vector from the Arbiter generator (one value in [0, 1] per free dimension, in {@link SearchSpace#freeNames()}
     * order), for evaluators that build the model from an Arbiter space ({@link ThermometerSpace}).
     */
    default double evaluate(int index, Map<String, Object> parameters, double[] flatParameters, Path dir)
            throws Exception {
        return evaluate(index, parameters, dir);
    }
}
