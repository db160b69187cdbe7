package org.rgflow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.data.DatasetIndex;
import org.rgflow.data.DatasetLabels;
import org.rgflow.data.DatasetManifest;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.data.SpinDatasetWriter;
import org.rgflow.provenance.AtomicFiles;

/**
 * Write and read throughput of the spin dataset format: writes {@code numConfigs} random
 * configurations (4 temperatures) to a temporary dataset, opens it (SHA-256 and spin-value verification), reads
 * it through {@link SpinDataSetIterator} (FLOAT, batch 1000) in file order and shuffled, prints
 * configurations per second and deletes the dataset. Wall-clock times, ND4J backend loaded
 * beforehand; the write includes one fsync and one SHA-256 pass per shard file.
 */
public final class DatasetBenchmark {

    private static final long SEED = 20240611L;
    private static final int BATCH = 1000;
    private static final int POOL_ROWS = 997;
    private static final double[] TEMPERATURES = {1.5, 2.0, 2.2692, 3.0};

    private DatasetBenchmark() {
    }

    /**
     * @param numConfigs configurations to write and read
     * @param numSites   spins per configuration (a perfect square gives a 2D label, otherwise 1D)
     */
    public static void run(PrintStream out, int numConfigs, int numSites) {
        out.println(BenchMachine.machineLine());
        if (numConfigs < 1 || numSites < 1) {
            throw new IllegalArgumentException("numConfigs and numSites must be >= 1, got " + numConfigs + ", "
                    + numSites);
        }
        int side = (int) Math.round(Math.sqrt(numSites));
        DatasetLabels labels = side * side == numSites ? DatasetLabels.of(2, side, "ising-nn")
                : DatasetLabels.of(1, numSites, "ising-nn");
        byte[] pool = randomSpins(POOL_ROWS * numSites);
        Nd4j.create(DataType.FLOAT, 1, 1); // load the ND4J backend before timing
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rgflow-dataset-bench-");
            double mb = (double) numConfigs * numSites / 1e6;
            out.printf("dataset benchmark: %d configurations x %d spins (%.1f MB int8), %s%n", numConfigs, numSites,
                    mb, dir);

            long t0 = System.nanoTime();
            write(dir, labels, pool, numConfigs);
            report(out, "write (shards + fsync + SHA-256 + manifest)", numConfigs, mb, System.nanoTime() - t0);

            t0 = System.nanoTime();
            SpinDataset dataset = SpinDataset.open(dir);
            long open = System.nanoTime() - t0;
            report(out, "open (verify headers, sizes, SHA-256, spins)", numConfigs, mb, open);

            long read = read(SpinDataSetIterator.builder(dataset).batchSize(BATCH).build(), numConfigs);
            report(out, "read  FLOAT batch " + BATCH + ", file order", numConfigs, mb, read);
            report(out, "open + read, file order", numConfigs, mb, open + read);
            long shuffled = read(SpinDataSetIterator.builder(dataset).batchSize(BATCH).shuffle(SEED).build(),
                    numConfigs);
            report(out, "read  FLOAT batch " + BATCH + ", shuffled", numConfigs, mb, shuffled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                deleteRecursively(dir);
            }
        }
    }

    private static void write(Path dir, DatasetLabels labels, byte[] pool, int numConfigs) {
        int numSites = labels.numSites();
        try (SpinDatasetWriter w = SpinDatasetWriter.create(dir, labels)) {
            int done = 0;
            int offset = 0;
            while (done < numConfigs) {
                int temperature = (int) ((long) done * TEMPERATURES.length / numConfigs);
                long end = (long) (temperature + 1) * numConfigs / TEMPERATURES.length;
                int n = (int) Math.min(Math.min(BATCH, end - done), POOL_ROWS - offset);
                byte[] rows = new byte[n * numSites];
                System.arraycopy(pool, offset * numSites, rows, 0, rows.length);
                w.writeRows(rows, n, TEMPERATURES[temperature]);
                done += n;
                offset = (offset + n) % POOL_ROWS;
            }
            DatasetIndex index = w.finish();
            DatasetManifest.writeMinimal(dir, index, w.files());
        }
    }

    private static long read(SpinDataSetIterator it, int expected) {
        long t0 = System.nanoTime();
        long rows = 0;
        double check = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            rows += ds.numExamples();
            check += ds.getFeatures().getDouble(0, 0);
        }
        long elapsed = System.nanoTime() - t0;
        if (rows != expected || Double.isNaN(check)) {
            throw new IllegalStateException("read " + rows + " configurations, wrote " + expected);
        }
        return elapsed;
    }

    private static void report(PrintStream out, String what, int numConfigs, double mb, long nanos) {
        double s = nanos / 1e9;
        out.printf("  %-46s %8.3f s  %,12.0f configs/s  %8.1f MB/s%n", what, s, numConfigs / s, mb / s);
    }

    private static byte[] randomSpins(int n) {
        SplittableRandom rng = new SplittableRandom(SEED);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextBoolean() ? (byte) 1 : (byte) -1;
        }
        return b;
    }

    private static void deleteRecursively(Path dir) {
        try {
            AtomicFiles.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete benchmark dataset " + dir, e);
        }
    }
}
