package org.rgflow.config;

/**
 * How to sample each temperature.
 *
 * @param rule update rule: {@code auto} (Wolff / long-range cluster at zero field, Metropolis
 *     otherwise), {@code metropolis}, {@code metropolis-nd4j}, {@code wolff}, {@code swendsen-wang},
 *     {@code lr-cluster}, {@code lr-metropolis}
 * @param numChains independent chains per temperature
 * @param thermalizationSweeps sweeps discarded before measuring
 * @param sweepsBetweenSamples thinning; {@code 0} = auto: about 2 &tau;_int measured in a pilot run
 * @param configurationsPerTemperature configurations written per temperature (taken round-robin from the chains)
 * @param globalFlip flip each recorded configuration's spins with probability 1/2 (zero field only):
 *     symmetrises datasets at low T, where chains stay in one magnetisation sector
 * @param start {@code random} (T = &infin;) or {@code ordered} (all up)
 * @param threads CPU threads for the Java samplers (0 = all available processors)
 */
public record SamplerConfig(
        String rule,
        Integer numChains,
        Integer thermalizationSweeps,
        Integer sweepsBetweenSamples,
        Integer configurationsPerTemperature,
        Boolean globalFlip,
        String start,
        Integer threads) {

    public static final String[] RULES = {"auto", "metropolis", "metropolis-nd4j", "wolff", "swendsen-wang",
        "lr-cluster", "lr-metropolis"};

    public SamplerConfig {
        rule = Checks.oneOf("rule", rule == null ? "auto" : rule, RULES);
        numChains = Checks.inRange("numChains", numChains == null ? 8 : numChains, 1, 65536);
        thermalizationSweeps = Checks.inRange("thermalizationSweeps",
                thermalizationSweeps == null ? 1000 : thermalizationSweeps, 0, 100_000_000);
        sweepsBetweenSamples = Checks.inRange("sweepsBetweenSamples",
                sweepsBetweenSamples == null ? 0 : sweepsBetweenSamples, 0, 1_000_000);
        configurationsPerTemperature = Checks.inRange("configurationsPerTemperature",
                configurationsPerTemperature == null ? 1000 : configurationsPerTemperature, 2, 100_000_000);
        globalFlip = globalFlip == null ? Boolean.TRUE : globalFlip;
        start = Checks.oneOf("start", start == null ? "random" : start, "random", "ordered");
        threads = Checks.inRange("threads", threads == null ? 0 : threads, 0, 1024);
    }
}
