package org.rgflow.rbm;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Direct float32 CBLAS calls on off-heap memory through JavaCPP's OpenBLAS binding (the same OpenBLAS build and
 * kernel choice as ND4J's): about 1 &micro;s of call overhead per GEMM against about 10 &micro;s through
 * {@code Nd4j.gemm} (measured on RBM-sized products; docs/benchmarks.md). Matrices are described by
 * {@link Mat}: a logical [rows, cols] matrix stored either row-major or as its transpose row-major (DL4J keeps
 * the weights 'f'-ordered, i.e. transposed row-major). The thread count of this binding's BLAS is set per call
 * site with {@link #threads(int)}.
 */
final class FloatBlas {

    static {
        Loader.load(openblas_nolapack.class);
    }

    private FloatBlas() {
    }

    /**
     * A logical [rows, cols] float matrix at {@code ptr}: row-major with leading dimension {@code ld}, or, when
     * {@code transposed}, its transpose stored row-major ([cols, rows] with leading dimension {@code ld}).
     */
    record Mat(FloatPointer ptr, int rows, int cols, boolean transposed, int ld) {

        /** A row-major matrix with rows of length cols. */
        static Mat rowMajor(FloatPointer ptr, int rows, int cols) {
            return new Mat(ptr, rows, cols, false, cols);
        }

        /** The matrix of a contiguous 2-D FLOAT array ('c' or 'f' order, no gaps); null if it is not one. */
        static Mat of(INDArray a) {
            if (a.dataType() != DataType.FLOAT || a.rank() != 2 || a.length() == 0) {
                return null;
            }
            int rows = (int) a.rows();
            int cols = (int) a.columns();
            long[] st = a.stride();
            FloatPointer p = pointer(a);
            if (a.ordering() == 'c' && (st[1] == 1 || cols == 1) && (st[0] == cols || rows == 1)) {
                return new Mat(p, rows, cols, false, cols);
            }
            if (a.ordering() == 'f' && (st[0] == 1 || rows == 1) && (st[1] == rows || cols == 1)) {
                return new Mat(p, rows, cols, true, rows);
            }
            return null;
        }
    }

    /** The address of the first element of a FLOAT array or view (ND4J's view buffers already carry the offset). */
    static FloatPointer pointer(INDArray a) {
        return new FloatPointer(a.data().addressPointer());
    }

    /**
     * c = alpha &middot; op(a) &middot; op(b) + beta &middot; c, where op transposes when the flag is set.
     * Shapes are checked.
     */
    static void gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c, float alpha, float beta) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm shapes: op(A) [" + m + ", " + k + "], op(B) [" + kb + ", " + n
                    + "], C [" + c.rows() + ", " + c.cols() + "]");
        }
        if (!c.transposed()) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, trans(transA ^ a.transposed()),
                    trans(transB ^ b.transposed()), m, n, k, alpha, a.ptr(), a.ld(), b.ptr(), b.ld(), beta, c.ptr(),
                    c.ld());
        } else {
            // C stored as C^T row-major: C^T = op(B)^T op(A)^T
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, trans(!transB ^ b.transposed()),
                    trans(!transA ^ a.transposed()), n, m, k, alpha, b.ptr(), b.ld(), a.ptr(), a.ld(), beta, c.ptr(),
                    c.ld());
        }
    }

    /**
     * y = alpha &middot; a^T x + beta &middot; y for a row-major [rows, cols] matrix a (the weighted column sums
     * x^T a), x of length rows, y of length cols; contiguous vectors.
     */
    static void columnSums(Mat a, FloatPointer x, FloatPointer y, float alpha, float beta) {
        if (a.transposed()) {
            throw new IllegalArgumentException("columnSums needs a row-major matrix");
        }
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans, a.rows(),
                a.cols(), alpha, a.ptr(), a.ld(), x, 1, beta, y, 1);
    }

    /** Sets this binding's BLAS thread count (process-wide for this binding, not for ND4J's own calls). */
    static void threads(int n) {
        if (org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads() != n) {
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(n);
        }
    }

    private static int trans(boolean t) {
        return t ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    }
}
