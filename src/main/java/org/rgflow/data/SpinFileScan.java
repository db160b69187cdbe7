package org.rgflow.data;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.rgflow.provenance.Sha256;

/**
 * One sequential read of a spins file giving its SHA-256 and the first data byte that is not a spin (int8 −1 or
 * +1). The values are checked in the buffer the digest reads, eight bytes per operation (about 5 GB/s against the
 * digest's 1 GB/s), so the check adds no read and little time.
 */
final class SpinFileScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long MID6 = 0x7E7E7E7E7E7E7E7EL;
    /** Bytes checked per branch. */
    private static final int BLOCK = 256;

    /**
     * @param sha256       lower-case hex digest of the whole file
     * @param firstInvalid file offset of the first data byte other than −1 and +1, or −1 if there is none
     * @param value        that byte (0 when there is none)
     */
    record Result(String sha256, long firstInvalid, byte value) {
    }

    private SpinFileScan() {
    }

    /** Reads the whole channel from position 0; bytes before {@code dataOffset} (the header) are hashed only. */
    static Result scan(FileChannel channel, long dataOffset) throws IOException {
        MessageDigest md = Sha256.newDigest();
        byte[] buf = new byte[1 << 18]; // below G1's humongous-object size
        ByteBuffer wrapped = ByteBuffer.wrap(buf);
        long pos = 0;
        long invalid = -1;
        byte value = 0;
        int n;
        while ((n = channel.read(wrapped.clear(), pos)) >= 0) {
            md.update(buf, 0, n);
            if (invalid < 0) {
                int from = (int) Math.min(n, Math.max(0, dataOffset - pos));
                int i = firstNonSpin(buf, from, n);
                if (i >= 0) {
                    invalid = pos + i;
                    value = buf[i];
                }
            }
            pos += n;
        }
        return new Result(HexFormat.of().formatHex(md.digest()), invalid, value);
    }

    /** Index of the first byte in {@code b[from, to)} that is neither −1 nor +1, or −1. */
    static int firstNonSpin(byte[] b, int from, int to) {
        int i = from;
        while (i + BLOCK <= to && blockHoldsSpins(b, i)) {
            i += BLOCK;
        }
        for (; i < to; i++) {
            if (b[i] != 1 && b[i] != -1) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code b[start, start + BLOCK)} holds only −1 and +1 (one branch per block, not per word). */
    private static boolean blockHoldsSpins(byte[] b, int start) {
        long bad = 0;
        for (int k = start; k < start + BLOCK; k += Long.BYTES) {
            bad |= nonSpinBits((long) LONGS.get(b, k));
        }
        return bad == 0;
    }

    /**
     * Zero iff all eight bytes of {@code x} are 0x01 or 0xFF. With c = x ^ 0x01 per byte, a byte is valid iff c is
     * 0x00 or 0xFE: bit 0 of c clear, and c's upper seven bits d all equal, i.e. d + 1 (no carry out of the byte,
     * d &le; 0x7F) has none of bits 1 to 6 set.
     */
    private static long nonSpinBits(long x) {
        long c = x ^ ONES;
        return (c & ONES) | ((((c >>> 1) & LOW7) + ONES) & MID6);
    }
}
