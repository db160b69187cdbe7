package org.rgflow.analysis;

import java.util.ArrayList;
import java.util.List;
import org.rgflow.lattice.AxisCorrelations;
import org.rgflow.lattice.Lattice;
import org.rgflow.observable.Estimate;
import org.rgflow.observable.PeriodicPowerLawFit;

/**
 * Scaling dimensions of a batch of &plusmn;1 configurations on one lattice (one flow step), by the single-size
 * correlator fits of {@code rgflow critical}: the axis correlators G(r) = &lang;s_0 s_r&rang; and the connected
 * bond-energy correlator C(r) = &lang;&epsilon;_0 &epsilon;_r&rang; &minus; &lang;&epsilon;&#772;&rang;&sup2;
 * (&epsilon;_i = &Sigma;_a s_i s_{i+e_a}; see {@link AxisCorrelations}) are each fitted by
 * A [r^(&minus;p) + (L &minus; r)^(&minus;p)] over r = rMin &hellip; rMax ({@link PeriodicPowerLawFit}), p = 2&Delta;.
 *
 * <p>A single-size fit is biased (docs/results.md: 0.32 instead of 0.25 for NN Ising at L = 64), so a flowed
 * batch must be compared with the <em>same</em> estimator applied to the Monte Carlo configurations of the same
 * lattice (step 0 of a flow), not with the literature value. Errors: &sigma;_r of each correlator value and of
 * p from a delete-one-block jackknife over B blocks of configurations (the configurations must be independent,
 * e.g. independent chains of a flow); each leave-one-out fit uses the full-data &sigma;_r. A fit that cannot be
 * made (constant configurations, &sigma;_r = 0) gives NaN. Cost O(n N d L/2) per batch. Not thread-safe.
 */
public final class FlowScaling {

    /** Default number of jackknife blocks. */
    public static final int DEFAULT_BLOCKS = 20;

    /**
     * Per-step result; p = 2&Delta;.
     *
     * @param chiSquarePerDofSigma &chi;&sup2;/dof of the full-data G fit with jackknife &sigma;_r
     * @param sigmaSignal G(rMin) / &sigma;(G(rMin)): the strongest fitted point in units of its error; below ~3 the
     *        correlator is at noise level and the exponent is not a measurement
     * @param epsilonSignal the same for the connected energy correlator
     */
    public record Result(int step, int length, int rMin, int rMax, Estimate twoDeltaSigma,
            double chiSquarePerDofSigma, Estimate twoDeltaEpsilon, double chiSquarePerDofEpsilon, double sigmaSignal,
            double epsilonSignal) {

        public static String csvHeader() {
            return "step,L,r_min,r_max,two_delta_sigma,two_delta_sigma_err,chi2dof_sigma,two_delta_epsilon,"
                    + "two_delta_epsilon_err,chi2dof_epsilon,signal_sigma,signal_epsilon";
        }

        public String csvRow() {
            return String.join(",", String.valueOf(step), String.valueOf(length), String.valueOf(rMin),
                    String.valueOf(rMax), String.valueOf(twoDeltaSigma.value()), String.valueOf(twoDeltaSigma.error()),
                    String.valueOf(chiSquarePerDofSigma), String.valueOf(twoDeltaEpsilon.value()),
                    String.valueOf(twoDeltaEpsilon.error()), String.valueOf(chiSquarePerDofEpsilon),
                    String.valueOf(sigmaSignal), String.valueOf(epsilonSignal));
        }
    }

    private final Lattice lattice;
    private final AxisCorrelations correlator;
    private final int rMin;
    private final int rMax;
    private final int blocks;

    private FlowScaling(Lattice lattice, int rMin, int rMax, int blocks) {
        this.lattice = lattice;
        this.correlator = AxisCorrelations.of(lattice);
        this.rMin = rMin;
        this.rMax = rMax;
        this.blocks = blocks;
    }

    /** rMax for a lattice of length L: max(L/4, rMin + 2) (the critical package's r &le; L/4). */
    public static int defaultRMax(int length, int rMin) {
        return Math.max(length / 4, rMin + 2);
    }

    /** With r = 2 &hellip; max(L/4, 4) (r = 1 &hellip; 3 for L &lt; 12) and {@value #DEFAULT_BLOCKS} blocks. */
    public static FlowScaling of(Lattice lattice) {
        int rMin = lattice.length() < 12 ? 1 : 2;
        return of(lattice, rMin, defaultRMax(lattice.length(), rMin), DEFAULT_BLOCKS);
    }

    /**
     * @param rMin first fitted distance (&ge; 1)
     * @param rMax last fitted distance (rMin + 2 &le; rMax &le; L/2)
     * @param blocks jackknife blocks (&ge; 2; fewer if there are fewer configurations)
     */
    public static FlowScaling of(Lattice lattice, int rMin, int rMax, int blocks) {
        if (rMin < 1 || rMax < rMin + 2 || rMax > lattice.length() / 2 || blocks < 2) {
            throw new IllegalArgumentException(String.format("need 1 <= rMin, rMin + 2 <= rMax <= L/2 = %d and "
                    + ">= 2 blocks; got rMin=%d, rMax=%d, blocks=%d", lattice.length() / 2, rMin, rMax, blocks));
        }
        return new FlowScaling(lattice, rMin, rMax, blocks);
    }

    public int rMin() {
        return rMin;
    }

    public int rMax() {
        return rMax;
    }

    /**
     * @param spins [n][numSites] &plusmn;1, n &ge; 2
     */
    public Result measure(int step, double[][] spins) {
        int n = spins.length;
        int b = Math.min(blocks, n);
        if (b < 2) {
            throw new IllegalArgumentException("need at least 2 configurations, got " + n);
        }
        int w = correlator.numDistances();
        int k = 2 * w + 1;
        double[][] sums = new double[b][k];
        long[] counts = new long[b];
        double[] one = new double[k];
        for (int c = 0; c < n; c++) {
            int blk = (int) ((long) c * b / n);
            correlator.measure(spins[c], one, 0);
            for (int j = 0; j < k; j++) {
                sums[blk][j] += one[j];
            }
            counts[blk]++;
        }
        double[] total = new double[k];
        for (double[] s : sums) {
            for (int j = 0; j < k; j++) {
                total[j] += s[j];
            }
        }
        double[][] full = curves(total, n, w);
        double[][][] loo = new double[b][][];
        for (int i = 0; i < b; i++) {
            double[] rest = total.clone();
            for (int j = 0; j < k; j++) {
                rest[j] -= sums[i][j];
            }
            loo[i] = curves(rest, n - counts[i], w);
        }
        double[] fitS = fit(full[0], loo, 0, w, n);
        double[] fitE = fit(full[1], loo, 1, w, n);
        return new Result(step, lattice.length(), rMin, rMax, new Estimate(fitS[0], fitS[1], 0.5, n), fitS[2],
                new Estimate(fitE[0], fitE[1], 0.5, n), fitE[2], fitS[3], fitE[3]);
    }

    /** A {@link RbmFlow.StepObserver} that measures every step into {@code into}. */
    public RbmFlow.StepObserver observer(List<Result> into) {
        return (step, spins) -> into.add(measure(step, spins));
    }

    /** Measures every batch, step i = index i. */
    public List<Result> measureAll(List<double[][]> steps) {
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(measure(i, steps.get(i)));
        }
        return out;
    }

    /** {G(r), C_conn(r)} from pooled sums over {@code count} configurations. */
    private static double[][] curves(double[] sum, long count, int w) {
        double[] g = new double[w];
        double[] e = new double[w];
        double eps = sum[2 * w] / count;
        for (int r = 0; r < w; r++) {
            g[r] = sum[r] / count;
            e[r] = sum[w + r] / count - eps * eps;
        }
        return new double[][] {g, e};
    }

    /** {p, jackknife error of p, &chi;&sup2;/dof, y(rMin)/&sigma;(rMin)}; NaN when a fit cannot be made. */
    private double[] fit(double[] y, double[][][] loo, int which, int w, int n) {
        int b = loo.length;
        double[] sigma = new double[w];
        for (int r = 0; r < w; r++) {
            double mean = 0;
            for (double[][] l : loo) {
                mean += l[which][r];
            }
            mean /= b;
            double ss = 0;
            for (double[][] l : loo) {
                double d = l[which][r] - mean;
                ss += d * d;
            }
            sigma[r] = Math.sqrt((b - 1.0) / b * ss);
        }
        double signal = y[rMin] / sigma[rMin];
        try {
            PeriodicPowerLawFit f = PeriodicPowerLawFit.of(y, sigma, lattice.length(), rMin, rMax);
            double mean = 0;
            double[] p = new double[b];
            for (int i = 0; i < b; i++) {
                p[i] = PeriodicPowerLawFit.of(loo[i][which], sigma, lattice.length(), rMin, rMax).exponent();
                mean += p[i];
            }
            mean /= b;
            double ss = 0;
            for (double pi : p) {
                ss += (pi - mean) * (pi - mean);
            }
            return new double[] {f.exponent(), Math.sqrt((b - 1.0) / b * ss), f.chiSquarePerDof(), signal};
        } catch (IllegalArgumentException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, signal};
        }
    }
}
