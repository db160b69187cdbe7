package org.rgflow.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG figures render headless, have the requested size and leave no temporary files behind. */
class FiguresTest {

    @Test
    void linePlotWithErrorBarsLogAxesAndMarks(@TempDir Path dir) throws Exception {
        double[] x = {1, 2, 4, 8, 16};
        double[] y = {1, 0.84, 0.71, 0.59, 0.5};
        double[] e = {0.01, 0.01, 0.02, 0.02, 0.03};
        Path png = dir.resolve("g.png");
        LinePlot.of("G(r)", "r", "G").points("data", x, y, e).line("fit", x, y).logX().logY()
                .verticalLine("r = 3", 3).mark("point", 4, 0.71).size(640, 480).writePng(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the PNG, no temporary file");
        }
    }

    @Test
    void heatmapScalesWithGridAndDetectsSigns(@TempDir Path dir) throws Exception {
        double[][] v = new double[8][10];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 10; j++) {
                v[i][j] = Math.sin(i) * Math.cos(j);
            }
        }
        Heatmap h = Heatmap.of("W", v).cellPixels(10);
        assertTrue(h.diverging());
        h.writePng(dir.resolve("w.png"));
        BufferedImage img = ImageIO.read(dir.resolve("w.png").toFile());
        assertEquals(8 * 10 + 28 + 20, img.getHeight());
        assertFalse(Heatmap.of("positive", new double[][] {{1, 2}, {3, 4}}).diverging());
        assertThrows(IllegalArgumentException.class, () -> Heatmap.of("ragged", new double[][] {{1, 2}, {3}}));
    }
}
