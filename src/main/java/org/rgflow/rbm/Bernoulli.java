package org.rgflow.rbm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bernoulli draws with an explicit ND4J generator: {@code out_ij = 1} with probability {@code p_ij}.
 * Uses ND4J's {@code BernoulliDistribution} op (about 1 ns per element, STACK.md &sect;4).
 */
public final class Bernoulli {

    private Bernoulli() {
    }

    /**
     * Fills {@code out} with Bernoulli(p) samples.
     *
     * @param probabilities [rows, cols], values in [0,1]
     * @param out           [rows, cols], same dtype; overwritten with {0,1}
     * @param rng           the generator (advanced)
     * @return {@code out}
     */
    public static INDArray sampleInto(INDArray probabilities, INDArray out, Random rng) {
        Nd4j.getExecutioner().exec(new BernoulliDistribution(out, probabilities), rng);
        return out;
    }

    /** A new array of Bernoulli(p) samples, same shape and dtype as {@code probabilities}. */
    public static INDArray sample(INDArray probabilities, Random rng) {
        INDArray out = Nd4j.createUninitialized(probabilities.dataType(), probabilities.shape());
        return sampleInto(probabilities, out, rng);
    }

    /** A new ND4J generator seeded with {@code seed} (never the global one). */
    public static Random newRandom(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }
}
