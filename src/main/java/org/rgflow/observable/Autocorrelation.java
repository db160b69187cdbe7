package org.rgflow.observable;

/**
 * Integrated autocorrelation time by Sokal's automatic windowing:
 * &tau;_int(W) = 1/2 + &Sigma;_{t=1}^{W} &rho;(t), with the smallest window W &ge; c &tau;_int(W), c = 6.
 * With several independent chains the normalised autocovariance &rho;(t) is averaged over chains
 * (each centred on the pooled mean), which stabilises the estimate.
 *
 * <p>Reference: A. D. Sokal, "Monte Carlo methods in statistical mechanics: foundations and new
 * algorithms" (1996), sec. 3. Cost O(n W) for n samples in total.
 */
public final class Autocorrelation {

    /** Sokal's window factor c. */
    public static final double WINDOW_FACTOR = 6.0;

    private Autocorrelation() {
    }

    /** &tau;_int of one series. @param series [n], n &ge; 2 */
    public static double integratedTime(double[] series) {
        return integratedTime(new double[][] {series});
    }

    /**
     * &tau;_int of several independent series of the same observable (e.g. one per chain).
     *
     * @param series [chains][n]; all rows of equal length n &ge; 2
     * @return &tau;_int &ge; 0.5 in units of the sampling interval; 0.5 for a constant series
     */
    public static double integratedTime(double[][] series) {
        int chains = series.length;
        if (chains == 0) {
            throw new IllegalArgumentException("need at least one series");
        }
        int n = series[0].length;
        for (double[] s : series) {
            if (s.length != n) {
                throw new IllegalArgumentException("all series must have the same length");
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 samples per series, got " + n);
        }
        double mean = 0;
        for (double[] s : series) {
            for (double x : s) {
                mean += x;
            }
        }
        mean /= (double) chains * n;
        double c0 = autocovariance(series, mean, 0);
        if (!(c0 > 0)) {
            return 0.5;
        }
        double tau = 0.5;
        int maxLag = n / 2;
        for (int t = 1; t < maxLag; t++) {
            tau += autocovariance(series, mean, t) / c0;
            if (t >= WINDOW_FACTOR * tau) {
                return Math.max(tau, 0.5);
            }
        }
        return Math.max(tau, 0.5);
    }

    private static double autocovariance(double[][] series, double mean, int lag) {
        double sum = 0;
        long count = 0;
        for (double[] s : series) {
            for (int i = 0; i + lag < s.length; i++) {
                sum += (s[i] - mean) * (s[i + lag] - mean);
            }
            count += s.length - lag;
        }
        return sum / count;
    }
}
