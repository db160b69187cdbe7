package org.rgflow.cli;

import java.util.Locale;
import org.rgflow.analysis.LatticeObservables;
import org.rgflow.lattice.HypercubicLattice;

/**
 * Model-free observables of &plusmn;1 configurations on a periodic hypercubic lattice, accumulated as they stream
 * past in constant memory: |m|, m&sup2; and the nearest-neighbour correlation c = &lang;s<sub>i</sub>
 * s<sub>i+e</sub>&rang; averaged over sites and the d directions, each configuration's values from
 * {@link LatticeObservables} (which needs a whole batch in memory for its pooled estimates). For the
 * nearest-neighbour Ising model with coupling J, the energy per spin is &minus;J d c. Errors are naive standard
 * errors (configurations treated as independent).
 */
final class SpinObservables {

    private final LatticeObservables lattice;
    private final int numSites;
    private long n;
    private final double[] sum = new double[3];
    private final double[] sumSq = new double[3];

    SpinObservables(int dimension, int length) {
        this.lattice = LatticeObservables.of(HypercubicLattice.of(dimension, length));
        this.numSites = lattice.lattice().numSites();
    }

    /** Adds {@code rows} configurations, row-major [rows, numSites]. */
    void add(byte[] spins, int rows) {
        double[] s = new double[numSites];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < numSites; i++) {
                s[i] = spins[r * numSites + i];
            }
            double mag = lattice.magnetization(s);
            double[] v = {Math.abs(mag), mag * mag, lattice.nearestNeighbourCorrelation(s)};
            for (int q = 0; q < 3; q++) {
                sum[q] += v[q];
                sumSq[q] += v[q] * v[q];
            }
            n++;
        }
    }

    private double mean(int q) {
        return sum[q] / n;
    }

    private double error(int q) {
        if (n < 2) {
            return Double.NaN;
        }
        double var = (sumSq[q] - n * mean(q) * mean(q)) / (n - 1);
        return Math.sqrt(Math.max(var, 0) / n);
    }

    /** One CSV row per temperature label (here one), with a header. */
    String csv(double temperature) {
        return "temperature,configurations,abs_magnetisation,abs_magnetisation_error,magnetisation_squared,"
                + "magnetisation_squared_error,nn_correlation,nn_correlation_error\n"
                + temperature + "," + n + "," + mean(0) + "," + error(0) + "," + mean(1) + "," + error(1) + ","
                + mean(2) + "," + error(2) + "\n";
    }

    /** A text table for the terminal. */
    String pretty(double temperature) {
        return String.format(Locale.ROOT, "%9s %8s %22s %22s %22s%n%9.4f %8d %22s %22s %22s%n", "T (label)", "n",
                "<|m|>", "<m^2>", "<s_i s_i+e>", temperature, n, pm(0), pm(1), pm(2));
    }

    private String pm(int q) {
        return String.format(Locale.ROOT, "%.5f ± %.5f", mean(q), error(q));
    }
}
