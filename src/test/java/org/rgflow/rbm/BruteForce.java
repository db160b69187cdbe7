package org.rgflow.rbm;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain-Java brute-force RBM quantities from the definition E(v,h) = -a.v - b.h - v.W.h (test oracle). */
final class BruteForce {

    final double[][] w;
    final double[] a;
    final double[] b;
    final int nv;
    final int nh;

    BruteForce(Rbm rbm) {
        INDArray wa = rbm.weights().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        nv = rbm.numVisible();
        nh = rbm.numHidden();
        w = new double[nv][nh];
        for (int i = 0; i < nv; i++) {
            for (int j = 0; j < nh; j++) {
                w[i][j] = wa.getDouble(i, j);
            }
        }
        a = rbm.visibleBias().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector();
        b = rbm.hiddenBias().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector();
    }

    static double[] bits(long s, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (s >>> i) & 1L;
        }
        return x;
    }

    double energy(double[] v, double[] h) {
        double e = 0;
        for (int i = 0; i < nv; i++) {
            e -= a[i] * v[i];
            for (int j = 0; j < nh; j++) {
                e -= v[i] * w[i][j] * h[j];
            }
        }
        for (int j = 0; j < nh; j++) {
            e -= b[j] * h[j];
        }
        return e;
    }

    /** F(v) = -log sum_h exp(-E(v,h)). */
    double freeEnergy(double[] v) {
        double s = 0;
        for (long hs = 0; hs < (1L << nh); hs++) {
            s += Math.exp(-energy(v, bits(hs, nh)));
        }
        return -Math.log(s);
    }

    double logZ() {
        double s = 0;
        for (long vs = 0; vs < (1L << nv); vs++) {
            s += Math.exp(-freeEnergy(bits(vs, nv)));
        }
        return Math.log(s);
    }

    /** p(h_j = 1 | v) by summing the joint. */
    double hiddenConditional(double[] v, int j) {
        double num = 0;
        double den = 0;
        for (long hs = 0; hs < (1L << nh); hs++) {
            double[] h = bits(hs, nh);
            double p = Math.exp(-energy(v, h));
            den += p;
            num += h[j] * p;
        }
        return num / den;
    }

    double visibleConditional(double[] h, int i) {
        double num = 0;
        double den = 0;
        for (long vs = 0; vs < (1L << nv); vs++) {
            double[] v = bits(vs, nv);
            double p = Math.exp(-energy(v, h));
            den += p;
            num += v[i] * p;
        }
        return num / den;
    }
}
