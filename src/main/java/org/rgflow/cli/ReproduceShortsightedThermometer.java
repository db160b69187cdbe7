package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.rgflow.analysis.Configurations;
import org.rgflow.config.ConfigLoader;
import org.rgflow.config.SampleConfig;
import org.rgflow.data.SpinDataset;
import org.rgflow.observable.Estimate;
import org.rgflow.provenance.Manifest;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerFiles;

/**
 * The paper's reading of the short-sighted flows in temperature: thermometers trained on labelled long-range Monte
 * Carlo data ({@code configs/shortsighted2020/sample-thermometer.yaml}, &sigma; = 1.5, T = 4.5&hellip;7) at every
 * lattice size the flows visit (L, L/2, &hellip; down to {@value #MIN_LENGTH}), each with the same number of spins
 * per temperature ((L/L')&sup2; times the configurations of L at size L'), so the small-lattice thermometers see as
 * many spins as the large one (L = 8 with the L = 32 count alone fell below 2 &times; chance). A batch of configurations on an
 * L'-lattice is placed at T' = the temperature whose L' Monte Carlo configurations that thermometer reads the same
 * on average: the calibration curve is the mean reading of each labelled temperature's configurations (training
 * and held-out rows alike), inverted by linear interpolation, so the thermometer's own bias (a softmax pulls
 * readings towards the middle of its range) cancels. Errors: the standard error of the batch's mean reading over
 * configurations, through the local slope of the curve (the curve's own error is not included).
 *
 * <p>Direction of a flow: T' at its end against T' of the Monte Carlo data it started from; lower or higher when
 * they differ by more than 2 combined errors (or the end is off the calibration grid on that side).
 */
final class ReproduceShortsightedThermometer {

    /** Smallest lattice length given a thermometer. */
    static final int MIN_LENGTH = 4;
    static final long READ_SEED = 2001330742L;

    /** One size's thermometer and calibration ({T, mean reading} ascending in T). */
    record Calibrated(int length, Path dir, Thermometer thermometer, double[][] curve, double accuracy) {
    }

    /**
     * A batch's reading: mean thermometer output and T' = {T, error, off-grid flag}; {@code reliable} when that
     * size's thermometer reaches {@code ReportVerdict.MIN_ACCURACY_OVER_CHANCE} &times; chance on held-out data.
     */
    record Reading(String flow, int step, int length, Estimate meanReading, double[] temperature, boolean reliable) {
    }

    private final Map<Integer, Calibrated> bySites = new LinkedHashMap<>();

    private ReproduceShortsightedThermometer() {
    }

    /** The {@code --set} overrides of the labelled datasets and thermometers per mode. */
    static List<List<String>> overrides(ReproduceContext.Mode mode) {
        return switch (mode) {
            case FULL -> List.of(List.of(), List.of());
            case QUICK -> List.of(List.of("sampler.configurationsPerTemperature=300"), List.of("epochs=6"));
            case TINY -> List.of(List.of("sampler.configurationsPerTemperature=40", "sampler.thermalizationSweeps=40",
                    "temperatures={values: [4.5, 5.5, 7.0]}"), List.of("hiddenSizes=[16]", "epochs=2"));
        };
    }

    /** Samples and trains (or reuses) a thermometer for each length L, L/2, ... &ge; {@value #MIN_LENGTH}. */
    static ReproduceShortsightedThermometer prepare(ReproduceContext ctx, int length, int steps) throws IOException {
        ReproduceShortsightedThermometer t = new ReproduceShortsightedThermometer();
        List<List<String>> o = overrides(ctx.mode());
        Path sampleConfig = ReproduceShortsighted2020.CONFIGS.resolve("sample-thermometer.yaml");
        int base = ConfigLoader.of(SampleConfig.class).load(sampleConfig, o.get(0)).config().sampler()
                .configurationsPerTemperature();
        for (int k = 0, l = length; k <= steps && l >= MIN_LENGTH; k++, l /= 2) {
            List<String> sample = new ArrayList<>(o.get(0));
            // the same number of spins per temperature at every size: (L/l)^d times the configurations
            sample.add("sampler.configurationsPerTemperature=" + base * (length / l) * (length / l));
            sample.add("lattice.length=" + l);
            sample.add("name=shortsighted2020-thermo-L" + l);
            Path data = ctx.sample("thermometer-sample-L" + l, sampleConfig, sample);
            List<String> train = new ArrayList<>(o.get(1));
            train.add("name=shortsighted2020-thermometer-L" + l);
            Path dir = ctx.thermometer("thermometer-L" + l,
                    ReproduceShortsighted2020.CONFIGS.resolve("thermometer.yaml"), train, data);
            Thermometer th = ThermometerFiles.load(dir);
            JsonNode eval = Manifest.read(dir.resolve("manifest.json")).path("evaluation");
            List<Double> temps = SpinDataset.open(data).temperatures();
            double[][] curve = new double[temps.size()][];
            for (int i = 0; i < temps.size(); i++) {
                double[][] spins = AnalysisInputs.dataset(data, temps.get(i), Integer.MAX_VALUE, READ_SEED).spins();
                curve[i] = new double[] {temps.get(i), mean(th, spins).value()};
            }
            t.bySites.put(th.numSites(), new Calibrated(l, dir, th, curve, eval.path("accuracy").asDouble(Double.NaN)));
        }
        return t;
    }

    /** The reading of a batch, or null when no thermometer has its size. */
    Reading read(String flow, int step, double[][] spins) {
        Calibrated c = bySites.get(spins[0].length);
        if (c == null) {
            return null;
        }
        Estimate m = mean(c.thermometer(), spins);
        return new Reading(flow, step, c.length(), m, ReproduceReportData.temperatureOfEnergy(c.curve(), m),
                ReportVerdict.reliable(c.accuracy(), c.curve().length));
    }

    List<Calibrated> calibrated() {
        return List.copyOf(bySites.values());
    }

    /**
     * Direction of {@code end} against {@code start} in T': &minus;1 lower, +1 higher (beyond 2 combined errors or
     * off the grid on that side), 0 neither or not comparable (a missing or unreliable reading).
     */
    static int direction(Reading start, Reading end) {
        if (start == null || end == null || !start.reliable() || !end.reliable()) {
            return 0;
        }
        double[] a = start.temperature();
        double[] b = end.temperature();
        if (b[2] != 0 && b[2] != a[2]) {
            return (int) b[2];
        }
        if (a[2] != 0 || b[2] != 0) {
            return 0;
        }
        double d = b[0] - a[0];
        double s = 2 * Math.hypot(a[1], b[1]);
        return d > s ? 1 : d < -s ? -1 : 0;
    }

    /** A reading's T' for a report table (marked when its thermometer is not reliable). */
    static String describe(Reading r) {
        return r == null ? "—" : ReproduceReportData.describeTemperature(r.temperature())
                + (r.reliable() ? "" : " (unreliable thermometer)");
    }

    /** The thermometers' lines of the report's setup. */
    void describeSetup(ReportWriter r) {
        for (Calibrated c : bySites.values()) {
            r.line("- thermometer L = %d (`%s`): held-out accuracy %s over %d temperatures %s–%s (chance %s; "
                    + "reliable when ≥ %.0f × chance: %s); calibration: mean reading %s at T = %s … %s at T = %s",
                    c.length(), c.dir().getFileName(), ReportWriter.f(c.accuracy(), 3), c.curve().length,
                    ReportWriter.f(c.curve()[0][0], 2),
                    ReportWriter.f(c.curve()[c.curve().length - 1][0], 2),
                    ReportWriter.f(1.0 / c.curve().length, 3), ReportVerdict.MIN_ACCURACY_OVER_CHANCE,
                    ReportVerdict.reliable(c.accuracy(), c.curve().length) ? "yes" : "no",
                    ReportWriter.f(c.curve()[0][1], 3),
                    ReportWriter.f(c.curve()[0][0], 2), ReportWriter.f(c.curve()[c.curve().length - 1][1], 3),
                    ReportWriter.f(c.curve()[c.curve().length - 1][0], 2));
        }
    }

    private static Estimate mean(Thermometer th, double[][] spins) {
        double[] m = th.meanTemperatureWithError(Configurations.toSpinArray(spins, DataType.FLOAT));
        return new Estimate(m[0], m[1], 0.5, spins.length);
    }
}
