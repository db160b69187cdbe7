package org.rgflow.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutocorrelationTest {

    private static final long SEED = 123456789L;

    /** AR(1) x_t = phi x_{t-1} + noise has tau_int = (1 + phi) / (2 (1 - phi)) exactly. */
    private static double[][] ar1(double phi, int chains, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[chains][n];
        for (int c = 0; c < chains; c++) {
            double v = gaussian(rng) / Math.sqrt(1 - phi * phi);
            for (int i = 0; i < n; i++) {
                v = phi * v + gaussian(rng);
                x[c][i] = v;
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void independentSamplesHaveTauOneHalf() {
        double tau = Autocorrelation.integratedTime(ar1(0.0, 4, 20000, SEED));
        assertEquals(0.5, tau, 0.05);
    }

    @Test
    void ar1TauMatchesClosedForm() {
        double phi = 0.9;
        double exact = (1 + phi) / (2 * (1 - phi)); // 9.5
        double tau = Autocorrelation.integratedTime(ar1(phi, 8, 20000, SEED));
        // windowed estimator: relative statistical error ~ sqrt(2(2W+1)/n) ~ 4% here, bias ~ e^{-6}
        assertEquals(exact, tau, 0.12 * exact);
    }

    @Test
    void jackknifeErrorOfMeanMatchesTauCorrectedNaiveError() {
        double phi = 0.8;
        double[][] x = ar1(phi, 8, 20000, SEED + 1);
        IsingSeries series = new IsingSeries(8, 20000);
        for (int c = 0; c < 8; c++) {
            for (int i = 0; i < 20000; i++) {
                series.add(c, x[c][i], 0.1);
            }
        }
        ThermodynamicEstimates est = ThermodynamicEstimates.of(series, 1, 1.0);
        double tau = (1 + phi) / (2 * (1 - phi));
        double variance = 1 / (1 - phi * phi);
        double expected = Math.sqrt(variance * 2 * tau / (8 * 20000.0));
        double ratio = est.energy().error() / expected;
        assertTrue(ratio > 0.75 && ratio < 1.3, "jackknife error / exact error = " + ratio);
    }
}
