package org.rgflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.rgflow.analysis.BlockSpinRg;
import org.rgflow.analysis.Configurations;
import org.rgflow.data.SpinDataset;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerFiles;

/**
 * The conventional-RG side of {@code reproduce iso2018}: Iso et al. contrast their RBM flow (towards T_c) with the
 * RG flow, which runs away from T_c. One majority-rule step (b = 2, random tie-break) maps the L-lattice Monte Carlo
 * configurations of each temperature T to L/2; the coarse configurations are placed on the temperature axis of the
 * L/2 model by two calibrations sampled for this purpose at L/2 on the same temperatures: the Monte Carlo &lang;e&rang;(T)
 * (T'<sub>e</sub>, thermometer-independent) and the mean reading of a thermometer trained at L/2 on its own Monte
 * Carlo configurations (T'<sub>th</sub>: the L/2 temperature the thermometer reads the same on average).
 *
 * <p>Criterion, on T'<sub>e</sub> for the temperatures with T &ge; {@value #MIN_T} and |T &minus; T_c| &ge;
 * {@value #MIN_DISTANCE} (nearer T_c, or in the T &le; 1.25 range where every configuration is a ground state, the
 * finite sizes blur the direction): a temperature flows AWAY when (T' &minus; T) sign(T &minus; T_c) &gt; 2&sigma;
 * (or T' is off the calibration grid on that side), TOWARDS when &lt; &minus;2&sigma;. Reproduced when &ge; 75 %
 * flow away and none towards; not reproduced when &ge; 25 % flow towards; else inconclusive. &sigma; is the
 * jackknife error of the coarse &lang;e&rang; over the slope of the calibration (its own error is not included).
 */
final class ReproduceIso2018BlockRg {

    static final double MIN_T = 1.5;
    static final double MIN_DISTANCE = 0.5;
    static final long RG_SEED = 1801071740L;

    enum Direction { AWAY, TOWARDS, NONE, EXCLUDED }

    /** One temperature: coarse energy, T' by energy and by thermometer (each {T, err, flag}), the direction. */
    record Row(double t, Estimate coarseEnergy, double[] tEnergy, double thermometerMean, double[] tThermometer,
            Direction direction) {
    }

    record Result(int fineLength, int coarseLength, List<Row> rows, ReportVerdict verdict) {
    }

    private ReproduceIso2018BlockRg() {
    }

    static Result run(ReproduceContext ctx, ReproduceIso2018.Settings s, Path fine, HypercubicLattice lattice)
            throws IOException {
        int coarseL = lattice.length() / 2;
        List<String> sampleSets = new ArrayList<>(s.sample());
        sampleSets.add("lattice.length=" + coarseL);
        sampleSets.add("name=iso2018-L" + coarseL);
        Path coarse = ctx.sample("sample-coarse", ReproduceIso2018.CONFIGS.resolve("sample.yaml"), sampleSets);
        List<String> thermoSets = new ArrayList<>(s.thermometer());
        thermoSets.add("name=iso2018-thermometer-L" + coarseL);
        Path thermoDir = ctx.thermometer("thermometer-coarse", ReproduceIso2018.CONFIGS.resolve("thermometer.yaml"),
                thermoSets, coarse);
        Thermometer thermometer = ThermometerFiles.load(thermoDir);
        double[][] energyCurve = ReproduceReportData.energyCurve(coarse.resolve("observables.csv"));
        List<Double> temps = SpinDataset.open(fine).temperatures();
        long t0 = System.nanoTime();
        double[][] readingCurve = new double[temps.size()][];
        for (int k = 0; k < temps.size(); k++) {
            double[][] mc = AnalysisInputs.dataset(coarse, temps.get(k), Integer.MAX_VALUE, RG_SEED).spins();
            readingCurve[k] = new double[] {temps.get(k), mean(thermometer, mc)};
        }
        BlockSpinRg rg = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.MAJORITY);
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < temps.size(); k++) {
            double t = temps.get(k);
            double[][] spins = AnalysisInputs.dataset(fine, t, Integer.MAX_VALUE, RG_SEED).spins();
            List<double[][]> batches = rg.iterate(spins, 1, RG_SEED + k);
            Estimate e = rg.flow(batches).steps().get(1).observables().energy();
            double[] te = ReproduceReportData.temperatureOfEnergy(energyCurve, e);
            double reading = mean(thermometer, batches.get(1));
            double[] tt = ReproduceReportData.temperatureOfEnergy(readingCurve, new Estimate(reading, 0, Double.NaN, 0));
            rows.add(new Row(t, e, te, reading, tt, direction(t, te)));
        }
        ctx.stepSeconds().put("block RG", (System.nanoTime() - t0) / 1e9);
        ReportVerdict v = verdict(rows);
        ctx.out().printf("[block RG] L = %d -> %d, majority b = 2: %d of %d judged temperatures flow away from T_c, "
                + "%d towards: %s%n", lattice.length(), coarseL, count(rows, Direction.AWAY), judged(rows),
                count(rows, Direction.TOWARDS), v.label());
        ctx.out().flush();
        return new Result(lattice.length(), coarseL, rows, v);
    }

    static Direction direction(double t, double[] tPrime) {
        double sign = Math.signum(t - ReproduceIso2018Report.TC);
        if (t < MIN_T || Math.abs(t - ReproduceIso2018Report.TC) < MIN_DISTANCE) {
            return Direction.EXCLUDED;
        }
        if (tPrime[2] != 0) {
            return tPrime[2] == sign ? Direction.AWAY : Direction.TOWARDS;
        }
        double shift = (tPrime[0] - t) * sign;
        double sigma = tPrime[1];
        return shift > 2 * sigma ? Direction.AWAY : shift < -2 * sigma ? Direction.TOWARDS : Direction.NONE;
    }

    static ReportVerdict verdict(List<Row> rows) {
        int n = judged(rows);
        if (n == 0) {
            return ReportVerdict.INCONCLUSIVE;
        }
        int away = count(rows, Direction.AWAY);
        int towards = count(rows, Direction.TOWARDS);
        if (towards == 0 && away >= 0.75 * n) {
            return ReportVerdict.REPRODUCED;
        }
        return towards >= 0.25 * n ? ReportVerdict.NOT_REPRODUCED : ReportVerdict.INCONCLUSIVE;
    }

    static void report(ReportWriter r, Result res) {
        r.heading(2, "Block-spin RG for comparison");
        r.line("One majority-rule step (2×2 blocks, random tie-break) maps the L = %d Monte Carlo configurations of "
                + "each temperature to L = %d. T'_e is the L = %d temperature whose Monte Carlo ⟨e⟩ equals the coarse "
                + "⟨e⟩; T'_th the one whose Monte Carlo configurations an L = %d thermometer reads the same on "
                + "average (both calibrations sampled at L = %d on the same temperatures). Iso et al.: the RG flow "
                + "runs away from T_c, the RBM flow towards it.", res.fineLength(), res.coarseLength(),
                res.coarseLength(), res.coarseLength(), res.coarseLength()).blank();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : res.rows()) {
            rows.add(List.of(ReportWriter.f(row.t(), 2), ReportWriter.pm(row.coarseEnergy()),
                    ReproduceReportData.describeTemperature(row.tEnergy()), ReportWriter.f(row.thermometerMean(), 3),
                    ReproduceReportData.describeTemperature(new double[] {row.tThermometer()[0], Double.NaN,
                        row.tThermometer()[2]}).replace(" ± NaN", ""),
                    row.direction().name().toLowerCase(Locale.ROOT)));
        }
        r.table(List.of("T (L = " + res.fineLength() + ")", "coarse ⟨e⟩", "T'_e", "thermometer ⟨T⟩ (L = "
                + res.coarseLength() + ")", "T'_th", "direction (by T'_e)"), rows);
        r.verdict("block-spin RG flows away from T_c (comparison; not part of the overall verdict)", res.verdict(),
                String.format(Locale.ROOT, "on T'_e for T ≥ %.2f and |T − T_c| ≥ %.2f: AWAY when (T' − T)·sign(T − "
                        + "T_c) > 2σ or T' is off the grid on that side, TOWARDS when < −2σ; reproduced when ≥ 75 %% "
                        + "of them flow away and none towards, not reproduced when ≥ 25 %% flow towards, else "
                        + "inconclusive.", MIN_T, MIN_DISTANCE));
    }

    private static double mean(Thermometer thermometer, double[][] spins) {
        return thermometer.meanTemperature(Configurations.toSpinArray(spins, DataType.FLOAT));
    }

    private static int judged(List<Row> rows) {
        return (int) rows.stream().filter(x -> x.direction() != Direction.EXCLUDED).count();
    }

    private static int count(List<Row> rows, Direction d) {
        return (int) rows.stream().filter(x -> x.direction() == d).count();
    }
}
