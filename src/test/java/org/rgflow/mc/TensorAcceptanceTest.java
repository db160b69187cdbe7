package org.rgflow.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The polynomial acceptance reproduces min(1, e^{-2Jy/T}) for y &gt; 0 and is &ge; 1 for y &le; 0. */
class TensorAcceptanceTest {

    @Test
    void reproducesMetropolisAcceptanceInTwoAndThreeDimensions() {
        for (int d = 2; d <= 3; d++) {
            for (double t : new double[] {0.5, 1.0, 2.269, 4.5, 10.0, 1e4}) {
                double[] c = TensorAcceptance.coefficients(d, 1.0, 0.0, t);
                if (d == 2) {
                    assertNotNull(c, "d = 2 always admits the quadratic, T = " + t);
                }
                if (c == null) {
                    continue;
                }
                for (int y = -2 * d; y <= 2 * d; y += 2) {
                    double p = TensorAcceptance.evaluate(c, y);
                    if (y <= 0) {
                        assertTrue(p >= 1 - 1e-12, "y=" + y + " T=" + t + " p=" + p);
                    } else {
                        assertEquals(Math.exp(-2 * y / t), p, 1e-12, "y=" + y + " T=" + t);
                    }
                }
            }
        }
    }

    @Test
    void notUsedWhereItDoesNotApply() {
        assertNull(TensorAcceptance.coefficients(1, 1.0, 0.0, 2.0), "d = 1 is lazy");
        assertNull(TensorAcceptance.coefficients(2, 1.0, 0.1, 2.0), "field");
        assertNull(TensorAcceptance.coefficients(2, -1.0, 0.0, 2.0), "antiferromagnet");
    }
}
