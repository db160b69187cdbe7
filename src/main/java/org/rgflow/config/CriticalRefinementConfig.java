package org.rgflow.config;

/**
 * The second pass of a critical-point run: one longer run per size at the coarse crossing of the two
 * largest sizes, with correlators recorded and crossings re-solved by histogram reweighting.
 *
 * @param enabled run the second pass (default true; without it only T_c from the coarse grid is reported)
 * @param samplesPerChain samples per chain (default 10000)
 * @param correlatorMinDistance first distance r of the G(r) and energy-correlator fits (default 2)
 * @param correlatorMaxFraction last fitted distance as a fraction of L, in (0, 0.5] (default 0.25)
 */
public record CriticalRefinementConfig(Boolean enabled, Integer samplesPerChain, Integer correlatorMinDistance,
        Double correlatorMaxFraction) {

    public CriticalRefinementConfig {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        samplesPerChain = Checks.inRange("samplesPerChain", samplesPerChain == null ? 10_000 : samplesPerChain, 8,
                100_000_000);
        correlatorMinDistance = Checks.inRange("correlatorMinDistance",
                correlatorMinDistance == null ? 2 : correlatorMinDistance, 1, 1024);
        correlatorMaxFraction = correlatorMaxFraction == null ? 0.25 : correlatorMaxFraction;
        if (!(correlatorMaxFraction > 0 && correlatorMaxFraction <= 0.5)) {
            throw new IllegalArgumentException("correlatorMaxFraction: must be in (0, 0.5], got " + correlatorMaxFraction);
        }
    }
}
