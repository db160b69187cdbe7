package org.rgflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rgflow.observable.Estimate;

/** Reference curves from a Monte Carlo dataset's {@code observables.csv}, for reading flowed observables as a T. */
final class ReproduceReportData {

    private ReproduceReportData() {
    }

    /** Columns {@code name} of observables.csv as [row][column] after temperature, sorted by temperature. */
    static double[][] columns(Path observablesCsv, String... names) throws IOException {
        List<String> lines = Files.readAllLines(observablesCsv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int[] idx = new int[names.length + 1];
        idx[0] = header.indexOf("temperature");
        for (int i = 0; i < names.length; i++) {
            idx[i + 1] = header.indexOf(names[i]);
            if (idx[i + 1] < 0) {
                throw new IllegalArgumentException(observablesCsv + ": no column " + names[i]);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] row = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                row[i] = Double.parseDouble(f[idx[i]]);
            }
            rows.add(row);
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        return rows.toArray(double[][]::new);
    }

    /** [row] = {T, ⟨e⟩} of a dataset. */
    static double[][] energyCurve(Path observablesCsv) throws IOException {
        return columns(observablesCsv, "energy");
    }

    /**
     * The temperature at which the Monte Carlo ⟨e⟩(T) (increasing in T) equals {@code e}, by linear interpolation
     * between grid points; {T, error from e's error and the local slope, flag}: flag −1 below the grid's lowest
     * energy, +1 above its highest, 0 inside.
     */
    static double[] temperatureOfEnergy(double[][] curve, Estimate e) {
        double v = e.value();
        if (v <= curve[0][1]) {
            return new double[] {curve[0][0], Double.NaN, -1};
        }
        for (int i = 1; i < curve.length; i++) {
            double e0 = curve[i - 1][1];
            double e1 = curve[i][1];
            if (v <= e1 && e1 > e0) {
                double slope = (e1 - e0) / (curve[i][0] - curve[i - 1][0]);
                double t = curve[i - 1][0] + (v - e0) / slope;
                return new double[] {t, e.error() / slope, 0};
            }
        }
        return new double[] {curve[curve.length - 1][0], Double.NaN, 1};
    }

    static String describeTemperature(double[] t) {
        if (t[2] < 0) {
            return "≤ " + ReportWriter.f(t[0], 2);
        }
        if (t[2] > 0) {
            return "≥ " + ReportWriter.f(t[0], 2);
        }
        return ReportWriter.pm(t[0], t[1]);
    }
}
