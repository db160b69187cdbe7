package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.rgflow.testing.Nd4jTestBase;

/** AIS agrees with exact log Z within its error bar; a poor schedule does not report a falsely tiny error. */
class AisTest extends Nd4jTestBase {

    private static final long SEED = 2024L;

    private static void assertCovers(double exact, Ais.Result r, double sigmas) {
        assertTrue(Math.abs(r.logZ() - exact) <= sigmas * r.standardError() + 1e-9,
                "exact " + exact + " vs AIS " + r);
    }

    @Test
    void aisMatchesExactLogPartition() throws Exception {
        Rbm rbm = Rbm.random(12, 8, DataType.DOUBLE, 0.5, 0.5, SEED);
        double exact = ExactRbm.logPartition(rbm);
        try (Random rng = Bernoulli.newRandom(SEED)) {
            Ais.Result r = Ais.estimate(rbm, null, Ais.standardSchedule(1000), 200, rng);
            assertCovers(exact, r, 4);
            assertTrue(r.standardError() < 0.05, r.toString());
            Ais.Result withBase = Ais.estimate(rbm, Ais.baseBiasesFromData(TwoPrototypes.sample(100, 1,
                    DataType.DOUBLE).repeat(1, 2)), Ais.standardSchedule(1000), 200, rng);
            assertCovers(exact, withBase, 4);
        }
    }

    @Test
    void fewTemperaturesGiveAnHonestErrorBar() throws Exception {
        Rbm rbm = Rbm.random(12, 8, DataType.DOUBLE, 1.0, 0.5, SEED + 1);
        double exact = ExactRbm.logPartition(rbm);
        try (Random rng = Bernoulli.newRandom(SEED + 1)) {
            Ais.Result r = Ais.estimate(rbm, null, Ais.linearSchedule(10), 200, rng);
            assertCovers(exact, r, 4);
        }
    }
}
