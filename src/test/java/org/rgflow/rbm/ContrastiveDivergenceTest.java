package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.rgflow.testing.Nd4jTestBase;

/**
 * The CD-k gradient equals its definition computed independently from the same sampled chain, for float64 models
 * (the ND4J kernel; to 1e-12) and float32 models ({@link FloatCdKernel}; to float rounding and the sigmoid's
 * 2.3e-7).
 */
class ContrastiveDivergenceTest extends Nd4jTestBase {

    private static final long SEED = 7L;

    private static double tolerance(DataType t) {
        return t == DataType.DOUBLE ? 1e-12 : 2e-6;
    }

    /** g_W[i][j] = (1/C) sum_c vk_ci sigma(b + vk W)_cj - (1/B) sum_b v0_bi sigma(b + v0 W)_bj, by plain loops. */
    static void checkGradient(Rbm rbm, INDArray v0, INDArray vk, INDArray gW, INDArray gVb, INDArray gHb) {
        double tol = tolerance(rbm.dataType());
        BruteForce bf = new BruteForce(rbm);
        int nv = bf.nv;
        int nh = bf.nh;
        double[][] expW = new double[nv][nh];
        double[] expA = new double[nv];
        double[] expB = new double[nh];
        accumulate(bf, vk, 1.0 / vk.rows(), expW, expA, expB);
        accumulate(bf, v0, -1.0 / v0.rows(), expW, expA, expB);
        for (int i = 0; i < nv; i++) {
            assertEquals(expA[i], gVb.getDouble(0, i), tol);
            for (int j = 0; j < nh; j++) {
                assertEquals(expW[i][j], gW.getDouble(i, j), tol);
            }
        }
        for (int j = 0; j < nh; j++) {
            assertEquals(expB[j], gHb.getDouble(0, j), tol);
        }
    }

    private static void accumulate(BruteForce bf, INDArray v, double c, double[][] w, double[] a, double[] b) {
        for (int r = 0; r < v.rows(); r++) {
            double[] x = v.getRow(r).toDoubleVector();
            for (int j = 0; j < bf.nh; j++) {
                double pre = bf.b[j];
                for (int i = 0; i < bf.nv; i++) {
                    pre += x[i] * bf.w[i][j];
                }
                double p = 1 / (1 + Math.exp(-pre));
                b[j] += c * p;
                for (int i = 0; i < bf.nv; i++) {
                    w[i][j] += c * x[i] * p;
                }
            }
            for (int i = 0; i < bf.nv; i++) {
                a[i] += c * x[i];
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void cdKGradientMatchesItsDefinition(DataType dtype) throws Exception {
        Rbm rbm = Rbm.random(5, 3, dtype, 0.8, 0.4, SEED);
        INDArray v0 = TwoPrototypes.sample(20, 1, dtype).getColumns(0, 1, 2, 3, 4);
        INDArray gW = rbm.weights().ulike();
        INDArray gVb = rbm.visibleBias().ulike();
        INDArray gHb = rbm.hiddenBias().ulike();
        for (int k : new int[] {1, 3}) {
            try (Random rng = Bernoulli.newRandom(SEED + k)) {
                INDArray vk = new ContrastiveDivergence(rbm).gradient(v0, null, k, 1.0, rng, gW, gVb, gHb).dup();
                checkGradient(rbm, v0, vk, gW, gVb, gHb);
                INDArray distinct = vk.sub(v0);
                assertTrue(distinct.amaxNumber().doubleValue() == 1.0, "the chain moved");
                assertEquals(vk, vk.mul(vk), "negative samples are binary");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void persistentChainsAdvanceAndDefineTheNegativePhase(DataType dtype) throws Exception {
        Rbm rbm = Rbm.random(5, 3, dtype, 0.8, 0.4, SEED);
        INDArray v0 = TwoPrototypes.sample(8, 2, dtype).getColumns(0, 1, 2, 3, 4);
        INDArray chains = TwoPrototypes.sample(13, 3, dtype).getColumns(0, 1, 2, 3, 4);
        INDArray start = chains.dup();
        INDArray gW = rbm.weights().ulike();
        INDArray gVb = rbm.visibleBias().ulike();
        INDArray gHb = rbm.hiddenBias().ulike();
        try (Random rng = Bernoulli.newRandom(SEED)) {
            new ContrastiveDivergence(rbm).gradient(v0, chains, 2, 1.0, rng, gW, gVb, gHb);
        }
        assertTrue(chains.sub(start).amaxNumber().doubleValue() > 0, "chains advanced");
        checkGradient(rbm, v0, chains, gW, gVb, gHb);
    }

    @Test
    void inPlaceBernoulliHasTheRightMean() throws Exception {
        try (Random rng = Bernoulli.newRandom(SEED)) {
            INDArray p = org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {200, 500}, 0.3, DataType.FLOAT);
            Bernoulli.sampleInto(p, p, rng);
            assertEquals(0.3, p.meanNumber().doubleValue(), 0.005);
            assertEquals(p, p.mul(p));
        }
    }

    /** The fused Sgd update equals params - lr * gradient (same draws), for CD and PCD, and keeps disabled biases 0. */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void descendIsAGradientStep(DataType dtype) throws Exception {
        for (boolean pcd : new boolean[] {false, true}) {
            for (double biasScale : new double[] {0.4, 0.0}) {
                Rbm rbm = Rbm.random(5, 3, dtype, 0.8, biasScale, SEED);
                INDArray v0 = TwoPrototypes.sample(8, 2, dtype).getColumns(0, 1, 2, 3, 4);
                INDArray chains = pcd ? TwoPrototypes.sample(13, 3, dtype).getColumns(0, 1, 2, 3, 4) : null;
                INDArray gW = rbm.weights().ulike();
                INDArray gVb = rbm.visibleBias().ulike();
                INDArray gHb = rbm.hiddenBias().ulike();
                Rbm reference = rbm.copy();
                double lr = 0.3;
                try (Random rng = Bernoulli.newRandom(SEED)) {
                    new ContrastiveDivergence(reference).gradient(v0, pcd ? chains.dup() : null, 2, 1.0, rng, gW, gVb,
                            gHb);
                }
                try (Random rng = Bernoulli.newRandom(SEED)) {
                    new ContrastiveDivergence(rbm).descend(v0, chains, 2, lr, rng);
                }
                assertTrue(rbm.weightsView().equalsWithEps(reference.weightsView().sub(gW.mul(lr)), tolerance(dtype)));
                assertTrue(rbm.visibleBiasView().equalsWithEps(reference.visibleBiasView().sub(gVb.mul(lr)), tolerance(dtype)));
                assertTrue(rbm.hiddenBiasView().equalsWithEps(reference.hiddenBiasView().sub(gHb.mul(lr)), tolerance(dtype)));
                if (biasScale == 0) {
                    assertEquals(0.0, rbm.visibleBiasView().amaxNumber().doubleValue());
                    assertEquals(0.0, rbm.hiddenBiasView().amaxNumber().doubleValue());
                }
            }
        }
    }

    /** float32 models wide enough that the visible and hidden element-wise passes span several blocks (CD-2, PCD-2). */
    @Test
    void wideFloatModelsMatchTheDefinitionAcrossBlocks() throws Exception {
        int nv = 3 * FloatCdKernel.BLOCK_FLOATS / 8 + 5;
        Rbm rbm = Rbm.random(nv, FloatCdKernel.BLOCK_FLOATS / 13, DataType.FLOAT, 0.05, 0.3, SEED);
        INDArray v0;
        INDArray chains;
        try (Random rng = Bernoulli.newRandom(SEED + 1)) {
            v0 = Bernoulli.sample(org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {23, nv}, 0.4, DataType.FLOAT),
                    rng);
            chains = Bernoulli.sample(org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {17, nv}, 0.6,
                    DataType.FLOAT), rng);
        }
        for (INDArray negative : new INDArray[] {null, chains}) {
            INDArray gW = rbm.weights().ulike();
            INDArray gVb = rbm.visibleBias().ulike();
            INDArray gHb = rbm.hiddenBias().ulike();
            try (Random rng = Bernoulli.newRandom(SEED)) {
                INDArray vk = new ContrastiveDivergence(rbm).gradient(v0, negative, 2, 1.0, rng, gW, gVb, gHb).dup();
                checkGradient(rbm, v0, vk, gW, gVb, gHb);
                assertEquals(vk.rows(), negative == null ? 23 : 17);
            }
        }
    }

    /** Degenerate shapes: one hidden unit ([B, 1] views are column vectors) and a batch of one row. */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE", "FLOAT"})
    void singleHiddenUnitAndSingleRowBatchesWork(DataType dtype) throws Exception {
        Rbm rbm = Rbm.random(5, 1, dtype, 0.8, 0.4, SEED);
        INDArray v0 = TwoPrototypes.sample(8, 2, dtype).getColumns(0, 1, 2, 3, 4);
        for (INDArray batch : new INDArray[] {v0, v0.getRow(0, true)}) {
            INDArray gW = rbm.weights().ulike();
            INDArray gVb = rbm.visibleBias().ulike();
            INDArray gHb = rbm.hiddenBias().ulike();
            try (Random rng = Bernoulli.newRandom(SEED)) {
                INDArray vk = new ContrastiveDivergence(rbm).gradient(batch, null, 1, 1.0, rng, gW, gVb, gHb).dup();
                checkGradient(rbm, batch, vk, gW, gVb, gHb);
            }
        }
    }
}
