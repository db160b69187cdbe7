package org.rgflow.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Streaming observables on exact configurations: all up (|m| = 1, c = 1) and the 4&times;4 checkerboard (c = &minus;1). */
class SpinObservablesTest {

    @Test
    void orderedAndCheckerboardConfigurations() {
        byte[] spins = new byte[2 * 16];
        for (int i = 0; i < 16; i++) {
            spins[i] = 1;
            spins[16 + i] = (byte) (((i / 4 + i % 4) % 2 == 0) ? 1 : -1);
        }
        SpinObservables up = new SpinObservables(2, 4);
        up.add(spins, 1);
        assertTrue(up.csv(0).endsWith("0.0,1,1.0,NaN,1.0,NaN,1.0,NaN\n"), up.csv(0));
        SpinObservables both = new SpinObservables(2, 4);
        both.add(spins, 2);
        // |m| = (1 + 0)/2, m^2 = (1 + 0)/2, c = (1 - 1)/2 = 0; errors = sd/sqrt(2) = 0.5
        assertTrue(both.csv(0).endsWith("0.0,2,0.5,0.5,0.5,0.5,0.0,1.0\n"), both.csv(0));
    }
}
