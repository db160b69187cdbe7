package org.rgflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rgflow.data.DatasetException;
import org.rgflow.data.NpyHeader;
import org.rgflow.hamiltonian.NearestNeighbourIsing;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.mc.InitialState;
import org.rgflow.mc.SamplingSchedule;
import org.rgflow.mc.ScanListener;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.mc.TemperatureScan;
import org.rgflow.mc.WolffRule;

/**
 * The data of {@code rgflow bench rbm}: 2D nearest-neighbour Ising configurations at T_c sampled in-process by
 * rgflow's Wolff rule (16 chains, 2000 thermalisation sweeps, thinning 2 &tau;_int from a pilot run, random global
 * flips, fixed seed), stored as a NumPy {@code .npy} uint8 {0,1} array [rows, L&middot;L] (spin +1 &rarr; 1) in the
 * system temp dir under a name made of every parameter, so later runs reuse it. The peers load that file and
 * rgflow trains on the same file's rows as float32.
 */
final class RbmBenchData {

    /** 2 / ln(1 + &radic;2). */
    static final double CRITICAL_TEMPERATURE = 2 / Math.log(1 + Math.sqrt(2));
    static final long SEED = 20240611L;
    static final int CHAINS = 16;
    static final int THERMALIZATION_SWEEPS = 2000;
    /** Bump when the file's content for the same parameters changes. */
    static final int FORMAT_VERSION = 1;
    static final String DESCR = "|u1";

    /** A data file ready for use; {@code note} says whether it was reused or sampled now (with observables). */
    record Prepared(Path file, int length, int rows, String note) {

        int columns() {
            return length * length;
        }
    }

    private RbmBenchData() {
    }

    /** {@code <java.io.tmpdir>/rgflow-bench-rbm}. */
    static Path cacheDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "rgflow-bench-rbm");
    }

    /** The cache file name: every parameter that determines its content. */
    static String fileName(int length, int rows, long seed) {
        return String.format(Locale.ROOT, "ising2d-L%d-T%.6f-wolff-c%d-th%d-n%d-seed%d-v%d.npy", length,
                CRITICAL_TEMPERATURE, CHAINS, THERMALIZATION_SWEEPS, rows, seed, FORMAT_VERSION);
    }

    /** Reuses a valid cached file in {@code dir} or samples and writes it (atomically, under a temporary name first). */
    static Prepared prepare(Path dir, int length, int rows, long seed) {
        Path file = dir.resolve(fileName(length, rows, seed));
        int columns = length * length;
        try {
            if (Files.isRegularFile(file)) {
                try {
                    read(file, rows, columns);
                    return new Prepared(file, length, rows, "reused " + file);
                } catch (DatasetException e) {
                    // a damaged file of ours (same name): sampled again below and replaced
                }
            }
            long t0 = System.nanoTime();
            Files.createDirectories(dir);
            byte[] data = new byte[rows * columns];
            TemperatureResult r = sample(length, rows, seed, data);
            Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                write(temp, data, rows, columns);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new Prepared(file, length, rows, String.format(Locale.ROOT,
                    "sampled in %.1f s (every %d sweeps; <e> = %.4f +- %.4f, <|m|> = %.4f +- %.4f) into %s",
                    (System.nanoTime() - t0) / 1e9, r.sweepsBetweenSamples(), r.estimates().energy().value(),
                    r.estimates().energy().error(), r.estimates().absMagnetisation().value(),
                    r.estimates().absMagnetisation().error(), file));
        } catch (IOException e) {
            throw new UncheckedIOException("RBM benchmark data in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Samples {@code rows} configurations of the L&times;L lattice at T_c into {@code out} as {0,1} bytes. */
    static TemperatureResult sample(int length, int rows, long seed, byte[] out) {
        NearestNeighbourIsing h = NearestNeighbourIsing.of(HypercubicLattice.of(2, length), 1.0, 0.0);
        SamplingSchedule schedule = new SamplingSchedule(THERMALIZATION_SWEEPS, 0, rows, true, InitialState.RANDOM);
        TemperatureScan scan = TemperatureScan.of(h, WolffRule.of(), CHAINS, schedule);
        int n = length * length;
        int[] row = {0};
        List<TemperatureResult> results = scan.run(new double[] {CRITICAL_TEMPERATURE}, seed, (spins, t) -> {
            int base = row[0]++ * n;
            for (int i = 0; i < n; i++) {
                out[base + i] = (byte) ((spins[i] + 1) >> 1);
            }
        }, ScanListener.NONE);
        if (row[0] != rows) {
            throw new IllegalStateException("sampler wrote " + row[0] + " configurations, expected " + rows);
        }
        return results.get(0);
    }

    /** Writes a C-order uint8 [rows, columns] {@code .npy} file (NumPy's own header bytes). */
    static void write(Path file, byte[] data, int rows, int columns) throws IOException {
        if (data.length != rows * columns) {
            throw new IllegalArgumentException(data.length + " bytes for " + rows + " x " + columns);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(NpyHeader.of(DESCR, rows, columns).encode());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /**
     * Reads a file written by {@link #write}, checking dtype, order, shape, size and that every value is 0 or 1.
     *
     * @throws DatasetException naming what does not match
     */
    static byte[] read(Path file, int rows, int columns) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader h = NpyHeader.read(ch, file.toString());
            if (!h.descr().equals(DESCR) || h.fortranOrder() || h.shape().length != 2 || h.shape()[0] != rows
                    || h.shape()[1] != columns) {
                throw new DatasetException(file + ": expected " + DESCR + " C-order (" + rows + ", " + columns
                        + "), found " + h);
            }
            if (ch.size() != h.headerLength() + h.dataBytes()) {
                throw new DatasetException(file + ": " + ch.size() + " bytes, expected " + (h.headerLength()
                        + h.dataBytes()));
            }
            ByteBuffer buf = ByteBuffer.allocate(rows * columns);
            long pos = h.headerLength();
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new DatasetException(file + ": truncated");
                }
                pos += n;
            }
            byte[] data = buf.array();
            for (byte b : data) {
                if (b != 0 && b != 1) {
                    throw new DatasetException(file + ": value " + b + " is not 0 or 1");
                }
            }
            return data;
        }
    }

    /** The rows as a float32 {0,1} matrix [rows, columns]. */
    static INDArray features(byte[] data, int rows, int columns) {
        float[] f = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            f[i] = data[i];
        }
        return Nd4j.create(f, new long[] {rows, columns}, DataType.FLOAT);
    }

    /** Number of ones, compared with the count each peer reports for the file it loaded. */
    static long ones(byte[] data) {
        long n = 0;
        for (byte b : data) {
            n += b;
        }
        return n;
    }
}
