package org.rgflow.hamiltonian;

/**
 * The quadratic form Q(s) = &Sigma;_i &Sigma;_&Delta; J(&Delta;) s_i s_{i+&Delta;} of a translation-invariant
 * coupling on the torus Z_L^d, evaluated in Fourier space:
 * \[ Q(s) = \frac1N \sum_k \hat J(k)\, |\hat s(k)|^2,\qquad \hat s(k) = \sum_x s_x e^{-2\pi i k\cdot x/L}, \]
 * with the real spectrum \(\hat J\) (J(&Delta;) = J(-&Delta;)) computed once at construction.
 *
 * <p>The d-dimensional DFT is separable: one length-L transform per line and axis. Lines of
 * power-of-two length use an iterative radix-2 Cooley&ndash;Tukey FFT (O(L log L)); other lengths use
 * the direct DFT with a twiddle table (O(L&sup2;)). Cost per evaluation O(N d log L), or O(N d L)
 * for other L, against O(N&sup2;) for the direct double sum. Rounding error: relative ~1e-15 log N.
 * Immutable and thread-safe: scratch arrays are allocated per call ([numSites] complex).
 */
final class LongRangeFourier {

    private final int dimension;
    private final int length;
    private final int numSites;
    private final boolean radix2;
    private final double[] cos;
    private final double[] sin;
    private final int[] bitReverse;
    private final double[] spectrum;

    /** @param coupling [L^d] table J(&Delta;) indexed like lattice sites, symmetric under &Delta; &rarr; -&Delta; */
    LongRangeFourier(int dimension, int length, double[] coupling) {
        this.dimension = dimension;
        this.length = length;
        this.numSites = coupling.length;
        this.radix2 = Integer.bitCount(length) == 1;
        this.cos = new double[length];
        this.sin = new double[length];
        for (int k = 0; k < length; k++) {
            double angle = 2 * Math.PI * k / length;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
        this.bitReverse = radix2 ? bitReversal(length) : null;
        double[] re = coupling.clone();
        double[] im = new double[numSites];
        forwardInPlace(re, im);
        this.spectrum = re;
    }

    /** Q(s) = &Sigma;_i s_i (J &lowast; s)_i. @param spins [numSites], &plusmn;1 */
    double quadraticForm(byte[] spins) {
        double[] re = new double[numSites];
        double[] im = new double[numSites];
        for (int i = 0; i < numSites; i++) {
            re[i] = spins[i];
        }
        forwardInPlace(re, im);
        double sum = 0;
        for (int k = 0; k < numSites; k++) {
            sum += spectrum[k] * (re[k] * re[k] + im[k] * im[k]);
        }
        return sum / numSites;
    }

    /** Unnormalised forward DFT over all axes, in place. @param re [numSites] @param im [numSites] */
    void forwardInPlace(double[] re, double[] im) {
        double[] lineRe = new double[length];
        double[] lineIm = new double[length];
        double[] work = radix2 ? null : new double[2 * length];
        int stride = 1;
        for (int axis = dimension - 1; axis >= 0; axis--) {
            int block = stride * length;
            for (int hi = 0; hi < numSites; hi += block) {
                for (int lo = 0; lo < stride; lo++) {
                    int base = hi + lo;
                    for (int t = 0; t < length; t++) {
                        lineRe[t] = re[base + t * stride];
                        lineIm[t] = im[base + t * stride];
                    }
                    if (radix2) {
                        fft(lineRe, lineIm);
                    } else {
                        dft(lineRe, lineIm, work);
                    }
                    for (int t = 0; t < length; t++) {
                        re[base + t * stride] = lineRe[t];
                        im[base + t * stride] = lineIm[t];
                    }
                }
            }
            stride = block;
        }
    }

    private void fft(double[] xr, double[] xi) {
        int n = length;
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double tr = xr[i];
                xr[i] = xr[j];
                xr[j] = tr;
                double ti = xi[i];
                xi[i] = xi[j];
                xi[j] = ti;
            }
        }
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >> 1;
            int step = n / size;
            for (int start = 0; start < n; start += size) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * step];
                    double wi = -sin[j * step];
                    int a = start + j;
                    int b = a + half;
                    double tr = wr * xr[b] - wi * xi[b];
                    double ti = wr * xi[b] + wi * xr[b];
                    xr[b] = xr[a] - tr;
                    xi[b] = xi[a] - ti;
                    xr[a] += tr;
                    xi[a] += ti;
                }
            }
        }
    }

    private void dft(double[] xr, double[] xi, double[] work) {
        int n = length;
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            int index = 0;
            for (int t = 0; t < n; t++) {
                sr += xr[t] * cos[index] + xi[t] * sin[index];
                si += xi[t] * cos[index] - xr[t] * sin[index];
                index += k;
                if (index >= n) {
                    index -= n;
                }
            }
            work[2 * k] = sr;
            work[2 * k + 1] = si;
        }
        for (int k = 0; k < n; k++) {
            xr[k] = work[2 * k];
            xi[k] = work[2 * k + 1];
        }
    }

    private static int[] bitReversal(int n) {
        int bits = Integer.numberOfTrailingZeros(n);
        int[] rev = new int[n];
        for (int i = 0; i < n; i++) {
            rev[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        return rev;
    }
}
