package org.rgflow.config;

/**
 * Sampling of every (L, T) run of a critical-point scan.
 *
 * @param rule update rule (default {@code auto}: Wolff for NN, Fukui&ndash;Todo clusters for long-range)
 * @param numChains independent chains per run (default 4)
 * @param thermalizationSweeps discarded sweeps per run (default 1000; Wolff needs &ge; 20)
 * @param sweepsBetweenSamples sweeps between recorded samples (default 1; errors are blocked by &tau;_int anyway)
 * @param samplesPerChain samples per chain on the coarse grid (default 2000)
 * @param threads CPU threads for rules that parallelise over chains (0 = all processors)
 */
public record CriticalSamplingConfig(String rule, Integer numChains, Integer thermalizationSweeps,
        Integer sweepsBetweenSamples, Integer samplesPerChain, Integer threads) {

    public CriticalSamplingConfig {
        rule = Checks.oneOf("rule", rule == null ? "auto" : rule, SamplerConfig.RULES);
        numChains = Checks.inRange("numChains", numChains == null ? 4 : numChains, 1, 1024);
        thermalizationSweeps = Checks.inRange("thermalizationSweeps",
                thermalizationSweeps == null ? 1000 : thermalizationSweeps, 20, 100_000_000);
        sweepsBetweenSamples = Checks.inRange("sweepsBetweenSamples",
                sweepsBetweenSamples == null ? 1 : sweepsBetweenSamples, 1, 1_000_000);
        samplesPerChain = Checks.inRange("samplesPerChain", samplesPerChain == null ? 2000 : samplesPerChain, 8,
                100_000_000);
        threads = Checks.inRange("threads", threads == null ? 0 : threads, 0, 1024);
    }
}
