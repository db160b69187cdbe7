package org.rgflow.cli;

import java.util.List;

/**
 * Verdicts of a reproduction report, decided by stated criteria on the measured numbers (never set by hand).
 *
 * <p>The Iso et al. criterion ("the flow's thermometer distribution ends peaked in [lo, hi]") on a flow's final
 * thermometer histogram p(T_k): the flow ends <b>in</b> the window when its mode lies in [lo, hi] and at least half
 * of the probability is in [lo, hi]; <b>outside</b> when the mode lies outside and less than half is inside;
 * <b>mixed</b> otherwise.
 */
enum ReportVerdict {
    REPRODUCED("reproduced"),
    NOT_REPRODUCED("not reproduced"),
    INCONCLUSIVE("inconclusive");

    /** A thermometer whose held-out accuracy is below this multiple of chance (1/K) cannot decide anything. */
    static final double MIN_ACCURACY_OVER_CHANCE = 2.0;

    private final String label;

    ReportVerdict(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Where a flow's thermometer distribution ends relative to a temperature window. */
    enum End { IN, OUTSIDE, MIXED }

    /** Mode, probability inside [lo, hi] and classification of a histogram over ascending temperatures. */
    record FlowEnd(double modeTemperature, double massInWindow, End end) {
    }

    static FlowEnd flowEnd(double[] temperatures, double[] histogram, double lo, double hi) {
        if (temperatures.length != histogram.length || temperatures.length == 0) {
            throw new IllegalArgumentException("histogram and temperatures must have the same, non-zero length");
        }
        int mode = 0;
        double mass = 0;
        double total = 0;
        for (int k = 0; k < histogram.length; k++) {
            if (histogram[k] > histogram[mode]) {
                mode = k;
            }
            total += histogram[k];
            if (temperatures[k] >= lo - 1e-9 && temperatures[k] <= hi + 1e-9) {
                mass += histogram[k];
            }
        }
        mass = total > 0 ? mass / total : 0;
        double tMode = temperatures[mode];
        boolean modeIn = tMode >= lo - 1e-9 && tMode <= hi + 1e-9;
        End end = modeIn && mass >= 0.5 ? End.IN : !modeIn && mass < 0.5 ? End.OUTSIDE : End.MIXED;
        return new FlowEnd(tMode, mass, end);
    }

    /**
     * The main claim (all flows end in the window): reproduced when every flow ends IN, not reproduced when any ends
     * OUTSIDE, else inconclusive; inconclusive whatever the flows do when the thermometer is not reliable.
     */
    static ReportVerdict endsInWindow(List<FlowEnd> flows, boolean thermometerReliable) {
        if (!thermometerReliable || flows.isEmpty()) {
            return INCONCLUSIVE;
        }
        if (flows.stream().allMatch(f -> f.end() == End.IN)) {
            return REPRODUCED;
        }
        return flows.stream().anyMatch(f -> f.end() == End.OUTSIDE) ? NOT_REPRODUCED : INCONCLUSIVE;
    }

    /** A control claim (the flows do not end in the window): the mirror image of {@link #endsInWindow}. */
    static ReportVerdict avoidsWindow(List<FlowEnd> flows, boolean thermometerReliable) {
        if (!thermometerReliable || flows.isEmpty()) {
            return INCONCLUSIVE;
        }
        if (flows.stream().allMatch(f -> f.end() == End.OUTSIDE)) {
            return REPRODUCED;
        }
        return flows.stream().anyMatch(f -> f.end() == End.IN) ? NOT_REPRODUCED : INCONCLUSIVE;
    }

    /** True when held-out accuracy is at least {@link #MIN_ACCURACY_OVER_CHANCE} times chance (1/K). */
    static boolean reliable(double heldOutAccuracy, int numTemperatures) {
        return heldOutAccuracy >= MIN_ACCURACY_OVER_CHANCE / numTemperatures;
    }

    /** All claims together: reproduced only if every part is; not reproduced if any part is not; else inconclusive. */
    static ReportVerdict overall(List<ReportVerdict> parts) {
        if (!parts.isEmpty() && parts.stream().allMatch(v -> v == REPRODUCED)) {
            return REPRODUCED;
        }
        return parts.contains(NOT_REPRODUCED) ? NOT_REPRODUCED : INCONCLUSIVE;
    }
}
