package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.testing.Nd4jTestBase;

/**
 * Both CD kernels draw the right chain: the mean CD-1 gradient over many independent draws equals its exact
 * expectation, enumerated over every hidden and reconstructed visible state of a 4 x 3 RBM:
 * E[g_W] = (1/B) sum_b [ sum_h p(h|v0_b) sum_v p(v|h) v sigma(b + vW)^T ] - (1/B) sum_b v0_b sigma(b + v0_b W)^T.
 * Error model: the {@value #DRAWS} gradients are i.i.d. (successive draws of one generator), so each entry's mean
 * has standard error sqrt(sample variance / draws); |z| must stay below the Bonferroni limit for alpha = 1e-3 over
 * all 4*3 + 4 + 3 entries. The float32 kernel's sigmoid error (2.3e-7) is far below the standard errors (~3e-3).
 */
class CdExpectationTest extends Nd4jTestBase {

    private static final int DRAWS = 4000;
    private static final long MODEL_SEED = 3L;
    private static final long CHAIN_SEED = 11L;

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void meanGradientIsTheExactExpectation(DataType dtype) throws Exception {
        Rbm rbm = Rbm.random(4, 3, dtype, 0.9, 0.5, MODEL_SEED);
        INDArray v0 = Nd4j.create(new double[][] {{1, 0, 1, 1}, {0, 0, 1, 0}, {1, 1, 1, 1}, {0, 1, 0, 0},
            {1, 0, 0, 1}, {0, 0, 0, 0}}).castTo(dtype);
        BruteForce bf = new BruteForce(rbm);
        int nv = 4;
        int nh = 3;
        int n = nv * nh + nv + nh;
        double[] exact = exactGradient(bf, v0.castTo(DataType.DOUBLE).toDoubleMatrix());
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        INDArray gW = Nd4j.create(dtype, nv, nh);
        INDArray gVb = Nd4j.create(dtype, 1, nv);
        INDArray gHb = Nd4j.create(dtype, 1, nh);
        ContrastiveDivergence cd = new ContrastiveDivergence(rbm);
        try (Random rng = Bernoulli.newRandom(CHAIN_SEED)) {
            for (int d = 0; d < DRAWS; d++) {
                cd.gradient(v0, null, 1, 1.0, rng, gW, gVb, gHb);
                double[] g = flatten(gW, gVb, gHb);
                for (int i = 0; i < n; i++) {
                    sum[i] += g[i];
                    sumSq[i] += g[i] * g[i];
                }
            }
        }
        double zMax = new NormalDistribution().inverseCumulativeProbability(1 - 1e-3 / (2 * n));
        for (int i = 0; i < n; i++) {
            double mean = sum[i] / DRAWS;
            double var = (sumSq[i] - DRAWS * mean * mean) / (DRAWS - 1);
            double z = (mean - exact[i]) / Math.sqrt(var / DRAWS);
            assertTrue(Math.abs(z) < zMax, dtype + " entry " + i + ": mean " + mean + ", exact " + exact[i] + ", z = "
                    + z);
        }
    }

    private static double[] flatten(INDArray gW, INDArray gVb, INDArray gHb) {
        double[] w = gW.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] a = gVb.castTo(DataType.DOUBLE).toDoubleVector();
        double[] b = gHb.castTo(DataType.DOUBLE).toDoubleVector();
        double[] out = new double[w.length + a.length + b.length];
        System.arraycopy(w, 0, out, 0, w.length);
        System.arraycopy(a, 0, out, w.length, a.length);
        System.arraycopy(b, 0, out, w.length + a.length, b.length);
        return out;
    }

    /** The exact expected CD-1 gradient (batch mean, minimising sign), flattened as W row-major, a, b. */
    private static double[] exactGradient(BruteForce bf, double[][] data) {
        int nv = bf.nv;
        int nh = bf.nh;
        double[] g = new double[nv * nh + nv + nh];
        double c = 1.0 / data.length;
        for (double[] v0 : data) {
            add(bf, v0, -c, g);
            double[] ph = hidden(bf, v0);
            for (long hs = 0; hs < (1L << nh); hs++) {
                double[] h = BruteForce.bits(hs, nh);
                double pH = 1;
                for (int j = 0; j < nh; j++) {
                    pH *= h[j] == 1 ? ph[j] : 1 - ph[j];
                }
                double[] pv = visible(bf, h);
                for (long vs = 0; vs < (1L << nv); vs++) {
                    double[] v = BruteForce.bits(vs, nv);
                    double pV = 1;
                    for (int i = 0; i < nv; i++) {
                        pV *= v[i] == 1 ? pv[i] : 1 - pv[i];
                    }
                    add(bf, v, c * pH * pV, g);
                }
            }
        }
        return g;
    }

    /** g += weight * (v sigma(b + vW)^T, v, sigma(b + vW)). */
    private static void add(BruteForce bf, double[] v, double weight, double[] g) {
        double[] p = hidden(bf, v);
        for (int i = 0; i < bf.nv; i++) {
            for (int j = 0; j < bf.nh; j++) {
                g[i * bf.nh + j] += weight * v[i] * p[j];
            }
            g[bf.nv * bf.nh + i] += weight * v[i];
        }
        for (int j = 0; j < bf.nh; j++) {
            g[bf.nv * bf.nh + bf.nv + j] += weight * p[j];
        }
    }

    private static double[] hidden(BruteForce bf, double[] v) {
        double[] p = new double[bf.nh];
        for (int j = 0; j < bf.nh; j++) {
            double x = bf.b[j];
            for (int i = 0; i < bf.nv; i++) {
                x += v[i] * bf.w[i][j];
            }
            p[j] = 1 / (1 + Math.exp(-x));
        }
        return p;
    }

    private static double[] visible(BruteForce bf, double[] h) {
        double[] p = new double[bf.nv];
        for (int i = 0; i < bf.nv; i++) {
            double x = bf.a[i];
            for (int j = 0; j < bf.nh; j++) {
                x += bf.w[i][j] * h[j];
            }
            p[i] = 1 / (1 + Math.exp(-x));
        }
        return p;
    }
}
