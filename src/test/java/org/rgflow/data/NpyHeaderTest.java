package org.rgflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyHeaderTest {

    @TempDir
    Path dir;

    /** The bytes numpy 2.x writes for np.save of an int8 array of shape (1000, 256) (printed by numpy). */
    @Test
    void int8HeaderIsByteForByteNumpys() {
        String dict = "{'descr': '|i1', 'fortran_order': False, 'shape': (1000, 256), }";
        String expected = dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n";
        byte[] header = NpyHeader.of("|i1", 1000, 256).encode();
        assertEquals(128, header.length);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0},
                Arrays.copyOf(header, 10), "magic, version 1.0, header length 118 little-endian");
        assertEquals(expected, new String(header, 10, 118, StandardCharsets.US_ASCII));
        assertEquals(0, header.length % NpyHeader.ALIGN);
    }

    @Test
    void float64VectorHeaderIsNumpys() {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
        byte[] header = NpyHeader.of("<f8", 3).encode();
        assertEquals(128, header.length);
        assertEquals(dict + " ".repeat(117 - dict.length()) + "\n",
                new String(header, 10, 118, StandardCharsets.US_ASCII));
    }

    @Test
    void headerLengthDoesNotDependOnRowCount() {
        int len = NpyHeader.of("|i1", 0, 1024).encode().length;
        for (long n : new long[] {1, 999, 65536, 123456789012L}) {
            assertEquals(len, NpyHeader.of("|i1", n, 1024).encode().length, "n = " + n);
        }
    }

    @Test
    void parsesWhatItWrites() throws IOException {
        NpyHeader h = NpyHeader.of("|i1", 77, 64);
        NpyHeader back = readBack(h.encode());
        assertEquals(h, back);
        assertEquals(128, back.headerLength());
        assertEquals(77 * 64, back.dataBytes());
        assertFalse(back.fortranOrder());
    }

    @Test
    void parsesOtherValidSpellings() throws IOException {
        String dict = "{\"shape\": (5, 3), \"fortran_order\": True, \"descr\": \"<f4\"}\n";
        byte[] body = dict.getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[10 + body.length];
        byte[] prefix = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) body.length, 0};
        System.arraycopy(prefix, 0, file, 0, 10);
        System.arraycopy(body, 0, file, 10, body.length);
        NpyHeader h = readBack(file);
        assertEquals("<f4", h.descr());
        assertTrue(h.fortranOrder());
        assertArrayEquals(new long[] {5, 3}, h.shape());
        assertEquals(4, h.itemSize());
    }

    @Test
    void rejectsNonNpyAndDamagedHeadersNamingTheFile() throws IOException {
        DatasetException notNpy = assertThrows(DatasetException.class,
                () -> readBack("hello, this is not numpy".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(notNpy.getMessage().contains("h.npy") && notNpy.getMessage().contains("not a .npy"),
                notNpy.getMessage());
        byte[] damaged = NpyHeader.of("|i1", 4, 4).encode();
        damaged[40] = '#';
        DatasetException bad = assertThrows(DatasetException.class, () -> readBack(damaged));
        assertTrue(bad.getMessage().contains("damaged .npy header"), bad.getMessage());
        byte[] cut = Arrays.copyOf(NpyHeader.of("|i1", 4, 4).encode(), 50);
        DatasetException truncated = assertThrows(DatasetException.class, () -> readBack(cut));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    private NpyHeader readBack(byte[] bytes) throws IOException {
        Path f = dir.resolve("h.npy");
        Files.write(f, bytes);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            return NpyHeader.read(ch, f.toString());
        }
    }
}
