package org.rgflow.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A verified, read-only dataset directory: its {@link DatasetIndex} and the data offset of every
 * shard. {@link #open(Path)} checks every shard before anything is read (see
 * {@link ShardVerifier}), so a dataset that opens is complete and exactly as written.
 */
public final class SpinDataset {

    private final Path dir;
    private final DatasetIndex index;
    private final long[] dataOffsets;

    private SpinDataset(Path dir, DatasetIndex index, long[] dataOffsets) {
        this.dir = dir;
        this.index = index;
        this.dataOffsets = dataOffsets;
    }

    /**
     * Reads {@code dir/manifest.json} and verifies every shard: the files exist, their {@code .npy}
     * headers have the right dtype and shape (rows = manifest count, columns = numSites), the file
     * lengths match the headers and the manifest, the SHA-256 digests match {@code outputs}, every spin
     * is &minus;1 or +1 (checked in the checksum pass) and every stored temperature equals the shard's.
     * Cost: one sequential read of the whole dataset.
     *
     * @throws DatasetException naming the file, the problem and the fix
     */
    public static SpinDataset open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        DatasetIndex index = DatasetIndex.fromManifest(dir.resolve(DatasetManifest.FILE_NAME));
        ShardVerifier verifier = new ShardVerifier(dir, index);
        long[] offsets = new long[index.shards().size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = verifier.verify(index.shards().get(i));
        }
        return new SpinDataset(dir, index, offsets);
    }

    public Path dir() {
        return dir;
    }

    /** The manifest's dataset section with the checksums. */
    public DatasetIndex index() {
        return index;
    }

    public DatasetLabels labels() {
        return index.labels();
    }

    /** Spins per configuration, L<sup>d</sup>. */
    public int numSites() {
        return index.numSites();
    }

    public long numConfigurations() {
        return index.numConfigurations();
    }

    /** Distinct temperatures, ascending. */
    public List<Double> temperatures() {
        return index.temperatures();
    }

    public List<ShardInfo> shards() {
        return index.shards();
    }

    /** Path of a shard's spins file. */
    public Path spinsPath(int shard) {
        return dir.resolve(index.shards().get(shard).spins());
    }

    /** Byte offset of the first row in a shard's spins file (the {@code .npy} header length). */
    long dataOffset(int shard) {
        return dataOffsets[shard];
    }

    /**
     * Indices of the shards whose temperature lies within {@code tolerance} of one of
     * {@code temperatures}; all shards when {@code temperatures} is empty.
     *
     * @throws DatasetException if a requested temperature matches no shard
     */
    public int[] select(Collection<Double> temperatures, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("temperature tolerance must be >= 0, got " + tolerance);
        }
        List<ShardInfo> shards = index.shards();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            double t = shards.get(i).temperature();
            if (temperatures.isEmpty() || temperatures.stream().anyMatch(r -> Math.abs(r - t) <= tolerance)) {
                chosen.add(i);
            }
        }
        for (double r : temperatures) {
            if (shards.stream().noneMatch(s -> Math.abs(r - s.temperature()) <= tolerance)) {
                throw new DatasetException(dir + ": no configurations at temperature " + r + " (tolerance "
                        + tolerance + "); the dataset has temperatures " + temperatures());
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "SpinDataset[" + dir + ", " + numConfigurations() + " x " + numSites() + ", T=" + temperatures() + "]";
    }
}
