package org.rgflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rgflow.analysis.Configurations;
import org.rgflow.analysis.Flow;
import org.rgflow.analysis.ObservableSummary;
import org.rgflow.analysis.RbmFlow;
import org.rgflow.data.SpinDataset;
import org.rgflow.export.ModelLoader;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.plot.LinePlot;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;

/**
 * {@code rgflow reproduce funai2018}: Funai &amp; Giataganas 2018. The Iso-like dataset and RBM of
 * {@link ReproduceIso2018} (configs/iso2018, reused when already made); the iterated reconstruction flow
 * v &rarr; p(h|v) &rarr; p(v|h) (mean-field half steps, recorded as Bernoulli samples) and, for comparison, the
 * sampled flow; where the flowed configurations sit along T (by the Monte Carlo ⟨e⟩(T)) relative to the peak of the
 * Monte Carlo specific heat C(T) of the dataset.
 */
final class ReproduceFunai2018 {

    /** A flow end is at the C(T) peak when |T_e &minus; T_peak| &le; this + 2&sigma;; away beyond 3&times; this. */
    static final double TOLERANCE = 0.25;

    private ReproduceFunai2018() {
    }

    /** Where a flow's energy temperature T_e sits relative to the C(T) peak. */
    static ReportVerdict.End atPeak(double[] te, double tPeak) {
        if (te[2] != 0) {
            return Math.abs(te[0] - tPeak) > 3 * TOLERANCE ? ReportVerdict.End.OUTSIDE : ReportVerdict.End.MIXED;
        }
        double d = Math.abs(te[0] - tPeak);
        double s = 2 * (Double.isFinite(te[1]) ? te[1] : 0);
        return d <= TOLERANCE + s ? ReportVerdict.End.IN : d > 3 * TOLERANCE + s ? ReportVerdict.End.OUTSIDE
                : ReportVerdict.End.MIXED;
    }

    static ReportVerdict run(ReproduceContext ctx) throws IOException {
        ReproduceIso2018.Settings s = ReproduceIso2018.settings(ctx.mode());
        Path dataDir = ctx.sample("sample", ReproduceIso2018.CONFIGS.resolve("sample.yaml"), s.sample());
        Path model = ctx.train("train", ReproduceIso2018.CONFIGS.resolve("train.yaml"), s.train(), dataDir);
        SpinDataset data = SpinDataset.open(dataDir);
        HypercubicLattice lattice = HypercubicLattice.of(data.labels().dimension(), data.labels().length());
        double[][] mc = ReproduceReportData.columns(data.dir().resolve("observables.csv"), "energy", "specificHeat",
                "specificHeatError");
        int peak = 0;
        for (int i = 1; i < mc.length; i++) {
            peak = mc[i][2] > mc[peak][2] ? i : peak;
        }
        double tPeak = mc[peak][0];
        double[][] energyCurve = new double[mc.length][];
        for (int i = 0; i < mc.length; i++) {
            energyCurve[i] = new double[] {mc[i][0], mc[i][1]};
        }
        Rbm rbm = Rbm.of(ModelLoader.load(model).getLayer(0));
        String[] modes = {"reconstruction (mean field)", "sampled (Gibbs)"};
        String[] starts = {"all-up", "random"};
        List<Flow> flows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<ReportVerdict.FlowEnd> mainEnds = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int m = 0; m < 2; m++) {
            HalfStep half = m == 0 ? HalfStep.MEAN_FIELD : HalfStep.SAMPLED;
            RbmFlow flow = RbmFlow.of(rbm, lattice, half, half, RbmFlow.Recording.SAMPLED_SPINS);
            for (int k = 0; k < 2; k++) {
                double[][] start = k == 0 ? Configurations.allUp(s.chains(), lattice.numSites())
                        : Configurations.random(s.chains(), lattice.numSites(), 1810081790L + k);
                Flow f = flow.run(start, s.steps(), 1810081791L + 10L * m + k);
                flows.add(f);
                names.add(modes[m] + ", " + starts[k]);
                ObservableSummary o = f.steps().get(f.steps().size() - 1).observables();
                double[] te = ReproduceReportData.temperatureOfEnergy(energyCurve, o.energy());
                ReportVerdict.End end = atPeak(te, tPeak);
                if (m == 0) {
                    mainEnds.add(new ReportVerdict.FlowEnd(te[0], Double.NaN, end));
                }
                rows.add(List.of(modes[m], starts[k], ReportWriter.pm(o.absMagnetization()),
                        ReportWriter.pm(o.energy()), ReportWriter.pm(o.binder()), ReportWriter.pm(o.nearestNeighbour()),
                        ReportWriter.pm(o.energyVariance()), ReproduceReportData.describeTemperature(te), end.name()));
            }
        }
        ctx.stepSeconds().put("flows", (System.nanoTime() - t0) / 1e9);
        ReportVerdict verdict = ReportVerdict.endsInWindow(mainEnds, true);

        ReportWriter r = new ReportWriter(ctx.runDir());
        r.preamble("Funai & Giataganas 2018: the reconstruction flow approaches maximal specific heat",
                "rgflow reproduce funai2018" + ReproduceKoch2020.suffix(ctx), ctx.mode().name().toLowerCase(Locale.ROOT));
        r.heading(2, "Claim");
        r.line("arXiv:1810.08179: an RBM trained on Ising configurations over a range of temperatures (Iso-like data); "
                + "the iterated reconstruction flow approaches the configurations of maximal specific heat. rgflow "
                + "measures the flow by physical observables (|m|, e, U4, NN correlation, N var(e) = C T²), not by a "
                + "thermometer, and compares the temperature whose Monte Carlo ⟨e⟩ equals the flow's (T_e) with the "
                + "peak of the Monte Carlo C(T).").blank();
        r.heading(2, "Setup");
        for (var in : ctx.inputs()) {
            r.line("- %s: `%s` (%s, manifest SHA-256 %s…; the same dataset and model as `reproduce iso2018`)",
                    in.get("role"), in.get("id"), in.get("kind"), String.valueOf(in.get("manifestSha256"))
                            .substring(0, 12));
        }
        r.line("- Monte Carlo C(T) of the dataset (`observables.csv`, L = %d): maximal at **T = %s** (C = %s, i.e. "
                + "N var(e) = C T² = %s, to compare with the flows' N var(e)); T_c(∞) = 2.269", lattice.length(),
                ReportWriter.f(tPeak, 2), ReportWriter.pm(mc[peak][2], mc[peak][3]),
                ReportWriter.pm(mc[peak][2] * tPeak * tPeak, mc[peak][3] * tPeak * tPeak));
        r.line("- flows: %d chains per start, %d steps; reconstruction = mean-field half steps (p(h|v), then p(v|h)) "
                + "with the visible state recorded as Bernoulli samples; sampled = both half steps sampled",
                s.chains(), s.steps());
        r.line("- step wall times (s): %s", ctx.stepSeconds().entrySet().stream()
                .map(e -> e.getKey() + " " + ReportWriter.f(e.getValue(), 1)).toList()).blank();
        r.heading(2, "Measured (final step)");
        r.table(List.of("flow", "start", "⟨|m|⟩", "⟨e⟩", "U4", "NN corr", "N var(e)", "T_e", "vs C peak"), rows);
        r.heading(2, "Verdicts");
        r.verdict("the reconstruction flow ends at the C(T) peak", verdict, String.format(Locale.ROOT,
                "per reconstruction flow, IN when |T_e − T_peak| ≤ %.2f + 2σ(T_e), OUTSIDE when > %.2f + 2σ, else "
                + "MIXED; both IN → reproduced, any OUTSIDE → not reproduced, else inconclusive. The sampled flows "
                + "are shown for comparison only.", TOLERANCE, 3 * TOLERANCE));
        if (ctx.mode() != ReproduceContext.Mode.FULL) {
            r.line("This is the **%s** variant: shorter training, fewer chains.", ctx.mode().name()
                    .toLowerCase(Locale.ROOT)).blank();
        }
        r.heading(2, "Figures");
        figures(ctx, flows, names, mc, s.steps(), r);
        Map<String, Object> settings = s.toMap();
        settings.put("temperatureOfMaxSpecificHeat", tPeak);
        Path report = r.write("funai2018", settings, ctx, verdict);
        ctx.out().printf("verdict: %s (C peak at T = %.2f)%nreport: %s%n", verdict.label(), tPeak, report);
        return verdict;
    }

    private static void figures(ReproduceContext ctx, List<Flow> flows, List<String> names, double[][] mc, int steps,
            ReportWriter r) throws IOException {
        Path dir = ctx.runDir();
        double[] x = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            x[i] = i;
        }
        LinePlot e = LinePlot.of("Energy per spin along the flows", "flow step", "⟨e⟩");
        LinePlot c = LinePlot.of("N var(e) = C T² along the flows", "flow step", "N var(e)");
        StringBuilder csv = new StringBuilder("flow_name,").append(Flow.csvHeader()).append('\n');
        for (int i = 0; i < flows.size(); i++) {
            var en = flows.get(i).series(ObservableSummary::energy);
            var cv = flows.get(i).series(ObservableSummary::energyVariance);
            e.series(names.get(i), x, ReproduceIso2018Report.values(en, false), ReproduceIso2018Report.values(en, true),
                    LinePlot.Style.LINE_POINTS);
            c.series(names.get(i), x, ReproduceIso2018Report.values(cv, false),
                    ReproduceIso2018Report.values(cv, true), LinePlot.Style.LINE_POINTS);
            String prefix = names.get(i).replace(",", ";") + ",";
            flows.get(i).toCsv().lines().skip(1).forEach(l -> csv.append(prefix).append(l).append('\n'));
        }
        double[] t = new double[mc.length];
        double[] cT = new double[mc.length];
        double[] cErr = new double[mc.length];
        for (int i = 0; i < mc.length; i++) {
            t[i] = mc[i][0];
            cT[i] = mc[i][2];
            cErr[i] = mc[i][3];
        }
        LinePlot.of("Monte Carlo specific heat of the dataset", "T", "C per spin")
                .series("C(T)", t, cT, cErr, LinePlot.Style.LINE_POINTS).verticalLine("T_c", 2.269185314213022)
                .writePng(dir.resolve("specific-heat.png"));
        e.writePng(dir.resolve("energy-flow.png"));
        c.writePng(dir.resolve("energy-variance-flow.png"));
        AtomicFiles.write(dir.resolve("flows.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        r.figure("energy-flow.png", "Energy per spin of the flowed configurations");
        r.figure("energy-variance-flow.png", "Specific-heat proxy N var(e) = C T² along the flows");
        r.figure("specific-heat.png", "Monte Carlo C(T) of the dataset (observables.csv)");
        r.line("- [flows.csv](flows.csv): observables per step of every flow").blank();
        r.output("flows.csv");
    }
}
