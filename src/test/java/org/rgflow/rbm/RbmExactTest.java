package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rgflow.testing.Nd4jTestBase;

/** Conditionals, energies, F(v), log Z and the pseudo-likelihood against brute-force enumeration (float64). */
class RbmExactTest extends Nd4jTestBase {

    private static final long PARAM_SEED = 20240611L;
    private static final double TOL = 1e-10;

    private static void checkAgainstBruteForce(int nv, int nh) {
        Rbm rbm = Rbm.random(nv, nh, DataType.DOUBLE, 0.8, 0.5, PARAM_SEED + nv * 31 + nh);
        BruteForce bf = new BruteForce(rbm);
        INDArray allV = ExactRbm.states(0, 1 << nv, nv);
        INDArray allH = ExactRbm.states(0, 1 << nh, nh);
        INDArray ph = rbm.hiddenProbabilities(allV);
        INDArray f = rbm.freeEnergy(allV);
        for (int s = 0; s < (1 << nv); s++) {
            double[] v = BruteForce.bits(s, nv);
            assertEquals(bf.freeEnergy(v), f.getDouble(s), TOL, "F(v)");
            for (int j = 0; j < nh; j++) {
                assertEquals(bf.hiddenConditional(v, j), ph.getDouble(s, j), TOL, "p(h|v)");
            }
        }
        INDArray pv = rbm.visibleProbabilities(allH);
        for (int s = 0; s < (1 << nh); s++) {
            double[] h = BruteForce.bits(s, nh);
            for (int i = 0; i < nv; i++) {
                assertEquals(bf.visibleConditional(h, i), pv.getDouble(s, i), TOL, "p(v|h)");
            }
            INDArray e = rbm.energy(allV.getRow(5).reshape(1, nv), allH.getRow(s).reshape(1, nh));
            assertEquals(bf.energy(BruteForce.bits(5, nv), h), e.getDouble(0), TOL, "E(v,h)");
        }
        assertEquals(bf.logZ(), ExactRbm.logPartition(rbm), TOL, "log Z");
        double probSum = ExactRbm.visibleDistribution(rbm).sumNumber().doubleValue();
        assertEquals(1.0, probSum, TOL);
    }

    @Test
    void enumerationOverHiddenLayerMatchesBruteForce() {
        checkAgainstBruteForce(7, 4);
    }

    @Test
    void enumerationOverVisibleLayerMatchesBruteForce() {
        checkAgainstBruteForce(4, 7);
    }

    @Test
    void spinViewEnergiesDifferByTheStatedConstant() {
        Rbm rbm = Rbm.random(5, 3, DataType.DOUBLE, 0.7, 0.4, PARAM_SEED);
        SpinParameters pm = SpinParameters.of(rbm);
        INDArray v = ExactRbm.states(0, 32, 5);
        for (int hs = 0; hs < 8; hs++) {
            INDArray h = ExactRbm.states(hs, 1, 3).repeat(0, 32);
            INDArray e01 = rbm.energy(v, h);
            INDArray epm = pm.energy(v.mul(2).subi(1), h.mul(2).subi(1));
            INDArray diff = e01.sub(epm);
            assertEquals(pm.energyShift(), diff.minNumber().doubleValue(), TOL);
            assertEquals(pm.energyShift(), diff.maxNumber().doubleValue(), TOL);
        }
        Rbm back = pm.toZeroOne();
        assertEquals(0.0, back.weights().sub(rbm.weights()).amaxNumber().doubleValue(), TOL);
        assertEquals(0.0, back.visibleBias().sub(rbm.visibleBias()).amaxNumber().doubleValue(), TOL);
        assertEquals(0.0, back.hiddenBias().sub(rbm.hiddenBias()).amaxNumber().doubleValue(), TOL);
    }

    @Test
    void pseudoLikelihoodIsThePerSpinMeanOfExactConditionals() {
        int nv = 5;
        Rbm rbm = Rbm.random(nv, 3, DataType.DOUBLE, 0.9, 0.3, PARAM_SEED + 1);
        INDArray p = ExactRbm.visibleDistribution(rbm);
        INDArray data = ExactRbm.states(0, 1 << nv, nv);
        double expected = 0;
        for (int s = 0; s < (1 << nv); s++) {
            for (int i = 0; i < nv; i++) {
                expected += Math.log(p.getDouble(s) / (p.getDouble(s) + p.getDouble(s ^ (1 << i))));
            }
        }
        expected /= nv * (1 << nv);
        assertEquals(expected, RbmMetrics.pseudoLogLikelihood(rbm, data), TOL);
        try (var rng = Bernoulli.newRandom(3)) {
            double stochastic = 0;
            for (int r = 0; r < 200; r++) {
                stochastic += RbmMetrics.pseudoLogLikelihood(rbm, data, rng) / 200;
            }
            assertEquals(expected, stochastic, 0.05);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void logLikelihoodOfDataIsMinusFreeEnergyMinusLogZ() {
        Rbm rbm = Rbm.random(6, 2, DataType.DOUBLE, 0.5, 0.5, PARAM_SEED + 2);
        INDArray p = ExactRbm.visibleDistribution(rbm);
        INDArray data = ExactRbm.states(9, 3, 6);
        double expected = (Math.log(p.getDouble(9)) + Math.log(p.getDouble(10)) + Math.log(p.getDouble(11))) / 3;
        assertEquals(expected, ExactRbm.logLikelihood(rbm, data), TOL);
    }

    /**
     * The exact log-likelihood of a float32 model is computed in float64 throughout: with large parameters a float32
     * free energy (relative precision 6e-8) minus a float64 log Z is wrong by far more than 1e-9 relative.
     */
    @Test
    void exactLikelihoodOfAFloatModelIsComputedInDoublePrecision() {
        Rbm big = Rbm.random(8, 4, DataType.FLOAT, 4e5, 2e5, 21L);
        INDArray v = ExactRbm.states(0, 256, 8).castTo(DataType.FLOAT);
        double asFloat = ExactRbm.logLikelihood(big, v);
        double asDouble = ExactRbm.logLikelihood(big.castTo(DataType.DOUBLE), v.castTo(DataType.DOUBLE));
        assertEquals(asDouble, asFloat, 1e-9 * Math.abs(asDouble));
        org.junit.jupiter.api.Assertions.assertTrue(asDouble <= 0, "log p <= 0, got " + asDouble);
    }
}
