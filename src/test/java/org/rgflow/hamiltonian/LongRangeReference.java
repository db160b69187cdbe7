package org.rgflow.hamiltonian;

/**
 * Independent reference values for long-range couplings: the Hurwitz zeta function by
 * Euler&ndash;Maclaurin summation and brute-force image sums with Richardson extrapolation in the cutoff.
 */
final class LongRangeReference {

    /** B_2, B_4, ..., B_14. */
    private static final double[] BERNOULLI = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6};

    private LongRangeReference() {
    }

    /**
     * &zeta;(s, a) = &Sigma;_{k&ge;0} (k + a)^-s for s &gt; 1, a &gt; 0: 40 terms, then the Euler&ndash;Maclaurin
     * remainder with 7 Bernoulli terms (error below 1e-16 relative for s &lt; 10).
     */
    static double hurwitzZeta(double s, double a) {
        int n = 40;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += Math.pow(k + a, -s);
        }
        double x = n + a;
        sum += Math.pow(x, 1 - s) / (s - 1) + 0.5 * Math.pow(x, -s);
        double rising = s; // s (s+1) ... (s+2j-2)
        double factorial = 2; // (2j)!
        double power = Math.pow(x, -s - 1);
        for (int j = 1; j <= BERNOULLI.length; j++) {
            sum += BERNOULLI[j - 1] / factorial * rising * power;
            rising *= (s + 2 * j - 1) * (s + 2 * j);
            factorial *= (2 * j + 1) * (2 * j + 2);
            power /= x * x;
        }
        return sum;
    }

    /** Riemann &zeta;(s). */
    static double zeta(double s) {
        return hurwitzZeta(s, 1);
    }

    /** Dirichlet &beta;(s) = &Sigma;_k (-1)^k (2k+1)^-s = 4^-s [&zeta;(s, 1/4) - &zeta;(s, 3/4)]. */
    static double dirichletBeta(double s) {
        return Math.pow(4, -s) * (hurwitzZeta(s, 0.25) - hurwitzZeta(s, 0.75));
    }

    /** 1D image sum in closed form: L^-(1+&sigma;) [&zeta;(1+&sigma;, &delta;/L) + &zeta;(1+&sigma;, 1 - &delta;/L)], 0 &lt; &delta; &lt; L. */
    static double imageSum1d(int delta, int length, double sigma) {
        double s = 1 + sigma;
        double x = (double) delta / length;
        return Math.pow(length, -s) * (hurwitzZeta(s, x) + hurwitzZeta(s, 1 - x));
    }

    /**
     * 2D image sum &Sigma;_n |&delta; + nL|^-(2+&sigma;) by brute force: direct sums S(K) over the cubes
     * |n|_&infin; &le; K for K = c, 2c, 4c, extrapolated with the tail law
     * S(K) = S - a x^-&sigma; - b x^-(&sigma;+2) + O(x^-(&sigma;+4)), x = K + 1/2 (the tail is an even function of
     * &delta;/x times x^-&sigma;). Shares no code with {@link LongRangeCouplings}. Cost O(c&sup2;).
     */
    static double bruteForceImageSum2d(int dx, int dy, int length, double sigma, int cutoff) {
        double[][] m = new double[3][];
        for (int i = 0; i < 3; i++) {
            int k = cutoff << i;
            double x = k + 0.5;
            m[i] = new double[] {1, -Math.pow(x, -sigma), -Math.pow(x, -sigma - 2), cubeSum2d(dx, dy, length, sigma, k)};
        }
        return solve3(m)[0];
    }

    /** Gaussian elimination with partial pivoting of the augmented 3 x 4 system. */
    private static double[] solve3(double[][] m) {
        for (int c = 0; c < 3; c++) {
            int pivot = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < 3; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < 4; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[3];
        for (int r = 2; r >= 0; r--) {
            double v = m[r][3];
            for (int k = r + 1; k < 3; k++) {
                v -= m[r][k] * x[k];
            }
            x[r] = v / m[r][r];
        }
        return x;
    }

    private static double cubeSum2d(int dx, int dy, int length, double sigma, int cutoff) {
        double p = 2 + sigma;
        double sum = 0;
        for (int n0 = -cutoff; n0 <= cutoff; n0++) {
            double x = dx + (double) n0 * length;
            for (int n1 = -cutoff; n1 <= cutoff; n1++) {
                double y = dy + (double) n1 * length;
                double r2 = x * x + y * y;
                if (r2 > 0) {
                    sum += Math.pow(r2, -0.5 * p);
                }
            }
        }
        return sum;
    }
}
