package org.rgflow.critical;

import org.rgflow.observable.ReweightedSeries;

/**
 * The temperature where the Binder cumulants of two lattice sizes cross, from single-histogram
 * reweighting of one run per size near the crossing: the root of g(T) = U4_{L1}(T) - U4_{L2}(T).
 *
 * <p>The root is bracketed on a 41-point grid of the window (restricted to temperatures where both
 * runs keep an effective sample fraction &ge; {@value #MIN_EFFECTIVE_FRACTION}) and refined by
 * bisection. Error: delete-one-block jackknife of the root over the blocks of each run in turn (each
 * leave-one-out root by the secant method from the full root); the two runs are independent, so
 * &sigma;&sup2; = &sigma;&sup2;_{L1} + &sigma;&sup2;_{L2}. The same leave-one-out sets give the error of
 * U4 at the crossing. Cost O((B1 + B2) &times; ~10 &times; n) for n samples and B blocks per run.
 *
 * @param length1 L1
 * @param length2 L2 (&gt; L1)
 * @param temperature crossing T*
 * @param temperatureError its jackknife error
 * @param binder U4 at T* (the same for both sizes at the crossing)
 * @param binderError its jackknife error
 * @param windowLow low end of the bracket searched
 * @param windowHigh high end
 */
public record BinderCrossing(int length1, int length2, double temperature, double temperatureError, double binder,
        double binderError, double windowLow, double windowHigh) {

    static final double MIN_EFFECTIVE_FRACTION = 0.05;

    /**
     * @param a run of the smaller size
     * @param b run of the larger size
     * @param low lowest temperature considered
     * @param high highest temperature considered
     * @param guess preferred crossing when several are found
     * @return the crossing, or null when g does not change sign where reweighting is reliable
     */
    static BinderCrossing find(PointSamples a, PointSamples b, double low, double high, double guess) {
        ReweightedSeries sa = a.binder();
        ReweightedSeries sb = b.binder();
        int grid = 41;
        double bestT = Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        double prevT = Double.NaN;
        double prevG = Double.NaN;
        double wLow = Double.NaN;
        double wHigh = Double.NaN;
        for (int i = 0; i < grid; i++) {
            double t = low + (high - low) * i / (grid - 1);
            if (sa.effectiveFraction(1 / t) < MIN_EFFECTIVE_FRACTION || sb.effectiveFraction(1 / t) < MIN_EFFECTIVE_FRACTION) {
                prevT = Double.NaN;
                continue;
            }
            wLow = Double.isNaN(wLow) ? t : wLow;
            wHigh = t;
            double g = g(sa, sb, t, -1, -1);
            if (!Double.isNaN(prevT) && (g == 0 || g * prevG < 0)) {
                double mid = 0.5 * (prevT + t);
                if (Double.isNaN(bestT) || Math.abs(mid - guess) < Math.abs(bestT - guess)) {
                    bestT = mid;
                    lo = prevT;
                    hi = t;
                }
            }
            prevT = t;
            prevG = g;
        }
        if (Double.isNaN(bestT)) {
            return null;
        }
        double root = bisect(sa, sb, lo, hi);
        double scale = hi - lo;
        double[] rootsA = new double[sa.numBlocks()];
        double[] binderA = new double[sa.numBlocks()];
        for (int k = 0; k < rootsA.length; k++) {
            rootsA[k] = leaveOneOutRoot(sa, sb, k, -1, root, scale, wLow, wHigh);
            binderA[k] = BinderObservables.binder(sa.means(1 / rootsA[k], k));
        }
        double[] rootsB = new double[sb.numBlocks()];
        double[] binderB = new double[sb.numBlocks()];
        for (int k = 0; k < rootsB.length; k++) {
            rootsB[k] = leaveOneOutRoot(sa, sb, -1, k, root, scale, wLow, wHigh);
            binderB[k] = BinderObservables.binder(sa.means(1 / rootsB[k]));
        }
        double err = Math.hypot(ReweightedSeries.jackknifeError(rootsA), ReweightedSeries.jackknifeError(rootsB));
        double uErr = Math.hypot(ReweightedSeries.jackknifeError(binderA), ReweightedSeries.jackknifeError(binderB));
        return new BinderCrossing(a.length(), b.length(), root, err, BinderObservables.binder(sa.means(1 / root)),
                uErr, wLow, wHigh);
    }

    private static double g(ReweightedSeries sa, ReweightedSeries sb, double t, int exA, int exB) {
        return BinderObservables.binder(sa.means(1 / t, exA)) - BinderObservables.binder(sb.means(1 / t, exB));
    }

    private static double bisect(ReweightedSeries sa, ReweightedSeries sb, double lo, double hi) {
        return bisect(sa, sb, -1, -1, lo, hi);
    }

    private static double bisect(ReweightedSeries sa, ReweightedSeries sb, int exA, int exB, double lo, double hi) {
        double glo = g(sa, sb, lo, exA, exB);
        for (int it = 0; it < 60 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            double gm = g(sa, sb, mid, exA, exB);
            if (gm == 0) {
                return mid;
            }
            if (gm * glo < 0) {
                hi = mid;
            } else {
                lo = mid;
                glo = gm;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Root of the leave-one-out g: the secant method from the full-data root, or, if that fails, the
     * sign change nearest to it on a fine grid of the window, refined by bisection (NaN if none).
     */
    private static double leaveOneOutRoot(ReweightedSeries sa, ReweightedSeries sb, int exA, int exB, double start,
            double scale, double low, double high) {
        double x = secant(sa, sb, exA, exB, start, scale);
        if (Double.isFinite(x) && x >= low && x <= high) {
            return x;
        }
        int grid = 81;
        double best = Double.NaN;
        double prevT = low;
        double prevG = g(sa, sb, low, exA, exB);
        for (int i = 1; i < grid; i++) {
            double t = low + (high - low) * i / (grid - 1);
            double gt = g(sa, sb, t, exA, exB);
            if (gt * prevG <= 0) {
                double r = bisect(sa, sb, exA, exB, prevT, t);
                if (Double.isNaN(best) || Math.abs(r - start) < Math.abs(best - start)) {
                    best = r;
                }
            }
            prevT = t;
            prevG = gt;
        }
        return best;
    }

    /** Root of the leave-one-out g by the secant method from the full-data root (NaN if it runs away). */
    private static double secant(ReweightedSeries sa, ReweightedSeries sb, int exA, int exB, double start,
            double scale) {
        double x0 = start;
        double x1 = start + 1e-3 * scale;
        double g0 = g(sa, sb, x0, exA, exB);
        double g1 = g(sa, sb, x1, exA, exB);
        for (int it = 0; it < 40 && Math.abs(x1 - x0) > 1e-12 * Math.abs(x1) && g1 != g0; it++) {
            double x2 = x1 - g1 * (x1 - x0) / (g1 - g0);
            if (!Double.isFinite(x2) || Math.abs(x2 - start) > 10 * scale) {
                return Double.NaN;
            }
            x0 = x1;
            g0 = g1;
            x1 = x2;
            g1 = g(sa, sb, x1, exA, exB);
        }
        return x1;
    }
}
