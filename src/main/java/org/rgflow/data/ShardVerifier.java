package org.rgflow.data;

import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.Sha256;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Checks one shard's two files against the manifest, and the values they hold (spins &plusmn;1, the shard's
 * temperature); every failure is a {@link DatasetException}.
 */
final class ShardVerifier {

    private static final Set<String> INT8 = Set.of("|i1", "<i1", ">i1", "=i1", "i1");
    private static final String RERUN = " — re-run `rgflow sample`";

    private final Path dir;
    private final DatasetIndex index;

    ShardVerifier(Path dir, DatasetIndex index) {
        this.dir = dir;
        this.index = index;
    }

    /** Verifies the shard and returns the data offset of its spins file. */
    long verify(ShardInfo shard) {
        NpyHeader spins = verifyFile(shard.spins(), shard, true);
        verifyFile(shard.temperatures(), shard, false);
        return spins.headerLength();
    }

    private NpyHeader verifyFile(String name, ShardInfo shard, boolean isSpins) {
        Path file = dir.resolve(name);
        OutputFile expected = index.output(name).orElseThrow(() -> new DatasetException(file
                + ": not listed in the outputs of manifest.json, so its checksum cannot be verified; the "
                + "manifest does not match the dataset" + RERUN));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader header = NpyHeader.read(ch, file.toString());
            if (isSpins) {
                checkSpinsHeader(file, header, shard);
            } else {
                checkTemperatureHeader(file, header, shard);
            }
            long rowBytes = isSpins ? index.numSites() : Double.BYTES;
            long expectedLength = header.headerLength() + header.dataBytes();
            long actual = ch.size();
            if (actual < expectedLength) {
                throw new DatasetException(file + ": truncated: header says " + shard.count() + " rows of "
                        + rowBytes + " bytes = " + header.dataBytes() + " bytes, file has "
                        + (actual - header.headerLength()) + " after its " + header.headerLength() + "-byte header; the "
                        + "dataset was not written completely" + RERUN);
            }
            if (actual > expectedLength) {
                throw new DatasetException(file + ": " + (actual - expectedLength) + " bytes after the "
                        + header.dataBytes() + " data bytes its header announces; the file was appended to or "
                        + "damaged" + RERUN);
            }
            if (actual != expected.bytes()) {
                throw new DatasetException(file + ": has " + actual + " bytes but manifest.json outputs says "
                        + expected.bytes() + "; the file was replaced after the manifest was written" + RERUN);
            }
            SpinFileScan.Result scan = isSpins ? SpinFileScan.scan(ch, header.headerLength()) : null;
            String sha = isSpins ? scan.sha256() : Sha256.of(ch);
            if (!sha.equals(expected.sha256())) {
                throw new DatasetException(file + ": checksum mismatch: SHA-256 is " + sha + ", manifest.json "
                        + "says " + expected.sha256() + "; the file was modified or corrupted after it was "
                        + "written — restore it or re-run `rgflow sample`");
            }
            if (isSpins) {
                checkSpinValues(file, scan, header);
            } else {
                checkTemperatureValues(file, ch, header, shard);
            }
            return header;
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": missing (manifest.json lists it with " + shard.count()
                    + " configurations at T=" + shard.temperature() + "); the dataset is incomplete — "
                    + "restore the file or re-run `rgflow sample`", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read: " + e, e);
        }
    }

    private void checkSpinsHeader(Path file, NpyHeader h, ShardInfo shard) {
        if (!INT8.contains(h.descr())) {
            throw new DatasetException(file + ": dtype '" + h.descr() + "', but a spins shard must be int8 "
                    + "('|i1'); this file was not written by rgflow" + RERUN);
        }
        checkOrderAndRank(file, h, 2);
        long[] shape = h.shape();
        if (shape[1] != index.numSites()) {
            throw new DatasetException(file + ": shape " + h.shapeString() + " has " + shape[1] + " spins per "
                    + "row, but manifest.json says numSites = " + index.numSites() + " (L=" + index.length()
                    + ", d=" + index.dimension() + "); the shard belongs to another dataset" + RERUN);
        }
        checkRows(file, h, shard);
    }

    private void checkTemperatureHeader(Path file, NpyHeader h, ShardInfo shard) {
        if (!h.descr().equals("<f8") && !h.descr().equals(">f8")) {
            throw new DatasetException(file + ": dtype '" + h.descr() + "', but a temperature file must be "
                    + "float64 ('<f8')" + RERUN);
        }
        checkOrderAndRank(file, h, 1);
        checkRows(file, h, shard);
    }

    private static void checkOrderAndRank(Path file, NpyHeader h, int rank) {
        if (h.fortranOrder()) {
            throw new DatasetException(file + ": fortran_order is True; shards must be C order"
                    + " (numpy.save of np.ascontiguousarray(...))" + RERUN);
        }
        if (h.shape().length != rank) {
            throw new DatasetException(file + ": shape " + h.shapeString() + " has rank " + h.shape().length
                    + ", expected " + rank + RERUN);
        }
    }

    private static void checkRows(Path file, NpyHeader h, ShardInfo shard) {
        if (h.shape()[0] != shard.count()) {
            throw new DatasetException(file + ": header says " + h.shape()[0] + " rows but manifest.json says "
                    + shard.count() + "; the shard does not belong to this manifest" + RERUN);
        }
    }

    /** Refuses the first value other than −1 and +1, naming its row and site (found during the checksum pass). */
    private void checkSpinValues(Path file, SpinFileScan.Result scan, NpyHeader h) {
        if (scan.firstInvalid() < 0) {
            return;
        }
        long offset = scan.firstInvalid() - h.headerLength();
        throw new DatasetException(file + ": row " + offset / index.numSites() + ", site " + offset % index.numSites()
                + " (counting from 0) holds " + scan.value() + "; spins must be -1 or +1, so this file was not written by rgflow "
                + "or was changed (and its checksum recomputed) afterwards" + RERUN);
    }

    private static void checkTemperatureValues(Path file, FileChannel ch, NpyHeader h, ShardInfo shard)
            throws IOException {
        ByteOrder order = h.descr().startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer buf = ByteBuffer.allocate(8 * 8192).order(order);
        long pos = h.headerLength();
        long row = 0;
        while (row < shard.count()) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), (shard.count() - row) * Double.BYTES));
            while (buf.hasRemaining()) {
                if (ch.read(buf, pos + buf.position()) < 0) {
                    throw new DatasetException(file + ": truncated while reading temperatures" + RERUN);
                }
            }
            pos += buf.limit();
            buf.flip();
            while (buf.hasRemaining()) {
                double t = buf.getDouble();
                if (Double.compare(t, shard.temperature()) != 0) {
                    throw new DatasetException(file + ": row " + row + " has temperature " + t + " but manifest.json"
                            + " says the shard is at " + shard.temperature() + "; shards hold one temperature"
                            + RERUN);
                }
                row++;
            }
        }
    }
}
