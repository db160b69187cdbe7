package org.rgflow.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.observable.ThermodynamicEstimates;

/** The per-temperature observables of a sampling run, as CSV (for files) and as a text table (for people). */
final class ObservablesTable {

    static final String FILE = "observables.csv";

    private ObservablesTable() {
    }

    static String csv(List<TemperatureResult> results) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> row = results.get(i).toMap();
            if (i == 0) {
                sb.append(String.join(",", row.keySet())).append('\n');
            }
            sb.append(String.join(",", row.values().stream().map(v -> v == null ? "" : String.valueOf(v)).toList()))
                    .append('\n');
        }
        return sb.toString();
    }

    static String pretty(List<TemperatureResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%9s %-14s %6s %8s %22s %22s %22s %7s%n", "T", "rule", "thin", "tau",
                "<e>", "<|m|>", "U4", "sec"));
        for (TemperatureResult r : results) {
            ThermodynamicEstimates e = r.estimates();
            sb.append(String.format(Locale.ROOT, "%9.4f %-14s %6d %8.2f %22s %22s %22s %7.1f%n", r.temperature(),
                    r.rule(), r.sweepsBetweenSamples(), Double.isNaN(r.pilotTauIntSweeps()) ? e.tauEnergy()
                            : r.pilotTauIntSweeps(), pm(e.energy().value(), e.energy().error()),
                    pm(e.absMagnetisation().value(), e.absMagnetisation().error()),
                    pm(e.binder().value(), e.binder().error()), r.seconds()));
        }
        return sb.toString();
    }

    private static String pm(double v, double err) {
        return String.format(Locale.ROOT, "%.5f ± %.5f", v, err);
    }
}
