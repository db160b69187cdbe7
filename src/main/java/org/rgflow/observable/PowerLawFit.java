package org.rgflow.observable;

/**
 * Power law y = A x^p fitted as the straight line ln y = ln A + p ln x by {@link LinearFit}, with
 * propagated errors &sigma;_{ln y} = &sigma;_y / y (first order; accurate while &sigma;_y &#8810; y).
 * Used for finite-size scaling, e.g. &lang;m&sup2;&rang;(L) &prop; L^(-2&Delta;_&sigma;) and
 * |dU4/dT|(L) &prop; L^(1/&nu;). Cost O(n).
 *
 * @param exponent p
 * @param exponentError one standard error of p (formal, not rescaled by &chi;&sup2;/dof)
 * @param amplitude A
 * @param line the underlying fit in log&ndash;log space
 * @param xMin smallest x used
 * @param xMax largest x used
 */
public record PowerLawFit(double exponent, double exponentError, double amplitude, LinearFit line, double xMin,
        double xMax) {

    /**
     * @param x [n] positive abscissae
     * @param y [n] positive values
     * @param sigma [n] their standard errors, &gt; 0
     */
    public static PowerLawFit of(double[] x, double[] y, double[] sigma) {
        int n = x.length;
        double[] lx = new double[n];
        double[] ly = new double[n];
        double[] ls = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) {
                throw new IllegalArgumentException(String.format(
                        "a power-law fit needs x > 0 and y > 0; point %d is (%g, %g)", i, x[i], y[i]));
            }
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
            ls[i] = sigma[i] / y[i];
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        LinearFit line = LinearFit.of(lx, ly, ls);
        return new PowerLawFit(line.slope(), line.slopeError(), Math.exp(line.intercept()), line, lo, hi);
    }

    /** A x^p. */
    public double at(double x) {
        return amplitude * Math.pow(x, exponent);
    }

    /** &chi;&sup2;/dof of the log&ndash;log fit (NaN for two points). */
    public double chiSquarePerDof() {
        return line.chiSquarePerDof();
    }
}
