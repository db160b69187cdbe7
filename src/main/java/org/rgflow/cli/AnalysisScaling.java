package org.rgflow.cli;

import java.util.List;
import org.rgflow.analysis.FlowScaling;
import org.rgflow.plot.LinePlot;

/**
 * Output of {@link FlowScaling} along a flow: {@code scaling.csv} rows and a figure of 2&Delta;&sigma; and
 * 2&Delta;&epsilon; against the step with the Monte Carlo values of the same estimator as horizontal lines.
 */
final class AnalysisScaling {

    private AnalysisScaling() {
    }

    /** CSV with a leading {@code flow_name} column; the reference (if any) as name "monte-carlo". */
    static String csv(String name, List<FlowScaling.Result> results, FlowScaling.Result reference) {
        StringBuilder sb = new StringBuilder("flow_name,").append(FlowScaling.Result.csvHeader()).append('\n');
        if (reference != null) {
            sb.append("monte-carlo,").append(reference.csvRow()).append('\n');
        }
        for (FlowScaling.Result r : results) {
            sb.append(name).append(',').append(r.csvRow()).append('\n');
        }
        return sb.toString();
    }

    /** 2&Delta;&sigma; and 2&Delta;&epsilon; vs step; the reference values as horizontal lines. */
    static LinePlot plot(String title, String xLabel, List<FlowScaling.Result> results,
            FlowScaling.Result reference) {
        int n = results.size();
        double[] x = new double[n];
        double[][] y = new double[4][n];
        for (int i = 0; i < n; i++) {
            FlowScaling.Result r = results.get(i);
            x[i] = r.step();
            y[0][i] = r.twoDeltaSigma().value();
            y[1][i] = r.twoDeltaSigma().error();
            y[2][i] = r.twoDeltaEpsilon().value();
            y[3][i] = r.twoDeltaEpsilon().error();
        }
        LinePlot p = LinePlot.of(title, xLabel, "2Δ (periodic power-law fit)");
        p.series("2Δσ", x, y[0], y[1], LinePlot.Style.LINE_POINTS);
        p.series("2Δε", x, y[2], y[3], LinePlot.Style.LINE_POINTS);
        if (reference != null && n > 0) {
            double[] ends = {x[0], Math.max(x[n - 1], x[0] + 1)};
            double s = reference.twoDeltaSigma().value();
            double e = reference.twoDeltaEpsilon().value();
            if (Double.isFinite(s)) {
                p.line("Monte Carlo 2Δσ", ends, new double[] {s, s});
            }
            if (Double.isFinite(e)) {
                p.line("Monte Carlo 2Δε", ends, new double[] {e, e});
            }
        }
        return p;
    }
}
