package org.rgflow.data;

import org.rgflow.provenance.OutputFile;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.provenance.Sha256;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Streams one C-order {@code .npy} array whose leading dimension is not known in advance. The file
 * is written under the hidden name {@code .name.tmp} with a header for 0 rows; {@link #commit(long)}
 * rewrites the header with the final row count (same length, see {@link NpyHeader}), fsyncs and
 * hashes it; {@link #publish()} renames it to {@code name} atomically. Memory: one 1 MiB buffer.
 */
final class NpyStreamWriter {

    private static final int BUFFER_BYTES = 1 << 20;

    private final String name;
    private final Path temp;
    private final Path target;
    private final String descr;
    private final long[] trailingShape;
    private final long rowBytes;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final int headerLength;
    private long bytesWritten;
    private boolean committed;

    private NpyStreamWriter(Path dir, String name, String descr, long[] trailingShape) throws IOException {
        this.name = name;
        this.temp = dir.resolve(AtomicFiles.temporaryName(name));
        this.target = dir.resolve(name);
        this.descr = descr;
        this.trailingShape = trailingShape.clone();
        this.rowBytes = NpyHeader.of(descr, withRows(0)).itemSize() * Arrays.stream(trailingShape).reduce(1, (a, b) -> a * b);
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        byte[] header = NpyHeader.of(descr, withRows(0)).encode();
        this.headerLength = header.length;
        buffer.put(header);
    }

    /** Opens {@code dir/.name.tmp} for an array of shape [rows, trailingShape...] with dtype {@code descr}. */
    static NpyStreamWriter open(Path dir, String name, String descr, long... trailingShape) throws IOException {
        return new NpyStreamWriter(dir, name, descr, trailingShape);
    }

    /** Appends raw data bytes (whole rows overall; checked at {@link #commit(long)}). */
    void write(byte[] src, int off, int len) throws IOException {
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(src, off, n);
            off += n;
            len -= n;
        }
    }

    /** Appends {@code count} copies of a little-endian float64 (for {@code <f8} arrays). */
    void writeDoubles(double value, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            if (buffer.remaining() < Double.BYTES) {
                flush();
            }
            buffer.putDouble(value);
        }
    }

    /**
     * Finishes the file: checks that exactly {@code rows} rows were written, writes the final
     * header, fsyncs, hashes and closes. The file keeps its temporary name until {@link #publish()}.
     */
    OutputFile commit(long rows) throws IOException {
        flush();
        long expected = Math.multiplyExact(rows, rowBytes);
        if (bytesWritten - headerLength != expected) {
            throw new IllegalStateException(name + ": wrote " + (bytesWritten - headerLength)
                    + " data bytes, expected " + rows + " rows x " + rowBytes + " bytes");
        }
        byte[] header = NpyHeader.of(descr, withRows(rows)).encode();
        if (header.length != headerLength) {
            throw new IllegalStateException(name + ": npy header length changed from " + headerLength
                    + " to " + header.length);
        }
        ByteBuffer hb = ByteBuffer.wrap(header);
        while (hb.hasRemaining()) {
            channel.write(hb, hb.position());
        }
        channel.force(true);
        String sha = Sha256.of(channel);
        long size = channel.size();
        channel.close();
        committed = true;
        return new OutputFile(name, size, sha);
    }

    /** Renames the committed temporary file to its final name (ATOMIC_MOVE). */
    void publish() throws IOException {
        if (!committed) {
            throw new IllegalStateException(name + " must be committed before it is published");
        }
        AtomicFiles.move(temp, target);
    }

    /** Closes and deletes the temporary file; never throws. */
    void abort() {
        try {
            channel.close();
        } catch (IOException e) {
            // abort is best effort: the temp file is deleted below either way
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a leftover hidden .tmp file never looks like a complete shard
        }
    }

    Path tempPath() {
        return temp;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            bytesWritten += channel.write(buffer);
        }
        buffer.clear();
    }

    private long[] withRows(long rows) {
        long[] shape = new long[trailingShape.length + 1];
        shape[0] = rows;
        System.arraycopy(trailingShape, 0, shape, 1, trailingShape.length);
        return shape;
    }
}
