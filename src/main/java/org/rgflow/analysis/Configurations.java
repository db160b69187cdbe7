package org.rgflow.analysis;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between the encodings of a batch of configurations. The analysis code works on
 * {@code double[n][numSites]} rows holding spins s = &plusmn;1 (or real values in [&minus;1, 1] after a
 * block average or a mean-field step); the RBM works on {@code INDArray [n, numVisible]} with v = (s+1)/2.
 * Every method returns new arrays; cost O(n numSites).
 */
public final class Configurations {

    private Configurations() {
    }

    /** &plusmn;1 bytes [n][numSites] &rarr; doubles. */
    public static double[][] fromBytes(byte[][] spins) {
        double[][] out = new double[spins.length][];
        for (int k = 0; k < spins.length; k++) {
            out[k] = new double[spins[k].length];
            for (int i = 0; i < spins[k].length; i++) {
                out[k][i] = spins[k][i];
            }
        }
        return out;
    }

    /** &plusmn;1 bytes, row-major {@code [rows * numSites]} (the dataset layout) &rarr; doubles [rows][numSites]. */
    public static double[][] fromBytes(byte[] spins, int numSites) {
        if (numSites <= 0 || spins.length % numSites != 0) {
            throw new IllegalArgumentException("spins.length (" + spins.length + ") must be a multiple of numSites ("
                    + numSites + ")");
        }
        double[][] out = new double[spins.length / numSites][numSites];
        for (int k = 0; k < out.length; k++) {
            for (int i = 0; i < numSites; i++) {
                out[k][i] = spins[k * numSites + i];
            }
        }
        return out;
    }

    /** A spin array [n, numSites] (values &plusmn;1 or reals) &rarr; rows. */
    public static double[][] fromSpinArray(INDArray spins) {
        return spins.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** RBM visible units v &isin; {0,1} (or probabilities) [n, numVisible] &rarr; spins s = 2v &minus; 1 as rows. */
    public static double[][] fromZeroOne(INDArray visible) {
        return visible.castTo(DataType.DOUBLE).mul(2.0).subi(1.0).toDoubleMatrix();
    }

    /** Spin rows &rarr; RBM visible units v = (s+1)/2, [n, numSites] in {@code dtype}. */
    public static INDArray toZeroOne(double[][] spins, DataType dtype) {
        return Nd4j.createFromArray(spins).addi(1.0).muli(0.5).castTo(dtype);
    }

    /** Spin rows &rarr; [n, numSites] spins in {@code dtype}. */
    public static INDArray toSpinArray(double[][] spins, DataType dtype) {
        return Nd4j.createFromArray(spins).castTo(dtype);
    }

    /** n copies of the all-up configuration (s = +1 everywhere): the T = 0 start of a flow. */
    public static double[][] allUp(int n, int numSites) {
        double[][] out = new double[n][numSites];
        for (double[] row : out) {
            java.util.Arrays.fill(row, 1.0);
        }
        return out;
    }

    /** n independent uniformly random &plusmn;1 configurations (T = &infin;), from an explicit seed. */
    public static double[][] random(int n, int numSites, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[][] out = new double[n][numSites];
        for (double[] row : out) {
            for (int i = 0; i < numSites; i++) {
                row[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
        }
        return out;
    }
}
