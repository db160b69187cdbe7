package org.rgflow.mc;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rgflow.observable.ThermodynamicEstimates;

/**
 * What one temperature of a scan produced.
 *
 * @param temperature T
 * @param rule update rule used ("ground-state" for the exact T = 0 ensemble)
 * @param seed the temperature's seed (from {@link Seeds#temperatureSeed})
 * @param sweepsBetweenSamples thinning used
 * @param pilotTauIntSweeps &tau;_int in sweeps from the pilot run (NaN when the interval was given)
 * @param estimates observables of the recorded configurations with autocorrelation-aware errors
 * @param configurations configurations written
 * @param seconds wall time
 */
public record TemperatureResult(double temperature, String rule, long seed, int sweepsBetweenSamples,
        double pilotTauIntSweeps, ThermodynamicEstimates estimates, long configurations, double seconds) {

    /** Flat map for manifests and tables. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(estimates.toMap());
        m.put("rule", rule);
        m.put("seed", seed);
        m.put("sweepsBetweenSamples", sweepsBetweenSamples);
        m.put("pilotTauIntSweeps", Double.isNaN(pilotTauIntSweeps) ? null : pilotTauIntSweeps);
        m.put("configurations", configurations);
        m.put("seconds", seconds);
        return m;
    }
}
