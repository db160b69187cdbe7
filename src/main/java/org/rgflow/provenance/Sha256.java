package org.rgflow.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, of files (streamed, constant memory) and of strings. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static String of(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Digest of a whole file channel, read from position 0 without moving the channel's position. */
    public static String of(FileChannel channel) throws IOException {
        MessageDigest md = newDigest();
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        long pos = 0;
        while (true) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
            buf.flip();
            md.update(buf);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String of(String text) {
        return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
