package org.rgflow.observable;

/**
 * Where two tabulated curves y1(x), y2(x) with independent errors cross, e.g. Binder cumulants
 * U4(T) of two lattice sizes on a common temperature grid.
 *
 * <p>Method: find the first grid interval where d = y1 - y2 changes sign; fit a weighted straight line
 * ({@link LinearFit}) to each curve over the bracketing points plus up to {@code halfWidth - 1} more
 * on each side; the crossing is x* = -(a1 - a2)/(b1 - b2). Its error is first-order propagation with
 * the full covariance of the two independent fits:
 * Var(x*) = (Var &Delta;a + 2 x* Cov(&Delta;a, &Delta;b) + x*&sup2; Var &Delta;b)/&Delta;b&sup2;.
 * Cost O(n). Valid while the curves are close to straight over the fit window.
 *
 * @param x crossing abscissa x*
 * @param xError its standard error
 * @param y the common value y1(x*) (mean of both lines there)
 * @param yError its standard error from the two line fits at fixed x*
 * @param signChanges how many grid intervals show a sign change (more than 1 is suspicious)
 * @param xLow lowest grid point used in the local fits
 * @param xHigh highest grid point used
 */
public record TabulatedCrossing(double x, double xError, double y, double yError, int signChanges, double xLow,
        double xHigh) {

    /**
     * @param x [n] increasing grid
     * @param y1 [n] first curve, with errors {@code e1} (&gt; 0)
     * @param y2 [n] second curve, with errors {@code e2} (&gt; 0)
     * @param halfWidth points taken on each side of the crossing (&ge; 1)
     * @return the crossing, or {@code null} when d never changes sign on the grid
     */
    public static TabulatedCrossing find(double[] x, double[] y1, double[] e1, double[] y2, double[] e2,
            int halfWidth) {
        int n = x.length;
        if (y1.length != n || y2.length != n || e1.length != n || e2.length != n || n < 2 || halfWidth < 1) {
            throw new IllegalArgumentException("need equal-length arrays of at least 2 points and halfWidth >= 1");
        }
        int first = -1;
        int changes = 0;
        for (int i = 0; i + 1 < n; i++) {
            double d0 = y1[i] - y2[i];
            double d1 = y1[i + 1] - y2[i + 1];
            if (d0 == 0 || d0 * d1 < 0) {
                changes++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first < 0) {
            return null;
        }
        int lo = Math.max(0, first - halfWidth + 1);
        int hi = Math.min(n - 1, first + halfWidth);
        int m = hi - lo + 1;
        double[] xs = java.util.Arrays.copyOfRange(x, lo, hi + 1);
        LinearFit f1 = LinearFit.of(xs, java.util.Arrays.copyOfRange(y1, lo, lo + m), java.util.Arrays.copyOfRange(e1, lo, lo + m));
        LinearFit f2 = LinearFit.of(xs, java.util.Arrays.copyOfRange(y2, lo, lo + m), java.util.Arrays.copyOfRange(e2, lo, lo + m));
        double da = f1.intercept() - f2.intercept();
        double db = f1.slope() - f2.slope();
        if (db == 0) {
            return null;
        }
        double xc = -da / db;
        double varDa = sq(f1.interceptError()) + sq(f2.interceptError());
        double varDb = sq(f1.slopeError()) + sq(f2.slopeError());
        double covDaDb = f1.covariance() + f2.covariance();
        double varX = (varDa + 2 * xc * covDaDb + xc * xc * varDb) / (db * db);
        double var1 = sq(f1.interceptError()) + 2 * xc * f1.covariance() + xc * xc * sq(f1.slopeError());
        double var2 = sq(f2.interceptError()) + 2 * xc * f2.covariance() + xc * xc * sq(f2.slopeError());
        double yc = 0.5 * (f1.at(xc) + f2.at(xc));
        return new TabulatedCrossing(xc, Math.sqrt(Math.max(0, varX)), yc, 0.5 * Math.sqrt(var1 + var2), changes,
                x[lo], x[hi]);
    }

    private static double sq(double v) {
        return v * v;
    }
}
