package org.rgflow.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Positional row reads from a dataset's spins files, keeping at most 16 files open (LRU). */
final class ShardChannels implements Closeable {

    private static final int MAX_OPEN = 16;

    private final SpinDataset dataset;
    private final int numSites;
    private final Map<Integer, FileChannel> open = new LinkedHashMap<>(MAX_OPEN, 0.75f, true);

    ShardChannels(SpinDataset dataset) {
        this.dataset = dataset;
        this.numSites = dataset.numSites();
    }

    /** Reads rows [firstRow, firstRow + numRows) of a shard into {@code dst} at row offset {@code dstRow}. */
    void read(int shard, long firstRow, int numRows, byte[] dst, int dstRow) {
        FileChannel ch = channel(shard);
        ByteBuffer buf = ByteBuffer.wrap(dst, dstRow * numSites, numRows * numSites);
        long pos = dataset.dataOffset(shard) + firstRow * numSites;
        try {
            while (buf.hasRemaining()) {
                if (ch.read(buf, pos + buf.position() - (long) dstRow * numSites) < 0) {
                    throw new DatasetException(dataset.spinsPath(shard) + ": ended before row "
                            + (firstRow + numRows) + "; the file changed after the dataset was opened — "
                            + "re-open it or re-run `rgflow sample`");
                }
            }
        } catch (IOException e) {
            throw new DatasetException(dataset.spinsPath(shard) + ": read failed: " + e, e);
        }
    }

    private FileChannel channel(int shard) {
        FileChannel ch = open.get(shard);
        if (ch != null) {
            return ch;
        }
        try {
            ch = FileChannel.open(dataset.spinsPath(shard), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new DatasetException(dataset.spinsPath(shard) + ": cannot be opened (it was there when the "
                    + "dataset was opened): " + e, e);
        }
        if (open.size() >= MAX_OPEN) {
            var eldest = open.entrySet().iterator();
            closeQuietly(eldest.next().getValue());
            eldest.remove();
        }
        open.put(shard, ch);
        return ch;
    }

    @Override
    public void close() {
        open.values().forEach(ShardChannels::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // read-only channel: nothing to lose
        }
    }
}
