package org.rgflow.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A grid of values as a colour image with a title and a colour bar: e.g. an RBM receptive field
 * reshaped to L&times;L, a correlator map or a magnetisation profile. Row 0 is drawn at the top.
 * Colours: a diverging blue&ndash;white&ndash;red map symmetric about 0 when the data has both signs
 * ({@link #diverging}), otherwise a sequential dark-blue&ndash;yellow map from min to max.
 * Cost O(rows &times; cols &times; cellPixels&sup2;).
 */
public final class Heatmap {

    private final String title;
    private final double[][] values;
    private int cellPixels = 12;

    private Heatmap(String title, double[][] values) {
        this.title = title;
        this.values = values;
    }

    /** @param values [rows][cols], rectangular, finite (NaN cells are drawn grey) */
    public static Heatmap of(String title, double[][] values) {
        FigureWriter.ensureHeadless();
        if (values.length == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("heatmap '" + title + "' needs at least one row and one column");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != values[0].length) {
                throw new IllegalArgumentException("heatmap '" + title + "': row " + r + " has " + values[r].length
                        + " columns, row 0 has " + values[0].length);
            }
            copy[r] = values[r].clone();
        }
        return new Heatmap(title, copy);
    }

    /** Pixels per grid cell (default 12). */
    public Heatmap cellPixels(int pixels) {
        if (pixels < 1 || pixels > 200) {
            throw new IllegalArgumentException("cellPixels must be in [1, 200], got " + pixels);
        }
        cellPixels = pixels;
        return this;
    }

    /** Whether the values have both signs (then the colour scale is symmetric about zero). */
    public boolean diverging() {
        double[] r = range();
        return r[0] < 0 && r[1] > 0;
    }

    private double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {0, 1};
    }

    public BufferedImage render() {
        int rows = values.length;
        int cols = values[0].length;
        int margin = 10;
        int titleHeight = 28;
        int barWidth = 20;
        int labelWidth = 90;
        int w = Math.max(cols * cellPixels + 3 * margin + barWidth + labelWidth, 260);
        int h = rows * cellPixels + titleHeight + 2 * margin;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double[] r = range();
        boolean div = diverging();
        double lo = div ? -Math.max(-r[0], r[1]) : r[0];
        double hi = div ? -lo : r[1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                g.setColor(colour(values[i][j], lo, hi, div));
                g.fillRect(margin + j * cellPixels, titleHeight + margin + i * cellPixels, cellPixels, cellPixels);
            }
        }
        int barX = 2 * margin + cols * cellPixels;
        int barH = rows * cellPixels;
        for (int y = 0; y < barH; y++) {
            double v = hi - (hi - lo) * y / Math.max(1, barH - 1);
            g.setColor(colour(v, lo, hi, div));
            g.fillRect(barX, titleHeight + margin + y, barWidth, 1);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format("%.3g", hi), barX + barWidth + 4, titleHeight + margin + 10);
        g.drawString(String.format("%.3g", lo), barX + barWidth + 4, titleHeight + margin + barH);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, margin, 20);
        g.dispose();
        return img;
    }

    /** Renders and writes the PNG atomically. */
    public void writePng(Path target) throws IOException {
        FigureWriter.writePng(render(), target);
    }

    private static Color colour(double v, double lo, double hi, boolean diverging) {
        if (!Double.isFinite(v)) {
            return Color.GRAY;
        }
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        t = Math.max(0, Math.min(1, t));
        if (diverging) {
            double s = 2 * t - 1; // -1 blue .. 0 white .. 1 red
            return s < 0 ? new Color(mix(255, 33, -s), mix(255, 102, -s), mix(255, 172, -s))
                    : new Color(mix(255, 178, s), mix(255, 24, s), mix(255, 43, s));
        }
        return new Color(mix(20, 253, t), mix(30, 231, t), mix(110, 37, t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
