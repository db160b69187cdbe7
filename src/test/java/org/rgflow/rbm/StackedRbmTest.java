package org.rgflow.rbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.rgflow.testing.Nd4jTestBase;

/** Shapes of up/down/generation and receptive fields = products of W down the stack. */
class StackedRbmTest extends Nd4jTestBase {

    @Test
    void shapesAndReceptiveFields() throws Exception {
        StackedRbm s = StackedRbm.create(new int[] {16, 8, 4, 2}, 1, true, true, DataType.DOUBLE, 3L);
        INDArray v = TwoPrototypes.sample(5, 1, DataType.DOUBLE).getColumns(0, 1, 2, 3).repeat(1, 4);
        assertArrayEquals(new long[] {5, 4}, s.up(v, 2).shape());
        assertArrayEquals(new long[] {5, 16}, s.down(s.up(v, 3), 3).shape());
        assertEquals(s.network().output(v), s.up(v, 3));
        assertArrayEquals(new long[] {16, 2}, s.receptiveFields(3).shape());
        INDArray product = s.rbm(0).weights().mmul(s.rbm(1).weights()).mmul(s.rbm(2).weights());
        assertEquals(0.0, product.sub(s.receptiveFields(3)).amaxNumber().doubleValue(), 1e-15);
        try (Random rng = Bernoulli.newRandom(4)) {
            INDArray g = s.generate(7, 5, HalfStep.SAMPLED, rng);
            assertArrayEquals(new long[] {7, 16}, g.shape());
            assertEquals(g, g.mul(g));
            assertArrayEquals(new long[] {5, 8}, s.up(v, 1, HalfStep.SAMPLED, rng).shape());
        }
    }
}
