package org.rgflow.data;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Deterministic test datasets. Global row i has spins whose first 32 sites spell the bits of i
 * (+1 = bit set), so any read-back row identifies where it came from; the rest is pseudo-random.
 */
final class TestDatasets {

    static final long SEED = 123456789L;
    /** 8 x 8 lattice: 64 sites. */
    static final DatasetLabels LABELS = DatasetLabels.of(2, 8, "ising-nn");

    private TestDatasets() {
    }

    static byte[] row(int i, int numSites) {
        byte[] s = new byte[numSites];
        SplittableRandom rng = new SplittableRandom(SEED + i);
        for (int k = 0; k < numSites; k++) {
            s[k] = k < 32 ? ((i >>> k) & 1) == 1 ? (byte) 1 : (byte) -1 : rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        return s;
    }

    /** The global index spelled by the first 32 values of an encoded row. */
    static int indexOf(double[] encodedRow) {
        int i = 0;
        for (int k = 0; k < 32; k++) {
            if (encodedRow[k] == 1.0) {
                i |= 1 << k;
            }
        }
        return i;
    }

    /**
     * Writes counts[k] rows at temps[k], in order (global row indices 0, 1, ...), finishes and writes
     * a minimal manifest.
     */
    static DatasetIndex write(Path dir, DatasetLabels labels, int shardSize, double[] temps, int[] counts) {
        try (SpinDatasetWriter w = SpinDatasetWriter.create(dir, labels, shardSize)) {
            int i = 0;
            for (int k = 0; k < temps.length; k++) {
                for (int r = 0; r < counts[k]; r++) {
                    w.write(row(i++, labels.numSites()), temps[k]);
                }
            }
            DatasetIndex index = w.finish();
            DatasetManifest.writeMinimal(dir, index, w.files());
            return index;
        }
    }

    /** Temperature of global row i for {@link #write} with these temps/counts. */
    static double temperatureOf(int i, double[] temps, int[] counts) {
        for (int k = 0; k < temps.length; k++) {
            if (i < counts[k]) {
                return temps[k];
            }
            i -= counts[k];
        }
        throw new IllegalArgumentException("row beyond the dataset");
    }
}
