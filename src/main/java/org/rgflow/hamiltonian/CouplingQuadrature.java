package org.rgflow.hamiltonian;

/**
 * Gauss&ndash;Legendre quadrature on [-1, 1] with {@value #ORDER} nodes, exact for polynomials of degree
 * &le; 2&middot;{@value #ORDER} - 1. Nodes are the roots of P_n found by Newton's method from the
 * Tricomi initial guess cos(&pi;(i - 1/4)/(n + 1/2)); weights w_i = 2 / ((1 - x_i&sup2;) P_n'(x_i)&sup2;).
 * For a function analytic inside the Bernstein ellipse of parameter &rho; the error is O(&rho;^(-2n)).
 */
final class CouplingQuadrature {

    static final int ORDER = 32;

    private static final double[] NODES = new double[ORDER];
    private static final double[] WEIGHTS = new double[ORDER];

    static {
        int n = ORDER;
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            NODES[i] = x;
            WEIGHTS[i] = 2 / ((1 - x * x) * dp * dp);
        }
    }

    private CouplingQuadrature() {
    }

    /** Node i on [lo, hi]. */
    static double node(int i, double lo, double hi) {
        return 0.5 * (lo + hi) + 0.5 * (hi - lo) * NODES[i];
    }

    /** Weight of node i on [lo, hi]. */
    static double weight(int i, double lo, double hi) {
        return 0.5 * (hi - lo) * WEIGHTS[i];
    }
}
