package org.rgflow.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An x&ndash;y figure: series drawn as lines, points or both, optional symmetric error bars, optional
 * logarithmic axes, vertical reference lines and marked points. A mutable builder used by one thread;
 * {@link #writePng} renders it with XChart (headless) and writes it atomically.
 *
 * <p>Example: {@code LinePlot.of("Binder cumulant", "T", "U4").points("L = 16", t, u, err).verticalLine("Tc", 2.269)
 * .writePng(dir.resolve("binder.png"))}.
 */
public final class LinePlot {

    /** How a series is drawn. */
    public enum Style { LINE, POINTS, LINE_POINTS }

    private record Series(String name, double[] x, double[] y, double[] error, Style style) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> marks = new ArrayList<>();
    private final List<String> markNames = new ArrayList<>();
    private final List<Double> verticals = new ArrayList<>();
    private final List<String> verticalNames = new ArrayList<>();
    private boolean logX;
    private boolean logY;
    private int width = 800;
    private int height = 560;

    private LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public static LinePlot of(String title, String xLabel, String yLabel) {
        FigureWriter.ensureHeadless();
        return new LinePlot(title, xLabel, yLabel);
    }

    /** Adds a series; {@code error} may be null (no error bars). Arrays are copied. */
    public LinePlot series(String name, double[] x, double[] y, double[] error, Style style) {
        if (x.length != y.length || (error != null && error.length != x.length) || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "': x, y (and error) need equal non-zero lengths, got "
                    + x.length + ", " + y.length + (error == null ? "" : ", " + error.length));
        }
        series.add(new Series(name, x.clone(), y.clone(), error == null ? null : error.clone(), style));
        return this;
    }

    /** Points with error bars. */
    public LinePlot points(String name, double[] x, double[] y, double[] error) {
        return series(name, x, y, error, Style.POINTS);
    }

    /** A line without markers (e.g. a fitted curve). */
    public LinePlot line(String name, double[] x, double[] y) {
        return series(name, x, y, null, Style.LINE);
    }

    /** A vertical line at x across the data range, labelled in the legend. */
    public LinePlot verticalLine(String name, double x) {
        verticals.add(x);
        verticalNames.add(name);
        return this;
    }

    /** A single highlighted point, labelled in the legend. */
    public LinePlot mark(String name, double x, double y) {
        marks.add(new double[] {x, y});
        markNames.add(name);
        return this;
    }

    public LinePlot logX() {
        logX = true;
        return this;
    }

    public LinePlot logY() {
        logY = true;
        return this;
    }

    public LinePlot size(int widthPixels, int heightPixels) {
        if (widthPixels < 100 || heightPixels < 100) {
            throw new IllegalArgumentException("figure size must be at least 100x100, got " + widthPixels + "x" + heightPixels);
        }
        width = widthPixels;
        height = heightPixels;
        return this;
    }

    /** Renders the figure. */
    public BufferedImage render() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY).setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE);
        // label every 1-2-5 tick, not only powers of ten (correlators often span less than a decade)
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false).setYAxisLogarithmicDecadeOnly(false);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            XYSeries xs = s.error() == null ? chart.addSeries(s.name(), s.x(), s.y())
                    : chart.addSeries(s.name(), s.x(), s.y(), s.error());
            xs.setXYSeriesRenderStyle(s.style() == Style.POINTS ? XYSeries.XYSeriesRenderStyle.Scatter
                    : XYSeries.XYSeriesRenderStyle.Line);
            if (s.style() == Style.LINE) {
                xs.setMarker(SeriesMarkers.NONE);
            }
            for (double v : s.y()) {
                if (Double.isFinite(v) && (!logY || v > 0)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        if (!Double.isFinite(yMin)) {
            yMin = logY ? 0.1 : 0;
            yMax = logY ? 1 : 1;
        }
        for (int i = 0; i < verticals.size(); i++) {
            double x = verticals.get(i);
            XYSeries v = chart.addSeries(verticalNames.get(i), new double[] {x, x}, new double[] {yMin, yMax});
            v.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            v.setMarker(SeriesMarkers.NONE);
            v.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            v.setLineColor(Color.DARK_GRAY);
        }
        for (int i = 0; i < marks.size(); i++) {
            XYSeries m = chart.addSeries(markNames.get(i), new double[] {marks.get(i)[0]}, new double[] {marks.get(i)[1]});
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            m.setMarker(SeriesMarkers.DIAMOND);
            m.setMarkerColor(Color.RED);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Renders and writes the PNG atomically. */
    public void writePng(Path target) throws IOException {
        FigureWriter.writePng(render(), target);
    }
}
