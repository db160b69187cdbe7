package org.rgflow.config;

/**
 * Settings of the search's physics score.
 *
 * @param samples    configurations generated from each candidate (default 1000, at least 20)
 * @param gibbsSteps Gibbs steps of each generating chain in the top RBM (default 500)
 */
public record SearchPhysicsConfig(Integer samples, Integer gibbsSteps) {

    public SearchPhysicsConfig {
        samples = Checks.inRange("physics.samples", samples == null ? 1000 : samples, 20, 10_000_000);
        gibbsSteps = Checks.inRange("physics.gibbsSteps", gibbsSteps == null ? 500 : gibbsSteps, 0, 10_000_000);
    }
}
