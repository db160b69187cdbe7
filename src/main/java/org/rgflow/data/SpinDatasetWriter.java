package org.rgflow.data;

import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.AtomicFiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams spin configurations into a dataset directory as int8 {@code .npy} shards
 * ({@code spins-00000.npy} [n, numSites] and {@code temperature-00000.npy} float64 [n]). A shard
 * holds one temperature and at most {@code shardSize} rows; a new temperature or a full shard
 * starts the next one.
 *
 * <p>Atomicity: shards are written under hidden temporary names ({@code .spins-00000.npy.tmp}),
 * their headers fixed up, fsynced and hashed when they close, and renamed (ATOMIC_MOVE) to their
 * final names only by {@link #finish()}. An interrupted run leaves no file under a final name.
 * The caller then writes {@code manifest.json} from {@link #finish()} and {@link #files()} (or
 * {@link DatasetManifest#writeMinimal}); a dataset without a manifest is incomplete.
 *
 * <p>Memory is constant in the dataset size (two 1 MiB buffers). Not thread-safe: one writer thread.
 */
public final class SpinDatasetWriter implements AutoCloseable {

    /** Default maximum number of configurations per shard. */
    public static final int DEFAULT_SHARD_SIZE = 65536;

    private final Path dir;
    private final DatasetLabels labels;
    private final int numSites;
    private final int shardSize;
    private final List<ShardInfo> shards = new ArrayList<>();
    private final List<NpyStreamWriter> committed = new ArrayList<>();
    private final List<OutputFile> written = new ArrayList<>();
    private NpyStreamWriter current;
    private double currentTemperature;
    private long currentCount;
    private long total;
    private DatasetIndex index;
    private boolean closed;

    private SpinDatasetWriter(Path dir, DatasetLabels labels, int shardSize) {
        this.dir = dir;
        this.labels = labels;
        this.numSites = labels.numSites();
        this.shardSize = shardSize;
    }

    /**
     * Creates (if needed) {@code dir} and a writer into it.
     *
     * @throws DatasetException if {@code dir} already holds a dataset (manifest or shard files)
     */
    public static SpinDatasetWriter create(Path dir, DatasetLabels labels, int shardSize) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(labels, "labels");
        if (shardSize < 1) {
            throw new IllegalArgumentException("shardSize must be >= 1, got " + shardSize);
        }
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (n.equals(DatasetManifest.FILE_NAME) || n.matches("(spins|temperature)-\\d+\\.npy")) {
                        throw new DatasetException(dir + ": already holds a dataset (" + n + "); delete the "
                                + "directory or write to another one");
                    }
                    if (n.matches("\\.(spins|temperature)-\\d+\\.npy\\.tmp")) {
                        Files.delete(p); // left over by an interrupted run: never a complete file
                    }
                }
            }
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot create the dataset directory: " + e, e);
        }
        return new SpinDatasetWriter(dir, labels, shardSize);
    }

    /** {@link #create(Path, DatasetLabels, int)} with {@link #DEFAULT_SHARD_SIZE}. */
    public static SpinDatasetWriter create(Path dir, DatasetLabels labels) {
        return create(dir, labels, DEFAULT_SHARD_SIZE);
    }

    /**
     * Appends one configuration.
     *
     * @param spins       [numSites], values &plusmn;1 (site order as the lattice indexes them)
     * @param temperature finite and &gt; 0; a value different from the previous one starts a new shard
     */
    public void write(byte[] spins, double temperature) {
        Objects.requireNonNull(spins, "spins");
        if (spins.length != numSites) {
            throw new IllegalArgumentException("configuration has " + spins.length + " spins, the dataset "
                    + "has numSites = " + numSites + " (L=" + labels.length() + ", d=" + labels.dimension() + ")");
        }
        writeRows(spins, 1, temperature);
    }

    /**
     * Appends {@code numRows} configurations at one temperature (the fast path for samplers).
     *
     * @param rows [numRows, numSites] row-major, values &plusmn;1; {@code rows.length >= numRows * numSites}
     */
    public void writeRows(byte[] rows, int numRows, double temperature) {
        checkOpen();
        Objects.requireNonNull(rows, "rows");
        if (numRows < 0 || (long) numRows * numSites > rows.length) {
            throw new IllegalArgumentException("numRows " + numRows + " x numSites " + numSites
                    + " exceeds the " + rows.length + " bytes given");
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0 (0 = ground-state ensemble), got " + temperature);
        }
        int len = numRows * numSites;
        for (int i = 0; i < len; i++) {
            byte s = rows[i];
            if (s != 1 && s != -1) {
                throw new IllegalArgumentException("spin " + (i % numSites) + " of row " + (i / numSites)
                        + " is " + s + "; spins must be -1 or +1");
            }
        }
        try {
            int done = 0;
            while (done < numRows) {
                if (current == null || currentCount == shardSize
                        || Double.compare(temperature, currentTemperature) != 0) {
                    closeShard();
                    openShard(temperature);
                }
                int n = (int) Math.min(numRows - done, shardSize - currentCount);
                current.write(rows, done * numSites, n * numSites);
                currentCount += n;
                total += n;
                done += n;
            }
        } catch (IOException e) {
            Path where = current == null ? dir : current.tempPath();
            throw new DatasetException(where + ": write failed: " + e, e);
        }
    }

    /** Configurations written so far. */
    public long numConfigurations() {
        return total;
    }

    /**
     * Closes the last shard and publishes all shards under their final names.
     *
     * @return the index for the {@code dataset} section of the manifest
     */
    public DatasetIndex finish() {
        checkOpen();
        try {
            closeShard();
            for (NpyStreamWriter w : committed) {
                w.publish();
            }
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw new DatasetException(dir + ": could not publish the shards: " + e, e);
        }
        closed = true;
        index = DatasetIndex.of(labels, shards).withOutputs(written);
        return index;
    }

    /** Every file written (relative path, bytes, SHA-256), in shard order; only after {@link #finish()}. */
    public List<OutputFile> files() {
        if (index == null) {
            throw new IllegalStateException("files() is known only after finish()");
        }
        return List.copyOf(written);
    }

    /** Aborts if {@link #finish()} was not called: deletes every temporary file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.abort();
        }
        committed.forEach(NpyStreamWriter::abort);
    }

    private void openShard(double temperature) throws IOException {
        String spinsName = String.format("spins-%05d.npy", shards.size());
        current = NpyStreamWriter.open(dir, spinsName, "|i1", numSites);
        currentTemperature = temperature;
        currentCount = 0;
    }

    private void closeShard() throws IOException {
        if (current == null) {
            return;
        }
        String tempsName = String.format("temperature-%05d.npy", shards.size());
        OutputFile spinsFile = current.commit(currentCount);
        committed.add(current);
        current = null;
        NpyStreamWriter temps = NpyStreamWriter.open(dir, tempsName, "<f8");
        temps.writeDoubles(currentTemperature, currentCount);
        OutputFile tempsFile = temps.commit(currentCount);
        committed.add(temps);
        written.add(spinsFile);
        written.add(tempsFile);
        shards.add(new ShardInfo(spinsFile.path(), tempsName, currentCount, currentTemperature));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this SpinDatasetWriter is finished or closed");
        }
    }
}
