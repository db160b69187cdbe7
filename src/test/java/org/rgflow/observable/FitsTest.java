package org.rgflow.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fitting code against planted answers: exact lines, power laws with Gaussian noise of known
 * &sigma; (the exponent must lie within 3 of its own standard errors, and over many trials the pulls
 * must have unit spread), and crossing curves with noise.
 */
class FitsTest {

    private static final long NOISE_SEED = 123456789L;

    @Test
    void lineThroughExactPointsHasZeroChiSquare() {
        double[] x = {1, 2, 3, 4};
        double[] y = {3, 5, 7, 9};
        LinearFit f = LinearFit.of(x, y, new double[] {1, 1, 1, 1});
        assertEquals(1, f.intercept(), 1e-12);
        assertEquals(2, f.slope(), 1e-12);
        assertEquals(0, f.chiSquare(), 1e-20);
        assertEquals(2, f.dof());
        // textbook: sigma_b^2 = S / Delta with S = 4, Sx = 10, Sxx = 30 -> Delta = 20
        assertEquals(Math.sqrt(4.0 / 20), f.slopeError(), 1e-12);
        assertEquals(Math.sqrt(30.0 / 20), f.interceptError(), 1e-12);
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1, 1}, new double[] {1, 2},
                new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.of(new double[] {1, 2}, new double[] {1, -2},
                new double[] {1, 1}));
    }

    @Test
    void plantedPowerLawWithNoiseIsRecoveredWithinItsError() {
        SplittableRandom rng = new SplittableRandom(NOISE_SEED);
        double[] x = {16, 24, 32, 48, 64, 96, 128};
        double exponent = -0.25;
        int trials = 400;
        double sumPull = 0;
        double sumPull2 = 0;
        double chi2 = 0;
        for (int t = 0; t < trials; t++) {
            double[] y = new double[x.length];
            double[] s = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double truth = 0.8 * Math.pow(x[i], exponent);
                s[i] = 0.01 * truth;
                y[i] = truth + s[i] * gaussian(rng);
            }
            PowerLawFit f = PowerLawFit.of(x, y, s);
            double pull = (f.exponent() - exponent) / f.exponentError();
            if (t == 0) {
                assertTrue(Math.abs(pull) < 3, "first trial: exponent " + f.exponent() + " ± " + f.exponentError());
            }
            sumPull += pull;
            sumPull2 += pull * pull;
            chi2 += f.chiSquarePerDof();
        }
        double mean = sumPull / trials;
        double sd = Math.sqrt(sumPull2 / trials - mean * mean);
        // pulls ~ N(0, 1): the mean of 400 is within 3/sqrt(400) = 0.15, the sd within ~10 %
        assertEquals(0, mean, 0.15);
        assertEquals(1, sd, 0.12);
        assertEquals(1, chi2 / trials, 0.1);
    }

    @Test
    void periodicPowerLawRecoversPlantedExponentWithNoise() {
        SplittableRandom rng = new SplittableRandom(NOISE_SEED + 1);
        int length = 64;
        double p = 0.25;
        double[] y = new double[length / 2 + 1];
        double[] s = new double[y.length];
        for (int r = 1; r < y.length; r++) {
            double truth = 0.7 * PeriodicPowerLawFit.shape(r, length, p);
            s[r] = 0.002 * truth;
            y[r] = truth + s[r] * gaussian(rng);
        }
        PeriodicPowerLawFit f = PeriodicPowerLawFit.of(y, s, length, 2, 32 - 1);
        assertTrue(Math.abs(f.exponent() - p) < 3 * f.formalError(), f.toString());
        assertEquals(0.7, f.amplitude(), 0.01);
        assertEquals(1, f.chiSquarePerDof(), 0.6);
        // noiseless: exact to the search tolerance
        double[] exact = new double[y.length];
        for (int r = 1; r < y.length; r++) {
            exact[r] = 0.7 * PeriodicPowerLawFit.shape(r, length, p);
        }
        assertEquals(p, PeriodicPowerLawFit.of(exact, s, length, 2, 31).exponent(), 1e-6);
    }

    @Test
    void plantedCrossingCurvesAreFoundWithinError() {
        SplittableRandom rng = new SplittableRandom(NOISE_SEED + 2);
        double tc = 2.2692;
        double[] t = new double[13];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2.15 + 0.02 * i;
        }
        int trials = 300;
        double[] pulls = new double[trials];
        for (int k = 0; k < trials; k++) {
            double[] u1 = new double[t.length];
            double[] u2 = new double[t.length];
            double[] e = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                // U(T, L) = u* + a tanh((Tc - T) L^(1/nu)) with 1/nu = 1: curves cross exactly at Tc
                e[i] = 0.004;
                u1[i] = 0.61 + 0.3 * Math.tanh((tc - t[i]) * 16 / 4.0) + e[i] * gaussian(rng);
                u2[i] = 0.61 + 0.3 * Math.tanh((tc - t[i]) * 32 / 4.0) + e[i] * gaussian(rng);
            }
            TabulatedCrossing c = TabulatedCrossing.find(t, u1, e, u2, e, 2);
            double pull = (c.x() - tc) / c.xError();
            if (k == 0) {
                assertTrue(Math.abs(pull) < 3, c.toString());
                assertEquals(0.61, c.y(), 4 * c.yError() + 0.002);
            }
            pulls[k] = Math.abs(pull);
        }
        // first-order propagation: the median |pull| of a unit Gaussian is 0.674 (the ratio of two
        // noisy differences has heavier tails than a Gaussian, so the median, not the rms, is tested)
        java.util.Arrays.sort(pulls);
        assertEquals(0.674, pulls[trials / 2], 0.1, "the propagated error should describe the scatter of the crossing");
    }

    @Test
    void noCrossingGivesNull() {
        double[] t = {1, 2, 3};
        double[] e = {0.1, 0.1, 0.1};
        assertNull(TabulatedCrossing.find(t, new double[] {1, 2, 3}, e, new double[] {0, 1, 2}, e, 1));
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
