package org.rgflow.data;

import java.io.Serializable;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * How a dataset is read: value encoding and dtype of the spins, shuffling and temperature filter.
 *
 * <p>Shuffling (when {@code shuffle}): the shards are cut into blocks of about 64 KiB, the list of
 * all (shard, block) pairs is permuted, and the blocks stream through a buffer of
 * {@code shuffleBufferRows} rows from which rows are drawn uniformly at random. The result is a
 * permutation of the selected rows; it is a uniform one when the buffer holds the whole selection.
 * Memory: the buffer, {@code shuffleBufferRows * numSites} bytes (default 64 MiB). Epoch e draws
 * from {@code SplittableRandom(mix(seed, e))}; e advances on reset only if
 * {@code reshuffleEachEpoch}, so by default every epoch repeats the same order.
 *
 * @param encoding             spins as {&plusmn;1} or {0,1}
 * @param dataType             FLOAT or DOUBLE for the spins and labels
 * @param shuffle              whether rows are shuffled (otherwise shard order, then row order)
 * @param seed                 shuffle seed
 * @param reshuffleEachEpoch   whether each reset draws a new permutation (reproducibly)
 * @param shuffleBufferRows    shuffle buffer size in rows; 0 = 64 MiB worth
 * @param temperatures         keep only shards at these temperatures; empty = all
 * @param temperatureTolerance absolute tolerance of the temperature match
 * @param rowsFrom             keep rows [round(rowsFrom&middot;n), round(rowsTo&middot;n)) of every shard of n rows
 *                             (default 0: from the first row); a deterministic, temperature-stratified split,
 *                             since every shard holds one temperature: e.g. [0, 0.9) and [0.9, 1) partition
 *                             every shard into training and held-out rows
 * @param rowsTo               end of the kept fraction of every shard (default 1: to the last row)
 */
public record ReadOptions(SpinEncoding encoding, DataType dataType, boolean shuffle, long seed,
        boolean reshuffleEachEpoch, int shuffleBufferRows, Set<Double> temperatures, double temperatureTolerance,
        double rowsFrom, double rowsTo)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default absolute tolerance of the temperature filter. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** Default shuffle buffer size in bytes. */
    public static final long DEFAULT_BUFFER_BYTES = 64L << 20;

    public ReadOptions {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(dataType, "dataType");
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + dataType);
        }
        if (shuffleBufferRows < 0) {
            throw new IllegalArgumentException("shuffleBufferRows must be >= 0 (0 = default), got " + shuffleBufferRows);
        }
        if (!(temperatureTolerance >= 0) || Double.isInfinite(temperatureTolerance)) {
            throw new IllegalArgumentException("temperatureTolerance must be finite and >= 0, got "
                    + temperatureTolerance);
        }
        temperatures = Set.copyOf(new TreeSet<>(Objects.requireNonNull(temperatures, "temperatures")));
        if (!(rowsFrom >= 0 && rowsFrom <= rowsTo && rowsTo <= 1)) {
            throw new IllegalArgumentException("row fractions must satisfy 0 <= from <= to <= 1, got [" + rowsFrom
                    + ", " + rowsTo + ")");
        }
    }

    /** Rows of all shards (the default). */
    public ReadOptions(SpinEncoding encoding, DataType dataType, boolean shuffle, long seed, boolean reshuffleEachEpoch,
            int shuffleBufferRows, Set<Double> temperatures, double temperatureTolerance) {
        this(encoding, dataType, shuffle, seed, reshuffleEachEpoch, shuffleBufferRows, temperatures,
                temperatureTolerance, 0.0, 1.0);
    }

    /** First kept row of a shard of {@code count} rows: round(rowsFrom &middot; count). */
    public long firstRow(long count) {
        return Math.round(rowsFrom * count);
    }

    /** One past the last kept row of a shard of {@code count} rows: round(rowsTo &middot; count). */
    public long endRow(long count) {
        return Math.round(rowsTo * count);
    }

    /**
     * Only rows [round(from&middot;n), round(to&middot;n)) of every shard of n rows. Complementary ranges such as
     * [0, f) and [f, 1) split every shard (so every temperature) into disjoint parts that together hold every row.
     */
    public ReadOptions withRows(double from, double to) {
        return new ReadOptions(encoding, dataType, shuffle, seed, reshuffleEachEpoch, shuffleBufferRows, temperatures,
                temperatureTolerance, from, to);
    }

    /** {0,1} encoding, FLOAT, no shuffling, all temperatures. */
    public static ReadOptions defaults() {
        return new ReadOptions(SpinEncoding.ZERO_ONE, DataType.FLOAT, false, 0L, false, 0, Set.of(),
                DEFAULT_TOLERANCE);
    }

    public ReadOptions withEncoding(SpinEncoding e) {
        return new ReadOptions(e, dataType, shuffle, seed, reshuffleEachEpoch, shuffleBufferRows, temperatures,
                temperatureTolerance, rowsFrom, rowsTo);
    }

    public ReadOptions withDataType(DataType t) {
        return new ReadOptions(encoding, t, shuffle, seed, reshuffleEachEpoch, shuffleBufferRows, temperatures,
                temperatureTolerance, rowsFrom, rowsTo);
    }

    /** Shuffled with {@code seed}. */
    public ReadOptions withShuffle(long shuffleSeed) {
        return new ReadOptions(encoding, dataType, true, shuffleSeed, reshuffleEachEpoch, shuffleBufferRows,
                temperatures, temperatureTolerance, rowsFrom, rowsTo);
    }

    public ReadOptions withReshuffleEachEpoch(boolean b) {
        return new ReadOptions(encoding, dataType, shuffle, seed, b, shuffleBufferRows, temperatures,
                temperatureTolerance, rowsFrom, rowsTo);
    }

    public ReadOptions withShuffleBufferRows(int rows) {
        return new ReadOptions(encoding, dataType, shuffle, seed, reshuffleEachEpoch, rows, temperatures,
                temperatureTolerance, rowsFrom, rowsTo);
    }

    /** Only shards at these temperatures (within {@link #temperatureTolerance()}). */
    public ReadOptions withTemperatures(Collection<Double> temps) {
        return new ReadOptions(encoding, dataType, shuffle, seed, reshuffleEachEpoch, shuffleBufferRows,
                Set.copyOf(temps), temperatureTolerance, rowsFrom, rowsTo);
    }

    public ReadOptions withTemperatureTolerance(double tol) {
        return new ReadOptions(encoding, dataType, shuffle, seed, reshuffleEachEpoch, shuffleBufferRows,
                temperatures, tol, rowsFrom, rowsTo);
    }
}
