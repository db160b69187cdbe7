package org.rgflow.mc;

/**
 * Metropolis acceptance of zero-field ferromagnetic NN Ising as a polynomial in y = s n, so that the
 * tensor sampler replaces one {@code exp} per site (the most expensive ND4J op, ~2&ndash;4 ns/element
 * on the CPU) by d cheap Horner steps.
 *
 * <p>With h = 0 and J &gt; 0 the flip probability is min(1, e^{&minus;2Jy/T}), y &isin; {&minus;2d, ..., 2d}
 * even. The degree-d polynomial f through f(0) = 1 and f(2m) = e^{&minus;4Jm/T}, m = 1..d, reproduces
 * every y &gt; 0 exactly (up to rounding); for y &lt; 0 a Bernoulli draw only needs f(y) &ge; 1, which
 * {@link #coefficients} checks, returning null (use exp) when it fails. For d = 2 it always holds:
 * f(y) = 1 + c_1 y + c_2 y^2 with c_2 = (q^2&minus;1)^2/8 &ge; 0 and c_1 &lt; 0 (q = e^{&minus;2J/T}).
 */
final class TensorAcceptance {

    private TensorAcceptance() {
    }

    /**
     * @return c_0..c_d with f(y) = &Sigma; c_m y^m, or null if the polynomial path does not apply
     *     (d = 1, which is lazy; h &ne; 0; J &le; 0; or f(y) &lt; 1 for some y &lt; 0)
     */
    static double[] coefficients(int dimension, double couplingJ, double field, double temperature) {
        if (dimension < 2 || field != 0 || !(couplingJ > 0)) {
            return null;
        }
        int n = dimension + 1;
        double[][] a = new double[n][n + 1];
        for (int m = 0; m < n; m++) {
            double y = 2.0 * m;
            double power = 1;
            for (int k = 0; k < n; k++) {
                a[m][k] = power;
                power *= y;
            }
            a[m][n] = Math.exp(-2 * couplingJ * y / temperature);
        }
        double[] c = solve(a);
        for (int m = 1; m <= dimension; m++) {
            if (evaluate(c, -2.0 * m) < 1) {
                return null;
            }
        }
        return c;
    }

    static double evaluate(double[] c, double y) {
        double value = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            value = value * y + c[k];
        }
        return value;
    }

    /** Gaussian elimination with partial pivoting on an augmented n &times; (n+1) system. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[r][k] -= f * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
