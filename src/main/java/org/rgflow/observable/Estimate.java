package org.rgflow.observable;

/**
 * A Monte Carlo estimate: value &plusmn; one standard error, the integrated autocorrelation time of
 * the underlying series (in units of the sampling interval; 0.5 for independent samples) and the
 * number of samples it rests on.
 */
public record Estimate(double value, double error, double tauInt, long samples) {

    public Estimate {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
    }

    /** (value - reference) / error; infinite when the error is zero and the values differ. */
    public double zScore(double reference) {
        double diff = value - reference;
        if (error == 0) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY * Math.signum(diff);
        }
        return diff / error;
    }

    @Override
    public String toString() {
        return String.format("%.6g ± %.2g (τ=%.2f, n=%d)", value, error, tauInt, samples);
    }
}
