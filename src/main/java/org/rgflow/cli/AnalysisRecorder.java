package org.rgflow.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rgflow.analysis.Configurations;
import org.rgflow.analysis.LatticeObservables;
import org.rgflow.analysis.RbmFlow;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.thermometer.Thermometer;

/**
 * Per-step measurements beyond {@code ObservableSummary}: the correlation function G(r) along the first axes and,
 * with thermometers, the mean temperature and histogram. The lattice of each step is inferred from the number of
 * sites (block RG shrinks it); each step is read by the thermometer trained for its number of sites (block RG
 * steps need one per size, all over the same temperatures), and steps without one are recorded as skipped.
 */
final class AnalysisRecorder implements RbmFlow.StepObserver {

    private final String flow;
    private final int dimension;
    private final Map<Integer, Thermometer> bySites = new LinkedHashMap<>();
    private final double[] temperatures;
    private final StringBuilder correlations = new StringBuilder();
    private final List<Integer> steps = new ArrayList<>();
    private final List<Double> means = new ArrayList<>();
    private final List<double[]> histograms = new ArrayList<>();
    private final List<Estimate[]> correlationFunctions = new ArrayList<>();
    private int skipped;

    AnalysisRecorder(String flow, int dimension, Thermometer thermometer) {
        this(flow, dimension, thermometer == null ? List.of() : List.of(thermometer));
    }

    /**
     * @param thermometers at most one per number of sites, all over the same temperatures
     * @throws IllegalArgumentException otherwise
     */
    AnalysisRecorder(String flow, int dimension, List<Thermometer> thermometers) {
        this.flow = flow;
        this.dimension = dimension;
        for (Thermometer t : thermometers) {
            if (bySites.put(t.numSites(), t) != null) {
                throw new IllegalArgumentException("two thermometers for " + t.numSites() + " sites");
            }
            if (!Arrays.equals(t.temperatures(), thermometers.get(0).temperatures())) {
                throw new IllegalArgumentException("thermometers over different temperatures: "
                        + Arrays.toString(thermometers.get(0).temperatures()) + " and "
                        + Arrays.toString(t.temperatures()));
            }
        }
        this.temperatures = thermometers.isEmpty() ? null : thermometers.get(0).temperatures();
    }

    @Override
    public void onStep(int step, double[][] spins) {
        int n = spins[0].length;
        int length = (int) Math.round(Math.pow(n, 1.0 / dimension));
        HypercubicLattice lattice = HypercubicLattice.of(dimension, length);
        Estimate[] g = LatticeObservables.of(lattice).correlationFunction(spins);
        for (int r = 0; r < g.length; r++) {
            correlations.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.10g,%.4g%n", flow, step, length, r,
                    g[r].value(), g[r].error()));
        }
        steps.add(step);
        correlationFunctions.add(g);
        Thermometer thermometer = bySites.get(n);
        if (thermometer != null) {
            INDArray x = Configurations.toSpinArray(spins, DataType.FLOAT);
            means.add(thermometer.meanTemperature(x));
            histograms.add(thermometer.histogram(x));
        } else {
            if (hasThermometer()) {
                skipped++;
            }
            means.add(Double.NaN);
            histograms.add(null);
        }
    }

    /** G(r), r = 0..L/2, of every recorded step, in step order. */
    List<Estimate[]> correlationFunctions() {
        return correlationFunctions;
    }

    static String correlationHeader() {
        return "flow,step,L,r,g,g_err\n";
    }

    String correlationRows() {
        return correlations.toString();
    }

    boolean hasThermometer() {
        return temperatures != null;
    }

    /** Steps whose lattice size no thermometer was trained for. */
    int skippedSteps() {
        return skipped;
    }

    double[] temperatures() {
        return temperatures.clone();
    }

    String flow() {
        return flow;
    }

    int[] steps() {
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    double[] means() {
        return means.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Histograms per step, null where skipped. */
    List<double[]> histograms() {
        return histograms;
    }

    /** CSV rows {@code flow,step,mean_temperature,p_<T1>,...}; skipped steps have empty values. */
    String thermometerRows() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            sb.append(flow).append(',').append(steps.get(i)).append(',');
            double[] h = histograms.get(i);
            sb.append(h == null ? "" : String.format(Locale.ROOT, "%.6g", means.get(i)));
            for (int k = 0; k < temperatures.length; k++) {
                sb.append(',').append(h == null ? "" : String.format(Locale.ROOT, "%.6g", h[k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String thermometerHeader(double[] temperatures) {
        return "flow,step,mean_temperature," + String.join(",", Arrays.stream(temperatures)
                .mapToObj(t -> String.format(Locale.ROOT, "p_T%s", t)).toList()) + "\n";
    }
}
