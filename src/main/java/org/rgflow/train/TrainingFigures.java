package org.rgflow.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.rgflow.plot.FigureWriter;
import org.rgflow.plot.FieldMosaic;
import org.rgflow.plot.Heatmap;
import org.rgflow.plot.LinePlot;
import org.rgflow.rbm.StackedRbm;

/**
 * The figures of a model directory: {@code training.png} (one panel per metric of {@code training.csv} against
 * the epoch, one series per layer) and {@code receptive-fields-layer<i>.png} (the receptive fields of the hidden
 * units of RBM i, {@code StackedRbm.receptiveFields(i + 1)}, the first up to 64 as an L&times;L mosaic).
 */
public final class TrainingFigures {

    /** Name of the training-curve figure. */
    public static final String CURVES = "training.png";
    /** Most receptive fields drawn per layer. */
    public static final int MAX_FIELDS = 64;

    private TrainingFigures() {
    }

    /** One parsed row of training.csv. */
    public record Row(int layer, int epoch, double[] values) {
    }

    /** Rows of {@code training.csv} grouped by layer (ascending), each in file order. */
    public static Map<Integer, List<Row>> read(Path csv) throws IOException {
        Map<Integer, List<Row>> byLayer = new TreeMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.equals(EpochMetrics.CSV_HEADER)) {
                continue;
            }
            String[] f = line.split(",");
            double[] v = new double[f.length];
            for (int i = 2; i < f.length; i++) {
                v[i] = Double.parseDouble(f[i]);
            }
            Row row = new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), v);
            byLayer.computeIfAbsent(row.layer(), k -> new ArrayList<>()).add(row);
        }
        return byLayer;
    }

    /** Column index in {@link EpochMetrics#CSV_HEADER}. */
    public static int column(String name) {
        List<String> cols = List.of(EpochMetrics.CSV_HEADER.split(","));
        int i = cols.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("training.csv has no column " + name);
        }
        return i;
    }

    /** Writes {@code training.png} from {@code training.csv}; returns the file name. */
    public static String writeCurves(Path dir, Path csv) throws IOException {
        Map<Integer, List<Row>> rows = read(csv);
        String[][] panels = {
            {"reconstruction_error", "reconstruction error per spin"},
            {"pseudo_log_likelihood_per_spin", "pseudo-log-likelihood per spin"},
            {"free_energy_gap", "free-energy gap F(held-out) - F(train)"},
            {"log_likelihood_train", "exact log-likelihood (train)"},
        };
        List<BufferedImage> images = new ArrayList<>();
        for (String[] p : panels) {
            LinePlot plot = LinePlot.of(p[1], "epoch", p[0].replace('_', ' ')).size(560, 380);
            int col = column(p[0]);
            boolean any = false;
            for (Map.Entry<Integer, List<Row>> e : rows.entrySet()) {
                List<Row> finite = e.getValue().stream().filter(r -> Double.isFinite(r.values()[col])).toList();
                if (!finite.isEmpty()) {
                    plot.series("layer " + e.getKey(), finite.stream().mapToDouble(Row::epoch).toArray(),
                            finite.stream().mapToDouble(r -> r.values()[col]).toArray(), null,
                            finite.size() > 30 ? LinePlot.Style.LINE : LinePlot.Style.LINE_POINTS);
                    any = true;
                }
            }
            if (any) {
                images.add(plot.render());
            }
        }
        if (images.isEmpty()) {
            throw new IllegalStateException(csv + " has no finite metrics to plot");
        }
        int w = images.get(0).getWidth();
        int h = images.get(0).getHeight();
        int cols = Math.min(2, images.size());
        int gridRows = (images.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * w, gridRows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % cols) * w, (i / cols) * h, null);
        }
        g.dispose();
        FigureWriter.writePng(out, dir.resolve(CURVES));
        return CURVES;
    }

    /** Writes {@code receptive-fields-layer<i>.png} for every layer; returns the file names. */
    public static List<String> writeReceptiveFields(Path dir, StackedRbm stack, int dimension, int length)
            throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < stack.numLayers(); i++) {
            double[][] fields = stack.receptiveFields(i + 1).castTo(DataType.DOUBLE).toDoubleMatrix();
            int n = Math.min(MAX_FIELDS, stack.size(i + 1));
            int[] shape = FieldMosaic.tileShape(stack.size(0), dimension, length);
            double[][] mosaic = FieldMosaic.tile(fields, n, shape[0], shape[1]);
            int cell = Math.max(1, Math.min(12, 900 / Math.max(mosaic.length, mosaic[0].length)));
            String name = "receptive-fields-layer" + i + ".png";
            String what = i == 0 ? "W0" : "W0" + "\u00b7\u2026\u00b7W" + i;
            Heatmap.of(String.format("receptive fields of layer %d (%s), first %d of %d units", i, what, n,
                    stack.size(i + 1)), mosaic).cellPixels(cell).writePng(dir.resolve(name));
            names.add(name);
        }
        return names;
    }
}
