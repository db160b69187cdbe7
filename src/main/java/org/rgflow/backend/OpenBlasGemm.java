package org.rgflow.backend;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * {@link GemmCheck}'s GEMM functions on OpenBLAS's {@code cblas_sgemm}/{@code cblas_dgemm} through
 * JavaCPP's openblas_nolapack preset. Using this class loads {@code libopenblas_nolapack.so.0}.
 */
final class OpenBlasGemm {

    private OpenBlasGemm() {
    }

    static final GemmCheck.Sgemm SGEMM = (rowMajor, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) ->
            openblas_nolapack.cblas_sgemm(rowMajor ? CblasRowMajor : CblasColMajor, transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    static final GemmCheck.Dgemm DGEMM = (rowMajor, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) ->
            openblas_nolapack.cblas_dgemm(rowMajor ? CblasRowMajor : CblasColMajor, transA ? CblasTrans : CblasNoTrans,
                    transB ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /** Loads libopenblas_nolapack (JavaCPP) if it is not loaded yet. */
    static void load() {
        org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
    }
}
