package org.rgflow.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds doctored model zips for the tests: entries copied, added, renamed, inflated or misdeclared. */
public final class ZipSurgery {

    private ZipSurgery() {
    }

    /** All entries of a (small) zip, in order. */
    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var it = z.entries(); it.hasMoreElements();) {
                ZipEntry e = it.nextElement();
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** Writes {@code entries} (deflated, in order) to {@code zip}. */
    public static Path write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** {@code entries} with {@code name} replaced by {@code size} bytes of {@code fill}, generated while deflating. */
    public static Path writeHuge(Path zip, Map<String, byte[]> entries, String name, long size, byte fill)
            throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(name)) {
                    fill(out, size, fill);
                } else {
                    out.write(e.getValue());
                }
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void fill(OutputStream out, long size, byte fill) throws IOException {
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, fill);
        for (long done = 0; done < size; done += block.length) {
            out.write(block, 0, (int) Math.min(block.length, size - done));
        }
    }

    /** Rewrites the uncompressed size that the central directory records for {@code name} (a lie about its size). */
    public static void declareSize(Path zip, String name, int size) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= b.length; i++) {
            if (buf.getInt(i) == 0x02014b50 && buf.getShort(i + 28) == wanted.length
                    && java.util.Arrays.equals(b, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                buf.putInt(i + 24, size);
                Files.write(zip, b);
                return;
            }
        }
        throw new IllegalArgumentException(name + " has no central directory record in " + zip);
    }

    /** Replaces every occurrence of the name {@code from} by {@code to} (same length) in headers and directory. */
    public static void rename(Path zip, String from, String to) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        byte[] f = from.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] t = to.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (f.length != t.length) {
            throw new IllegalArgumentException("names must have the same length");
        }
        for (int i = 0; i + f.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, b, i, t.length);
            }
        }
        Files.write(zip, b);
    }
}
