package org.rgflow.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Temperatures, either an explicit list {@code values: [..]} or a range {@code start, stop, step}
 * (inclusive of stop up to rounding). Temperatures are &ge; 0; T = 0 means the exact ground-state
 * ensemble (sampled without a Markov chain).
 */
public record TemperatureGrid(List<Double> values, Double start, Double stop, Double step) {

    public TemperatureGrid {
        boolean hasList = values != null;
        boolean hasRange = start != null || stop != null || step != null;
        if (hasList == hasRange) {
            throw new IllegalArgumentException("temperatures: give either values: [T1, T2, ...] or start, stop and step");
        }
        if (hasRange) {
            if (start == null || stop == null || step == null) {
                throw new IllegalArgumentException("temperatures: a range needs all of start, stop and step");
            }
            Checks.nonNegative("start", start);
            Checks.positive("step", step);
            if (stop < start) {
                throw new IllegalArgumentException("stop: must be >= start (" + start + "), got " + stop);
            }
            if ((stop - start) / step > 100_000) {
                throw new IllegalArgumentException("step: gives more than 100000 temperatures");
            }
        } else {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values: must list at least one temperature");
            }
            for (Double t : values) {
                if (t == null || !(t >= 0) || !Double.isFinite(t)) {
                    throw new IllegalArgumentException("values: temperatures must be >= 0 and finite, got " + t);
                }
            }
            values = List.copyOf(values);
        }
    }

    /** The temperatures in order. */
    public double[] toArray() {
        if (values != null) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        List<Double> out = new ArrayList<>();
        long n = Math.round(Math.floor((stop - start) / step + 1e-9));
        for (long i = 0; i <= n; i++) {
            out.add(Math.round((start + i * step) * 1e12) / 1e12);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
