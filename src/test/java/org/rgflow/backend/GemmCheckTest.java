package org.rgflow.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The check passes on the GEMMs in use and fails on deliberately wrong ones. */
class GemmCheckTest {

    /** A strided ND4J view of a stored matrix: [rows, cols] with leading dimension ld. */
    private static INDArray view(DataBuffer buffer, int rows, int cols, int ld, boolean rowMajor) {
        return Nd4j.create(buffer, new long[] {rows, cols}, rowMajor ? new long[] {ld, 1} : new long[] {1, ld}, 0,
                rowMajor ? 'c' : 'f');
    }

    /**
     * GEMM through ND4J's Nd4j.gemm (the path ND4J's mmul takes): A and B as strided views of the
     * arrays, C as a fresh array (ND4J refuses a view for C) copied in and out.
     */
    private static final GemmCheck.Sgemm ND4J_SGEMM = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> {
        double[] cd = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            cd[i] = c[i];
        }
        INDArray result = nd4jGemm(DataType.FLOAT, rm, ta, tb, m, n, k, alpha, Nd4j.createBuffer(a), lda,
                Nd4j.createBuffer(b), ldb, beta, cd, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[GemmCheck.index(i, j, ldc, rm)] = result.getFloat(i, j);
            }
        }
    };

    private static final GemmCheck.Dgemm ND4J_DGEMM = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> {
        INDArray result = nd4jGemm(DataType.DOUBLE, rm, ta, tb, m, n, k, alpha, Nd4j.createBuffer(a), lda,
                Nd4j.createBuffer(b), ldb, beta, c, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[GemmCheck.index(i, j, ldc, rm)] = result.getDouble(i, j);
            }
        }
    };

    private static INDArray nd4jGemm(DataType type, boolean rm, boolean ta, boolean tb, int m, int n, int k,
            double alpha, DataBuffer a, int lda, DataBuffer b, int ldb, double beta, double[] c, int ldc) {
        INDArray cv = Nd4j.create(type, new long[] {m, n}, rm ? 'c' : 'f');
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                cv.putScalar(i, j, c[GemmCheck.index(i, j, ldc, rm)]);
            }
        }
        Nd4j.gemm(view(a, ta ? k : m, ta ? m : k, lda, rm), view(b, tb ? n : k, tb ? k : n, ldb, rm), cv, ta, tb,
                alpha, beta);
        return cv;
    }

    /** A plain Java GEMM accumulating in float: correct, rounded differently from any BLAS. */
    private static final GemmCheck.Sgemm NAIVE_SGEMM = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int l = 0; l < k; l++) {
                    sum += a[ta ? GemmCheck.index(l, i, lda, rm) : GemmCheck.index(i, l, lda, rm)]
                            * b[tb ? GemmCheck.index(j, l, ldb, rm) : GemmCheck.index(l, j, ldb, rm)];
                }
                int at = GemmCheck.index(i, j, ldc, rm);
                c[at] = alpha * sum + (beta == 0 ? 0 : beta * c[at]);
            }
        }
    };

    @Test
    void passesOnNd4jGemm() {
        GemmCheck.Result r = GemmCheck.run(ND4J_SGEMM, ND4J_DGEMM);
        assertNull(r.failure());
        assertEquals(2 * 8 * (2 * GemmCheck.EDGE_SIZES.length + 2), r.products());
    }

    @Test
    void passesOnOpenBlasCblasDirectly() {
        OpenBlasGemm.load();
        assertTrue(GemmCheck.run(OpenBlasGemm.SGEMM, OpenBlasGemm.DGEMM).passed());
    }

    @Test
    void passesOnACorrectGemmThatRoundsDifferently() {
        assertTrue(GemmCheck.run(NAIVE_SGEMM, OpenBlasGemm.DGEMM).passed(), "the tolerance is not tighter than float");
    }

    @Test
    void failsWhenOneElementIsOff() {
        GemmCheck.Sgemm wrong = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> {
            OpenBlasGemm.SGEMM.sgemm(rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            c[0] += 0.01f;
        };
        GemmCheck.Result r = GemmCheck.run(wrong, OpenBlasGemm.DGEMM);
        assertFalse(r.passed());
        assertTrue(r.failure().startsWith("sgemm RowMajor NN m=1 n=1 k=1"), r.failure());
    }

    @Test
    void failsOnAnEdgeShapeBugInDoublePrecision() {
        // a kernel whose tail loop loses accuracy in the 17th row, as a broken edge kernel would
        GemmCheck.Dgemm edgeBug = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> {
            OpenBlasGemm.DGEMM.dgemm(rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            if (m == 17 && ta) {
                for (int j = 0; j < n; j++) {
                    c[GemmCheck.index(16, j, ldc, rm)] *= 1 + 1e-9;
                }
            }
        };
        GemmCheck.Result r = GemmCheck.run(OpenBlasGemm.SGEMM, edgeBug);
        assertFalse(r.passed());
        assertTrue(r.failure().matches("dgemm \\w+ T. m=17 .*C\\[16,\\d+\\].*"), r.failure());
    }

    @Test
    void failsWhenBetaIsIgnoredOrOutsideCIsWritten() {
        GemmCheck.Sgemm noBeta = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) ->
                OpenBlasGemm.SGEMM.sgemm(rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, 0f, c, ldc);
        assertTrue(GemmCheck.run(noBeta, OpenBlasGemm.DGEMM).failure().contains("beta=-0.5"));
        GemmCheck.Sgemm spills = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> {
            OpenBlasGemm.SGEMM.sgemm(rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            if (ldc > (rm ? n : m)) {
                c[c.length - 1] = 0f; // the padding after the last row (column)
            }
        };
        assertTrue(GemmCheck.run(spills, OpenBlasGemm.DGEMM).failure().contains("wrote outside C"));
    }

    @Test
    void failsWhenTheTransposeIsIgnored() {
        GemmCheck.Sgemm noTrans = (rm, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) ->
                OpenBlasGemm.SGEMM.sgemm(rm, false, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        assertTrue(GemmCheck.run(noTrans, OpenBlasGemm.DGEMM).failure().contains(" TN "));
    }
}
