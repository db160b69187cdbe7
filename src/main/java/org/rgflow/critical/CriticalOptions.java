package org.rgflow.critical;

/**
 * What a critical-point run does (immutable; the cli maps configs to it).
 *
 * @param sizes linear sizes L, increasing; crossings are taken between successive sizes
 * @param temperatures the coarse grid, increasing, all &gt; 0
 * @param numChains chains per run
 * @param thermalizationSweeps sweeps discarded at the start of every run
 * @param sweepsBetweenSamples sweeps between recorded samples (&ge; 1)
 * @param samplesPerChain samples per chain on the coarse grid
 * @param refine whether to run the second pass at the coarse crossing of the largest pair
 * @param refinementSamplesPerChain samples per chain in the second pass (which also records correlators)
 * @param correlatorMinDistance first distance r of the correlator fits
 * @param correlatorMaxFraction last distance of the fits as a fraction of L (r_max = floor(f L))
 * @param seed master seed; size s uses Seeds.child(seed, s), its coarse temperature i
 *     Seeds.temperatureSeed(sizeSeed, i) and its refinement run Seeds.child(sizeSeed, REFINEMENT_STREAM)
 */
public record CriticalOptions(int[] sizes, double[] temperatures, int numChains, int thermalizationSweeps,
        int sweepsBetweenSamples, int samplesPerChain, boolean refine, int refinementSamplesPerChain,
        int correlatorMinDistance, double correlatorMaxFraction, long seed) {

    /** Seed stream of the refinement runs ("refine"). */
    public static final long REFINEMENT_STREAM = 0x726566696E65L;

    public CriticalOptions {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("need at least 2 sizes for Binder crossings, got " + sizes.length);
        }
        for (int i = 1; i < sizes.length; i++) {
            if (sizes[i] <= sizes[i - 1]) {
                throw new IllegalArgumentException("sizes must increase, got " + java.util.Arrays.toString(sizes));
            }
        }
        if (temperatures.length < 2) {
            throw new IllegalArgumentException("need at least 2 temperatures, got " + temperatures.length);
        }
        for (int i = 0; i < temperatures.length; i++) {
            if (!(temperatures[i] > 0) || (i > 0 && temperatures[i] <= temperatures[i - 1])) {
                throw new IllegalArgumentException("temperatures must be > 0 and increasing, got "
                        + java.util.Arrays.toString(temperatures));
            }
        }
        if (numChains < 1 || sweepsBetweenSamples < 1 || samplesPerChain < 2 || refinementSamplesPerChain < 2
                || thermalizationSweeps < 0 || correlatorMinDistance < 1 || !(correlatorMaxFraction > 0)
                || correlatorMaxFraction > 0.5) {
            throw new IllegalArgumentException(String.format("need numChains >= 1 (%d), sweepsBetweenSamples >= 1 (%d), "
                    + "samplesPerChain >= 2 (%d), refinementSamplesPerChain >= 2 (%d), thermalizationSweeps >= 0 (%d), "
                    + "correlatorMinDistance >= 1 (%d) and correlatorMaxFraction in (0, 0.5] (%s)", numChains,
                    sweepsBetweenSamples, samplesPerChain, refinementSamplesPerChain, thermalizationSweeps,
                    correlatorMinDistance, correlatorMaxFraction));
        }
        sizes = sizes.clone();
        temperatures = temperatures.clone();
    }

    /** Last fitted distance for size L (at least rMin + 2, at most L/2). */
    public int correlatorMaxDistance(int length) {
        return Math.min(length / 2, Math.max(correlatorMinDistance + 2, (int) Math.floor(correlatorMaxFraction * length)));
    }
}
