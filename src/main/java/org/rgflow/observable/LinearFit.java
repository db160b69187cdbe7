package org.rgflow.observable;

/**
 * Weighted least-squares straight line y = a + b x with independent Gaussian errors &sigma;_i:
 * minimises &chi;&sup2; = &Sigma;_i ((y_i - a - b x_i)/&sigma;_i)&sup2; in closed form.
 *
 * <p>With S = &Sigma;w, S_x = &Sigma;w x, S_xx = &Sigma;w x&sup2;, S_y, S_xy (w = 1/&sigma;&sup2;) and
 * &Delta; = S S_xx - S_x&sup2;: b = (S S_xy - S_x S_y)/&Delta;, a = (S_xx S_y - S_x S_xy)/&Delta;,
 * Var(a) = S_xx/&Delta;, Var(b) = S/&Delta;, Cov(a, b) = -S_x/&Delta; (Press et al., Numerical Recipes
 * &sect;15.2). The parameter errors are the formal ones: they are not rescaled by &chi;&sup2;/dof, which
 * is reported so the caller can judge the fit. Cost O(n).
 *
 * @param intercept a
 * @param slope b
 * @param interceptError &sigma;_a
 * @param slopeError &sigma;_b
 * @param covariance Cov(a, b)
 * @param chiSquare &chi;&sup2; at the minimum
 * @param dof n - 2
 */
public record LinearFit(double intercept, double slope, double interceptError, double slopeError, double covariance,
        double chiSquare, int dof) {

    /**
     * @param x [n] abscissae, at least two distinct
     * @param y [n] ordinates
     * @param sigma [n] one-standard-error uncertainties of y, all &gt; 0
     */
    public static LinearFit of(double[] x, double[] y, double[] sigma) {
        int n = x.length;
        if (y.length != n || sigma.length != n) {
            throw new IllegalArgumentException("x, y and sigma must have equal lengths, got " + n + ", " + y.length
                    + ", " + sigma.length);
        }
        if (n < 2) {
            throw new IllegalArgumentException("a line needs at least 2 points, got " + n);
        }
        double s = 0;
        double sx = 0;
        double sxx = 0;
        double sy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            if (!(sigma[i] > 0) || !Double.isFinite(sigma[i]) || !Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException(String.format(
                        "point %d: need finite x, y and sigma > 0, got (%g, %g, %g)", i, x[i], y[i], sigma[i]));
            }
            double w = 1 / (sigma[i] * sigma[i]);
            s += w;
            sx += w * x[i];
            sxx += w * x[i] * x[i];
            sy += w * y[i];
            sxy += w * x[i] * y[i];
        }
        double delta = s * sxx - sx * sx;
        if (!(delta > 0)) {
            throw new IllegalArgumentException("a line needs at least 2 distinct x values");
        }
        double b = (s * sxy - sx * sy) / delta;
        double a = (sxx * sy - sx * sxy) / delta;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (y[i] - a - b * x[i]) / sigma[i];
            chi2 += r * r;
        }
        return new LinearFit(a, b, Math.sqrt(sxx / delta), Math.sqrt(s / delta), -sx / delta, chi2, n - 2);
    }

    /** &chi;&sup2;/dof, NaN for an exactly determined fit (two points). */
    public double chiSquarePerDof() {
        return dof > 0 ? chiSquare / dof : Double.NaN;
    }

    /** a + b x. */
    public double at(double x) {
        return intercept + slope * x;
    }
}
