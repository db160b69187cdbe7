package org.rgflow.analysis;

import java.util.function.ToDoubleFunction;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.observable.Jackknife;

/**
 * Observables of configurations on a periodic hypercubic lattice L<sup>d</sup> (N sites, row-major as in
 * {@link HypercubicLattice}), nearest-neighbour Ising conventions with J = 1:
 * m = (1/N) &Sigma;_i s_i, e = &minus;(1/N) &Sigma;_&lang;ij&rang; s_i s_j (each of the dN bonds once),
 * NN correlation c = &lang;s_i s_{i+e}&rang; = &minus;e/d, and G(r) = &lang;s_0 s_{r e_a}&rang; along the axes.
 * Values may be reals (block averages, mean-field states): the same formulas apply.
 *
 * <p>Pooled estimates treat the n configurations as independent (flows run independent chains): errors are a
 * delete-one-block jackknife over min(n, {@value #MAX_BLOCKS}) contiguous groups, which for a plain mean equals
 * the standard error. For Monte Carlo series with autocorrelation use {@code observable} instead.
 * Cost: O(n N d) for {@link #summarize}, O(n N d (L/2+1)) for {@link #correlationFunction}. Immutable.
 */
public final class LatticeObservables {

    /** The most jackknife blocks used. */
    public static final int MAX_BLOCKS = 100;

    private final HypercubicLattice lattice;
    private final int numSites;
    private final int dimension;
    private final int length;
    private final int[] strides;

    private LatticeObservables(HypercubicLattice lattice) {
        this.lattice = lattice;
        this.numSites = lattice.numSites();
        this.dimension = lattice.dimension();
        this.length = lattice.length();
        this.strides = new int[dimension];
        int s = 1;
        for (int k = dimension - 1; k >= 0; k--) {
            strides[k] = s;
            s *= length;
        }
    }

    /** Observables on {@code lattice}. */
    public static LatticeObservables of(HypercubicLattice lattice) {
        return new LatticeObservables(java.util.Objects.requireNonNull(lattice, "lattice"));
    }

    public HypercubicLattice lattice() {
        return lattice;
    }

    /** m = (1/N) &Sigma; s_i of one configuration [numSites]. */
    public double magnetization(double[] spins) {
        check(spins);
        double m = 0;
        for (double s : spins) {
            m += s;
        }
        return m / numSites;
    }

    /** NN correlation (1/(dN)) &Sigma;_i &Sigma;_a s_i s_{i+e_a} of one configuration. */
    public double nearestNeighbourCorrelation(double[] spins) {
        return axisCorrelation(spins, 1);
    }

    /** Energy per site e = &minus;d &times; {@link #nearestNeighbourCorrelation} (J = 1). */
    public double energy(double[] spins) {
        return -dimension * nearestNeighbourCorrelation(spins);
    }

    /** (1/(dN)) &Sigma;_a &Sigma;_i s_i s_{i + r e_a} of one configuration, periodic. */
    public double axisCorrelation(double[] spins, int r) {
        check(spins);
        double sum = 0;
        for (int a = 0; a < dimension; a++) {
            int stride = strides[a];
            for (int i = 0; i < numSites; i++) {
                int x = (i / stride) % length;
                int j = i + (Math.floorMod(x + r, length) - x) * stride;
                sum += spins[i] * spins[j];
            }
        }
        return sum / ((double) dimension * numSites);
    }

    /**
     * Pooled observables of a batch.
     *
     * @param spins [n][numSites], n &ge; 2
     */
    public ObservableSummary summarize(double[][] spins) {
        int n = checkBatch(spins);
        // primaries: |m|, m^2, m^4, e, e^2, nn
        double[][] per = new double[n][6];
        for (int k = 0; k < n; k++) {
            double m = magnetization(spins[k]);
            double c = nearestNeighbourCorrelation(spins[k]);
            double e = -dimension * c;
            per[k] = new double[] {Math.abs(m), m * m, m * m * m * m, e, e * e, c};
        }
        double sites = numSites;
        return new ObservableSummary(
                estimate(per, x -> x[0]),
                estimate(per, x -> x[1]),
                estimate(per, x -> 1 - x[2] / (3 * x[1] * x[1])),
                estimate(per, x -> x[3]),
                estimate(per, x -> sites * (x[4] - x[3] * x[3])),
                estimate(per, x -> sites * (x[1] - x[0] * x[0])),
                estimate(per, x -> x[5]));
    }

    /**
     * G(r) = &lang;(1/(dN)) &Sigma;_a &Sigma;_i s_i s_{i + r e_a}&rang; for r = 0 &hellip; L/2 (not connected).
     *
     * @param spins [n][numSites], n &ge; 2
     * @return n_r = L/2 + 1 estimates, index r
     */
    public Estimate[] correlationFunction(double[][] spins) {
        int n = checkBatch(spins);
        int rMax = length / 2;
        double[][] per = new double[n][rMax + 1];
        for (int k = 0; k < n; k++) {
            for (int r = 0; r <= rMax; r++) {
                per[k][r] = axisCorrelation(spins[k], r);
            }
        }
        Estimate[] out = new Estimate[rMax + 1];
        for (int r = 0; r <= rMax; r++) {
            int col = r;
            out[r] = estimate(per, x -> x[col]);
        }
        return out;
    }

    /**
     * A jackknife estimate of f(pooled means) over independent rows of primary quantities.
     *
     * @param perSample [n][k] primaries per configuration, n &ge; 2
     */
    static Estimate estimate(double[][] perSample, ToDoubleFunction<double[]> f) {
        int n = perSample.length;
        int k = perSample[0].length;
        int blocks = Math.min(n, MAX_BLOCKS);
        double[][] sums = new double[blocks][k];
        long[] counts = new long[blocks];
        for (int s = 0; s < n; s++) {
            int b = (int) ((long) s * blocks / n);
            counts[b]++;
            for (int j = 0; j < k; j++) {
                sums[b][j] += perSample[s][j];
            }
        }
        double[] ve = Jackknife.estimate(sums, counts, f);
        return new Estimate(ve[0], ve[1], 0.5, n);
    }

    private int checkBatch(double[][] spins) {
        if (spins.length < 2) {
            throw new IllegalArgumentException("need at least 2 configurations for errors, got " + spins.length);
        }
        return spins.length;
    }

    private void check(double[] spins) {
        if (spins.length != numSites) {
            throw new IllegalArgumentException("configuration has " + spins.length + " sites but lattice " + lattice
                    + " has numSites = " + numSites);
        }
    }
}
