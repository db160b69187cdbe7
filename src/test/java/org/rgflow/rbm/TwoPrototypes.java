package org.rgflow.rbm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A small known distribution: 6 bits, two prototypes 111000 / 000111, each bit flipped with probability 0.1. */
public final class TwoPrototypes {

    private TwoPrototypes() {
    }

    /** [n, 6] in {0,1}, float64 or float32, deterministic for a seed. */
    public static INDArray sample(int n, long seed, DataType dtype) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] d = new double[n * 6];
        for (int s = 0; s < n; s++) {
            boolean first = r.nextBoolean();
            for (int i = 0; i < 6; i++) {
                boolean bit = first == (i < 3);
                if (r.nextDouble() < 0.1) {
                    bit = !bit;
                }
                d[s * 6 + i] = bit ? 1 : 0;
            }
        }
        return Nd4j.create(d, new long[] {n, 6}, DataType.DOUBLE).castTo(dtype);
    }
}
