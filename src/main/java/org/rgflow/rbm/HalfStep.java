package org.rgflow.rbm;

/**
 * How one half step of Gibbs sampling propagates a layer: a Bernoulli sample of the conditional, or
 * its mean (the conditional probabilities themselves, "mean-field").
 */
public enum HalfStep {
    /** Units drawn from p(unit = 1 | other layer): values in {0,1}. */
    SAMPLED,
    /** Units replaced by p(unit = 1 | other layer): values in [0,1]. */
    MEAN_FIELD
}
