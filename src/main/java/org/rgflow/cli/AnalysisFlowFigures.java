package org.rgflow.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.rgflow.analysis.Flow;
import org.rgflow.analysis.ObservableSummary;
import org.rgflow.observable.Estimate;
import org.rgflow.plot.Heatmap;
import org.rgflow.plot.LinePlot;

/**
 * The tables and figures of one or more flows (RBM, stacked, block RG): {@code <table>.csv} (one row per flow and
 * step, {@code Flow.csvHeader()}), {@code correlation.csv} (G(r) per step), {@code observables.png} (&lang;|m|&rang;,
 * e, U4 and NN correlation with error bars against the step) and, with a thermometer, {@code thermometer.csv},
 * {@code thermometer.png} (mean temperature against the step, with the line Tc = 2.269 for the 2D NN Ising model)
 * and {@code thermometer-histogram[-<flow>].png} (steps &times; temperature classes).
 */
final class AnalysisFlowFigures {

    private AnalysisFlowFigures() {
    }

    static void write(AnalysisDirectory out, String table, String xLabel, List<Flow> flows,
            List<AnalysisRecorder> recorders, boolean ising2d) throws IOException {
        StringBuilder csv = new StringBuilder(Flow.csvHeader()).append('\n');
        StringBuilder g = new StringBuilder(AnalysisRecorder.correlationHeader());
        for (int i = 0; i < flows.size(); i++) {
            String t = flows.get(i).toCsv();
            csv.append(t.substring(t.indexOf('\n') + 1));
            g.append(recorders.get(i).correlationRows());
        }
        out.text(table + ".csv", csv.toString());
        out.text("correlation.csv", g.toString());
        LinePlot obs = LinePlot.of("Observables along the flow", xLabel, "value");
        for (Flow f : flows) {
            String p = flows.size() > 1 ? f.name() + ": " : "";
            add(obs, p + "<|m|>", f, ObservableSummary::absMagnetization);
            add(obs, p + "e", f, ObservableSummary::energy);
            add(obs, p + "U4", f, ObservableSummary::binder);
            add(obs, p + "NN corr", f, ObservableSummary::nearestNeighbour);
        }
        out.png("observables.png", obs);
        out.png("correlation.png", correlationPlot(flows.size() > 1, recorders));
        List<AnalysisRecorder> withT = recorders.stream().filter(AnalysisRecorder::hasThermometer).toList();
        if (withT.isEmpty()) {
            return;
        }
        StringBuilder tc = new StringBuilder(AnalysisRecorder.thermometerHeader(withT.get(0).temperatures()));
        LinePlot mean = LinePlot.of("Thermometer: mean predicted temperature", xLabel, "T");
        boolean any = false;
        int maxStep = 1;
        for (AnalysisRecorder r : withT) {
            tc.append(r.thermometerRows());
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < r.steps().length; i++) {
                maxStep = Math.max(maxStep, r.steps()[i]);
                if (r.histograms().get(i) != null) {
                    xs.add((double) r.steps()[i]);
                    ys.add(r.means()[i]);
                    rows.add(r.histograms().get(i));
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            any = true;
            mean.series(r.flow(), xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), null, LinePlot.Style.LINE_POINTS);
            String name = withT.size() > 1 ? "thermometer-histogram-" + r.flow() + ".png" : "thermometer-histogram.png";
            int cols = r.temperatures().length;
            out.png(name, Heatmap.of("P(T) per step (rows: steps " + xs.get(0).intValue() + ".." + xs.get(xs.size() - 1)
                    .intValue() + " down; columns: T = " + r.temperatures()[0] + ".." + r.temperatures()[cols - 1]
                    + ")",
                    rows.toArray(new double[0][])).cellPixels(Math.max(6, Math.min(24, 720 / Math.max(cols,
                    rows.size())))));
        }
        out.text("thermometer.csv", tc.toString());
        if (any) {
            if (ising2d) {
                mean.line("Tc = 2.269", new double[] {0, maxStep},
                        new double[] {AnalysisInputs.TC_2D, AnalysisInputs.TC_2D});
            }
            out.png("thermometer.png", mean);
        }
    }

    /** G(r) against r at up to five evenly spaced steps of each flow (first and last included). */
    private static LinePlot correlationPlot(boolean prefix, List<AnalysisRecorder> recorders) {
        LinePlot plot = LinePlot.of("Spin correlation G(r) along the axes", "r", "G(r)");
        for (AnalysisRecorder rec : recorders) {
            List<Estimate[]> gs = rec.correlationFunctions();
            int n = gs.size();
            java.util.SortedSet<Integer> chosen = new java.util.TreeSet<>();
            for (int k = 0; k < Math.min(5, n); k++) {
                chosen.add(n == 1 ? 0 : (int) Math.round(k * (n - 1) / (double) (Math.min(5, n) - 1)));
            }
            for (int i : chosen) {
                Estimate[] g = gs.get(i);
                double[] r = new double[g.length];
                double[] y = new double[g.length];
                double[] err = new double[g.length];
                for (int j = 0; j < g.length; j++) {
                    r[j] = j;
                    y[j] = g[j].value();
                    err[j] = Double.isFinite(g[j].error()) ? g[j].error() : 0;
                }
                plot.series((prefix ? rec.flow() + ": " : "") + "step " + rec.steps()[i], r, y, err,
                        LinePlot.Style.LINE_POINTS);
            }
        }
        return plot;
    }

    private static void add(LinePlot plot, String name, Flow f, Function<ObservableSummary, Estimate> o) {
        Estimate[] e = f.series(o);
        double[] x = new double[e.length];
        double[] y = new double[e.length];
        double[] err = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            x[i] = f.steps().get(i).step();
            y[i] = e[i].value();
            err[i] = Double.isFinite(e[i].error()) ? e[i].error() : 0;
        }
        plot.series(name, x, y, err, LinePlot.Style.LINE_POINTS);
    }
}
