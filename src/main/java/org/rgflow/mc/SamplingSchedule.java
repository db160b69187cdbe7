package org.rgflow.mc;

/**
 * Monte Carlo time per temperature.
 *
 * @param thermalizationSweeps sweeps discarded first
 * @param sweepsBetweenSamples thinning interval; 0 = automatic, {@link #autoInterval(double)}
 *     from &tau;_int measured in a pilot run (the pilot also thermalises)
 * @param configurationsPerTemperature configurations recorded, taken round-robin from the chains
 * @param globalFlip flip each recorded configuration with probability 1/2 (zero field only)
 * @param start initial state of the chains
 */
public record SamplingSchedule(int thermalizationSweeps, int sweepsBetweenSamples, int configurationsPerTemperature,
        boolean globalFlip, InitialState start) {

    /** Pilot run length bounds (sweeps) for the automatic interval. */
    public static final int MIN_PILOT_SWEEPS = 200;
    public static final int MAX_PILOT_SWEEPS = 20_000;
    /** The automatic interval is capped here; the manifest then reports the larger measured &tau;. */
    public static final int MAX_AUTO_INTERVAL = 2_000;

    public SamplingSchedule {
        if (thermalizationSweeps < 0 || sweepsBetweenSamples < 0 || configurationsPerTemperature < 1) {
            throw new IllegalArgumentException("thermalizationSweeps >= 0, sweepsBetweenSamples >= 0 and "
                    + "configurationsPerTemperature >= 1 required, got " + thermalizationSweeps + ", "
                    + sweepsBetweenSamples + ", " + configurationsPerTemperature);
        }
        if (start == null) {
            throw new IllegalArgumentException("start must not be null");
        }
    }

    /**
     * Thinning from a measured &tau;_int (in sweeps): ceil(2 &tau;_int), at least 1, so successive
     * recorded configurations are nearly independent (their correlation is about e^-2 or less for
     * an exponential decay).
     */
    public static int autoInterval(double tauIntSweeps) {
        return (int) Math.max(1, Math.min(MAX_AUTO_INTERVAL, Math.ceil(2 * tauIntSweeps)));
    }
}
