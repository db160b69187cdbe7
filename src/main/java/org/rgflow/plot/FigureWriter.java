package org.rgflow.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.rgflow.provenance.AtomicFiles;

/**
 * Writes figures as PNG files atomically (temporary file, fsync, rename; {@link AtomicFiles}).
 * Forces AWT into headless mode on first use, so figures render on servers without a display.
 */
public final class FigureWriter {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FigureWriter() {
    }

    /** Makes sure headless mode is set before any AWT class initialises. */
    static void ensureHeadless() {
        // the static initialiser does the work
    }

    /** Encodes {@code image} as PNG and writes it to {@code target} atomically. */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available in this JRE (javax.imageio)");
        }
        AtomicFiles.write(target, out.toByteArray());
    }
}
