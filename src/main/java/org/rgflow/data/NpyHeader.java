package org.rgflow.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header of a NumPy {@code .npy} file (format version 1.0 written; 1.0, 2.0 and 3.0 read).
 *
 * <p>Layout: magic {@code \x93NUMPY}, major and minor version bytes, the little-endian header
 * length (uint16 in 1.0, uint32 in 2.0/3.0), then an ASCII Python dict literal
 * {@code {'descr': '|i1', 'fortran_order': False, 'shape': (n, N), }} padded with spaces and a final
 * {@code \n} so that the data start at a multiple of 64 bytes. {@link #encode()} reproduces NumPy's
 * {@code np.save} byte for byte, including the spaces NumPy reserves so that {@code shape[0]} can
 * grow to 21 digits; hence the header length does not depend on the row count and a streaming
 * writer can fix the count up in place.
 */
public final class NpyHeader {

    /** Data offset alignment required by the format. */
    public static final int ALIGN = 64;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private final String descr;
    private final boolean fortranOrder;
    private final long[] shape;
    private final int headerLength;

    private NpyHeader(String descr, boolean fortranOrder, long[] shape, int headerLength) {
        this.descr = descr;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.headerLength = headerLength;
    }

    /** A C-order header; e.g. {@code of("|i1", n, numSites)} or {@code of("<f8", n)}. */
    public static NpyHeader of(String descr, long... shape) {
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
        NpyHeader draft = new NpyHeader(descr, false, shape.clone(), 0);
        return new NpyHeader(descr, false, shape.clone(), draft.encode().length);
    }

    public String descr() {
        return descr;
    }

    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of bytes before the data (magic, version, length field and dict). */
    public int headerLength() {
        return headerLength;
    }

    /** Bytes per element, from the digits of {@link #descr()} (e.g. 1 for {@code |i1}, 8 for {@code <f8}). */
    public int itemSize() {
        String digits = descr.replaceAll("^[<>|=]?[a-zA-Z]+", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unsupported dtype descr '" + descr + "'", e);
        }
    }

    /** Expected number of data bytes: product of the shape times {@link #itemSize()}. */
    public long dataBytes() {
        long n = itemSize();
        for (long s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** Python-style shape literal, e.g. {@code (1000, 256)} or {@code (3,)}. */
    public String shapeString() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** The header bytes in format 1.0, exactly as NumPy writes them. */
    public byte[] encode() {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': ").append(shapeString()).append(", }");
        if (shape.length > 0) {
            long growthAxis = shape[fortranOrder ? shape.length - 1 : 0];
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length())));
        }
        int hlen = dict.length() + 1;
        int padlen = ALIGN - ((MAGIC.length + 2 + 2 + hlen) % ALIGN);
        int total = hlen + padlen;
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("npy header too long for format 1.0: " + total + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) total);
        buf.put(dict.toString().getBytes(StandardCharsets.US_ASCII));
        buf.put(" ".repeat(padlen).getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
        return buf.array();
    }

    /**
     * Reads and parses the header at the start of {@code ch} (positional reads; the channel's
     * position is not used).
     *
     * @param source file name used in error messages
     * @throws DatasetException if the file is not a well-formed {@code .npy}
     */
    public static NpyHeader read(FileChannel ch, String source) throws IOException {
        ByteBuffer pre = readFully(ch, 0, 12, source);
        byte[] magic = new byte[MAGIC.length];
        pre.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DatasetException(source + ": not a .npy file (the first bytes are not \\x93NUMPY); "
                    + "the file was overwritten or is not part of a dataset");
        }
        int major = pre.get() & 0xFF;
        pre.get();
        long dictLen;
        int prefix;
        if (major == 1) {
            dictLen = pre.getShort() & 0xFFFF;
            prefix = 10;
        } else if (major == 2 || major == 3) {
            dictLen = pre.getInt() & 0xFFFFFFFFL;
            prefix = 12;
        } else {
            throw new DatasetException(source + ": unsupported .npy format version " + major + "; rewrite it "
                    + "with numpy.save");
        }
        if (dictLen > (1 << 20)) {
            throw new DatasetException(source + ": implausible .npy header length " + dictLen + "; the file is damaged");
        }
        ByteBuffer dictBytes = readFully(ch, prefix, (int) dictLen, source);
        String text = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).decode(dictBytes).toString();
        NpyDictParser p = new NpyDictParser(text, source);
        p.parse();
        return new NpyHeader(p.descr(), p.fortranOrder(), p.shape(), prefix + (int) dictLen);
    }

    private static ByteBuffer readFully(FileChannel ch, long pos, int len, String source) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                throw new DatasetException(source + ": truncated inside the .npy header (file has "
                        + ch.size() + " bytes); the file was not written completely — re-run `rgflow sample`");
            }
        }
        buf.flip();
        return buf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && descr.equals(h.descr) && fortranOrder == h.fortranOrder
                && Arrays.equals(shape, h.shape);
    }

    @Override
    public int hashCode() {
        return 31 * descr.hashCode() + Arrays.hashCode(shape) + (fortranOrder ? 1 : 0);
    }

    @Override
    public String toString() {
        return "npy{descr=" + descr + ", fortran_order=" + fortranOrder + ", shape=" + shapeString() + "}";
    }
}
