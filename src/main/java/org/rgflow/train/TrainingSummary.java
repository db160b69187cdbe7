package org.rgflow.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rgflow.rbm.StackedRbm;

/**
 * The {@code training} section of a model manifest: the last epoch's metrics of every layer (read from
 * {@code training.csv}, so a resumed run reports the whole run), the summed epoch times and the wall time of this
 * invocation. Non-finite values are stored as null (JSON has no NaN).
 */
public final class TrainingSummary {

    private static final String[][] METRICS = {
        {"reconstructionError", "reconstruction_error"},
        {"pseudoLogLikelihoodPerSpin", "pseudo_log_likelihood_per_spin"},
        {"freeEnergyTrain", "free_energy_train"},
        {"freeEnergyHeldOut", "free_energy_held_out"},
        {"freeEnergyGap", "free_energy_gap"},
        {"logLikelihoodTrain", "log_likelihood_train"},
        {"logLikelihoodHeldOut", "log_likelihood_held_out"},
    };

    private TrainingSummary() {
    }

    public static Map<String, Object> of(Path csv, StackedRbm stack, double wallSeconds, Checkpoint resumedFrom)
            throws IOException {
        Map<Integer, List<TrainingFigures.Row>> rows = TrainingFigures.read(csv);
        int secondsCol = TrainingFigures.column("seconds");
        List<Map<String, Object>> layers = new ArrayList<>();
        double epochSeconds = 0;
        for (int i = 0; i < stack.numLayers(); i++) {
            List<TrainingFigures.Row> r = rows.getOrDefault(i, List.of());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", i);
            m.put("numVisible", stack.size(i));
            m.put("numHidden", stack.size(i + 1));
            m.put("epochs", r.isEmpty() ? 0 : r.get(r.size() - 1).epoch());
            if (!r.isEmpty()) {
                double[] last = r.get(r.size() - 1).values();
                for (String[] metric : METRICS) {
                    double v = last[TrainingFigures.column(metric[1])];
                    m.put(metric[0], Double.isFinite(v) ? v : null);
                }
            }
            for (TrainingFigures.Row row : r) {
                epochSeconds += row.values()[secondsCol];
            }
            layers.add(m);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("finalMetrics", layers);
        s.put("epochSeconds", epochSeconds);
        s.put("wallSeconds", wallSeconds);
        if (resumedFrom != null) {
            s.put("resumedFrom", Map.of("layer", resumedFrom.layer(), "epochsDone", resumedFrom.epochsDone()));
        }
        return s;
    }

    /** A text table of the final metrics, for the terminal. */
    @SuppressWarnings("unchecked")
    public static String pretty(Map<String, Object> summary) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5s %12s %6s %10s %10s %10s %10s%n",
                "layer", "units", "epochs", "recon", "pll/spin", "F gap", "LL"));
        for (Map<String, Object> m : (List<Map<String, Object>>) summary.get("finalMetrics")) {
            sb.append(String.format(Locale.ROOT, "%5d %12s %6d %10s %10s %10s %10s%n", (Integer) m.get("layer"),
                    m.get("numVisible") + "->" + m.get("numHidden"), (Integer) m.get("epochs"),
                    num(m.get("reconstructionError")), num(m.get("pseudoLogLikelihoodPerSpin")),
                    num(m.get("freeEnergyGap")), num(m.get("logLikelihoodTrain"))));
        }
        return sb.toString();
    }

    private static String num(Object v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4f", (Double) v);
    }
}
