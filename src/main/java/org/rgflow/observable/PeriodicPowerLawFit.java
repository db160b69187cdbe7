package org.rgflow.observable;

/**
 * Fit of a two-point function on a periodic chain of length L by the image-symmetrised power law
 * y(r) = A [r^(-p) + (L - r)^(-p)] over r in [rMin, rMax], minimising the weighted
 * &chi;&sup2;(A, p) = &Sigma;_r ((y_r - A f_p(r))/&sigma;_r)&sup2;. For fixed p the best A is linear,
 * A(p) = &Sigma; w y f / &Sigma; w f&sup2;, so only the profile &chi;&sup2;(p) is minimised, by
 * golden-section search on [{@value #P_MIN}, {@value #P_MAX}].
 *
 * <p>The formal error of p is from the curvature of the profile: &sigma;_p&sup2; = 2 / &chi;&sup2;''(p).
 * It assumes independent points; correlator values at different r of one Monte Carlo run are
 * correlated, so prefer a jackknife of p over blocks (the caller's job). Cost O(n) per &chi;&sup2;,
 * about 100 evaluations.
 *
 * @param exponent p (for G(r) at criticality, p = 2&Delta;)
 * @param formalError the curvature error of p
 * @param amplitude A
 * @param chiSquare &chi;&sup2; at the minimum
 * @param dof points - 2
 * @param rMin first distance used
 * @param rMax last distance used
 */
public record PeriodicPowerLawFit(double exponent, double formalError, double amplitude, double chiSquare, int dof,
        int rMin, int rMax) {

    static final double P_MIN = 1e-3;
    static final double P_MAX = 8;

    /**
     * @param values [&ge; rMax + 1] y(r) indexed by distance r
     * @param sigma [&ge; rMax + 1] standard errors, &gt; 0 on [rMin, rMax]
     * @param length L, the period (use {@code Double.POSITIVE_INFINITY} for a plain power law)
     * @param rMin first distance (&ge; 1)
     * @param rMax last distance (&lt; L, &ge; rMin + 2)
     */
    public static PeriodicPowerLawFit of(double[] values, double[] sigma, double length, int rMin, int rMax) {
        if (rMin < 1 || rMax < rMin + 2 || rMax >= length || values.length <= rMax || sigma.length <= rMax) {
            throw new IllegalArgumentException(String.format(
                    "need 1 <= rMin, rMin + 2 <= rMax < L and data up to rMax; got rMin=%d, rMax=%d, L=%s, %d values",
                    rMin, rMax, length, values.length));
        }
        for (int r = rMin; r <= rMax; r++) {
            if (!(sigma[r] > 0) || !Double.isFinite(values[r])) {
                throw new IllegalArgumentException("need finite values and sigma > 0 at r = " + r);
            }
        }
        double lo = P_MIN;
        double hi = P_MAX;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = hi - g * (hi - lo);
        double d = lo + g * (hi - lo);
        double fc = profile(values, sigma, length, rMin, rMax, c)[1];
        double fd = profile(values, sigma, length, rMin, rMax, d)[1];
        while (hi - lo > 1e-9) {
            if (fc < fd) {
                hi = d;
                d = c;
                fd = fc;
                c = hi - g * (hi - lo);
                fc = profile(values, sigma, length, rMin, rMax, c)[1];
            } else {
                lo = c;
                c = d;
                fc = fd;
                d = lo + g * (hi - lo);
                fd = profile(values, sigma, length, rMin, rMax, d)[1];
            }
        }
        double p = 0.5 * (lo + hi);
        double[] best = profile(values, sigma, length, rMin, rMax, p);
        double h = 1e-4 * Math.max(1, p);
        double curvature = (profile(values, sigma, length, rMin, rMax, p + h)[1] - 2 * best[1]
                + profile(values, sigma, length, rMin, rMax, p - h)[1]) / (h * h);
        double err = curvature > 0 ? Math.sqrt(2 / curvature) : Double.NaN;
        return new PeriodicPowerLawFit(p, err, best[0], best[1], rMax - rMin + 1 - 2, rMin, rMax);
    }

    /** {A(p), &chi;&sup2;(p)} with A profiled out. */
    private static double[] profile(double[] y, double[] sigma, double length, int rMin, int rMax, double p) {
        double syf = 0;
        double sff = 0;
        for (int r = rMin; r <= rMax; r++) {
            double w = 1 / (sigma[r] * sigma[r]);
            double f = shape(r, length, p);
            syf += w * y[r] * f;
            sff += w * f * f;
        }
        double a = syf / sff;
        double chi2 = 0;
        for (int r = rMin; r <= rMax; r++) {
            double res = (y[r] - a * shape(r, length, p)) / sigma[r];
            chi2 += res * res;
        }
        return new double[] {a, chi2};
    }

    /** r^(-p) + (L - r)^(-p); the image term vanishes for L = &infin;. */
    public static double shape(double r, double length, double p) {
        double f = Math.pow(r, -p);
        return Double.isInfinite(length) ? f : f + Math.pow(length - r, -p);
    }

    /** The fitted curve at r. */
    public double at(double r, double length) {
        return amplitude * shape(r, length, exponent);
    }

    public double chiSquarePerDof() {
        return dof > 0 ? chiSquare / dof : Double.NaN;
    }
}
