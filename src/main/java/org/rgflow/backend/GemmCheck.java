package org.rgflow.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Checks a BLAS SGEMM and DGEMM, C = alpha op(A) op(B) + beta C, against a plain double-precision
 * Java reference: row- and column-major, all four transpose combinations, alpha and beta other
 * than 1 and 0 (and beta = 0 over a C full of NaN, which BLAS must not read), padded leading
 * dimensions (the padding of A and B holds NaN, that of C must stay untouched), on the shapes where
 * kernels switch code paths: every m, n, k in {1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100,
 * 127, 129} and a few larger products such as 256 x 300 x 200. An element passes when
 * \(|C - C_{ref}| \le 2 (k + 2) \epsilon (|\alpha| \sum_l |A_{il} B_{lj}| + |\beta C_{ij}|)\) with
 * \(\epsilon\) the machine epsilon of the type; a wrong kernel misses by orders of magnitude more.
 * About 550 products, 0.3 s.
 */
final class GemmCheck {

    /** Single-precision GEMM in CBLAS argument order; {@code rowMajor} false means column-major. */
    @FunctionalInterface
    interface Sgemm {
        void sgemm(boolean rowMajor, boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a,
                int lda, float[] b, int ldb, float beta, float[] c, int ldc);
    }

    /** Double-precision GEMM in CBLAS argument order. */
    @FunctionalInterface
    interface Dgemm {
        void dgemm(boolean rowMajor, boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
                int lda, double[] b, int ldb, double beta, double[] c, int ldc);
    }

    /**
     * The outcome.
     *
     * @param products how many products were checked
     * @param failure the first failing product and element, or null when all passed
     */
    record Result(int products, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    static final int[] EDGE_SIZES = {1, 2, 3, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 129};
    private static final long SEED = 20261208L;
    private static final double C_PADDING = 12345.0;

    private record Shape(int m, int n, int k) {
    }

    private GemmCheck() {
    }

    /** Runs every case through both functions and stops at the first failure. */
    static Result run(Sgemm sgemm, Dgemm dgemm) {
        SplittableRandom random = new SplittableRandom(SEED);
        int count = 0;
        for (Shape shape : shapes()) {
            for (int variant = 0; variant < 16; variant++) {
                boolean single = variant < 8;
                boolean rowMajor = (variant & 4) == 0;
                boolean transA = (variant & 2) != 0;
                boolean transB = (variant & 1) != 0;
                int pad = (count % 2) * 3;
                double[][] alphaBeta = {{1.25, -0.5}, {-0.75, 2.0}, {1.0, 0.0}};
                double[] ab = alphaBeta[count % 3];
                String failure = one(single ? sgemm : null, single ? null : dgemm, rowMajor, transA, transB, shape,
                        ab[0], ab[1], pad, random);
                count++;
                if (failure != null) {
                    return new Result(count, failure);
                }
            }
        }
        return new Result(count, null);
    }

    private static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        int n = EDGE_SIZES.length;
        for (int i = 0; i < n; i++) {
            shapes.add(new Shape(EDGE_SIZES[i], EDGE_SIZES[i], EDGE_SIZES[i]));
            shapes.add(new Shape(EDGE_SIZES[i], EDGE_SIZES[(i + 5) % n], EDGE_SIZES[(i + 11) % n]));
        }
        shapes.add(new Shape(256, 300, 200));
        shapes.add(new Shape(67, 513, 96));
        return shapes;
    }

    private static String one(Sgemm sgemm, Dgemm dgemm, boolean rowMajor, boolean transA, boolean transB, Shape s,
            double alpha, double beta, int pad, SplittableRandom random) {
        boolean single = sgemm != null;
        int rowsA = transA ? s.k : s.m;
        int colsA = transA ? s.m : s.k;
        int rowsB = transB ? s.n : s.k;
        int colsB = transB ? s.k : s.n;
        int lda = (rowMajor ? colsA : rowsA) + pad;
        int ldb = (rowMajor ? colsB : rowsB) + pad;
        int ldc = (rowMajor ? s.n : s.m) + pad;
        double[] a = fill(rowsA, colsA, lda, rowMajor, Double.NaN, random, single);
        double[] b = fill(rowsB, colsB, ldb, rowMajor, Double.NaN, random, single);
        double[] c0 = fill(s.m, s.n, ldc, rowMajor, C_PADDING, random, single);
        if (beta == 0.0) {
            for (int i = 0; i < s.m; i++) {
                for (int j = 0; j < s.n; j++) {
                    c0[index(i, j, ldc, rowMajor)] = Double.NaN;
                }
            }
        }
        double[] c;
        if (single) {
            float[] cf = toFloat(c0);
            sgemm.sgemm(rowMajor, transA, transB, s.m, s.n, s.k, (float) alpha, toFloat(a), lda, toFloat(b), ldb,
                    (float) beta, cf, ldc);
            c = new double[cf.length];
            for (int i = 0; i < cf.length; i++) {
                c[i] = cf[i];
            }
        } else {
            c = c0.clone();
            dgemm.dgemm(rowMajor, transA, transB, s.m, s.n, s.k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
        double eps = single ? Math.ulp(1.0f) : Math.ulp(1.0);
        String what = String.format(Locale.ROOT, "%s %s %s%s m=%d n=%d k=%d alpha=%s beta=%s ld+%d",
                single ? "sgemm" : "dgemm", rowMajor ? "RowMajor" : "ColMajor", transA ? "T" : "N", transB ? "T" : "N",
                s.m, s.n, s.k, alpha, beta, pad);
        double[][] opA = new double[s.m][s.k];
        double[][] opBt = new double[s.n][s.k];
        for (int l = 0; l < s.k; l++) {
            for (int i = 0; i < s.m; i++) {
                opA[i][l] = a[transA ? index(l, i, lda, rowMajor) : index(i, l, lda, rowMajor)];
            }
            for (int j = 0; j < s.n; j++) {
                opBt[j][l] = b[transB ? index(j, l, ldb, rowMajor) : index(l, j, ldb, rowMajor)];
            }
        }
        for (int i = 0; i < s.m; i++) {
            double[] x = opA[i];
            for (int j = 0; j < s.n; j++) {
                double[] y = opBt[j];
                double sum = 0;
                double bound = 0;
                for (int l = 0; l < s.k; l++) {
                    double xy = x[l] * y[l];
                    sum += xy;
                    bound += Math.abs(xy);
                }
                int at = index(i, j, ldc, rowMajor);
                double old = beta == 0.0 ? 0.0 : c0[at];
                double expected = alpha * sum + beta * old;
                double tolerance = 2.0 * (s.k + 2) * eps * (Math.abs(alpha) * bound + Math.abs(beta * old))
                        + Double.MIN_NORMAL;
                if (!(Math.abs(c[at] - expected) <= tolerance)) {
                    return String.format(Locale.ROOT, "%s: C[%d,%d] = %.9g, reference %.9g (tolerance %.2g)", what,
                            i, j, c[at], expected, tolerance);
                }
            }
        }
        for (int i = 0; i < c.length; i++) {
            if (c0[i] == C_PADDING && c[i] != C_PADDING) {
                return what + ": wrote outside C (padding at offset " + i + ")";
            }
        }
        return null;
    }

    private static double[] fill(int rows, int cols, int ld, boolean rowMajor, double padding, SplittableRandom random,
            boolean single) {
        double[] x = new double[(rowMajor ? rows : cols) * ld];
        java.util.Arrays.fill(x, padding);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = random.nextDouble(-1.0, 1.0);
                x[index(r, c, ld, rowMajor)] = single ? (float) v : v;
            }
        }
        return x;
    }

    static int index(int row, int col, int ld, boolean rowMajor) {
        return rowMajor ? row * ld + col : col * ld + row;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
