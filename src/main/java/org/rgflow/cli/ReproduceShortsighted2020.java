package org.rgflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rgflow.analysis.BlockSpinRg;
import org.rgflow.analysis.Flow;
import org.rgflow.analysis.FlowScaling;
import org.rgflow.analysis.ObservableSummary;
import org.rgflow.analysis.RbmFlow;
import org.rgflow.data.SpinDataset;
import org.rgflow.export.ModelLoader;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.plot.LinePlot;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;
import org.rgflow.rbm.StackedRbm;

/**
 * {@code rgflow reproduce shortsighted2020}: de Mello Koch, de Mello Koch, Kastanos &amp; Cheng 2020 on the long-range
 * Ising model (&sigma; = 1.5, L = 32 at T_c). Flows started from the Monte Carlo configurations: one RBM
 * (1024 &rarr; 256, v &rarr; h &rarr; v sampled), the stack 1024 &rarr; 256 &rarr; 64 level by level (up and back
 * down), and 2&times;2 majority block RG. Direction in temperature is read from the Binder cumulant U4, which an RG
 * step leaves unchanged at T_c and which rises towards 2/3 (ordered, lower T) or falls towards 0 (disordered,
 * higher T), and, as in the paper, by thermometers of each lattice size ({@link ReproduceShortsightedThermometer});
 * a direction claim is reproduced only when both readings say so. 2&Delta;&sigma; and 2&Delta;&epsilon; along the single-RBM flow and the stack levels by {@link FlowScaling}
 * (periodic power-law fits of the axis correlators), compared with the same estimator on the Monte Carlo
 * configurations (step 0), since the single-size fit is biased. NN control ({@link ReproduceShortsightedNn}): the
 * koch2020 NN data and RBM flowed the same way, whose 2&Delta;&sigma;, 2&Delta;&epsilon; should agree with NN MC.
 */
final class ReproduceShortsighted2020 {

    static final Path CONFIGS = Path.of("configs", "shortsighted2020");

    private ReproduceShortsighted2020() {
    }

    record Settings(List<String> sample, List<String> train, int configurations, int steps) {
    }

    static Settings settings(ReproduceContext.Mode mode) {
        return switch (mode) {
            case FULL -> new Settings(List.of(), List.of(), 10000, 10);
            case QUICK -> new Settings(List.of(), List.of("epochs=10", "checkpointEvery=0"), 4000, 10);
            case TINY -> new Settings(List.of("lattice.length=8", "sampler.configurationsPerTemperature=200",
                    "sampler.thermalizationSweeps=40"), List.of("epochs=2", "checkpointEvery=0"), 200, 3);
        };
    }

    /** U4 change from the start: +1 significantly up (&gt; 2&sigma;, towards order), &minus;1 down, 0 neither. */
    static int direction(Estimate start, Estimate end) {
        double d = end.value() - start.value();
        double s = 2 * Math.hypot(start.error(), end.error());
        return d > s ? 1 : d < -s ? -1 : 0;
    }

    static ReportVerdict expect(int measured, int expected) {
        return measured == expected ? ReportVerdict.REPRODUCED : measured == -expected ? ReportVerdict.NOT_REPRODUCED
                : ReportVerdict.INCONCLUSIVE;
    }

    /** Threshold on |flow &minus; MC| / combined error for "differ". */
    static final double DIFFER_Z = 2;
    /** Relative difference under which values "agree" when they do not differ significantly. */
    static final double AGREE_RELATIVE = 0.2;
    /** Minimum G(rMin)/&sigma; (and the same for the energy correlator) of the flowed batch for a measurement. */
    static final double MIN_SIGNAL = 3;

    /**
     * The single-RBM flow's exponents at its last step against the Monte Carlo ones (same estimator): either of
     * 2&Delta;&sigma;, 2&Delta;&epsilon; differing by more than {@value #DIFFER_Z} combined errors &rarr;
     * reproduced; both within that and within {@value #AGREE_RELATIVE} relative &rarr; not reproduced; a failed
     * fit, flowed correlators at noise level (G(rMin) or C(rMin) under {@value #MIN_SIGNAL} errors) or an agreement
     * only because of large errors &rarr; inconclusive.
     */
    static ReportVerdict deltasDiffer(FlowScaling.Result mc, FlowScaling.Result flow) {
        if (!(flow.sigmaSignal() >= MIN_SIGNAL && flow.epsilonSignal() >= MIN_SIGNAL)) {
            return ReportVerdict.INCONCLUSIVE;
        }
        Estimate[][] pairs = {{mc.twoDeltaSigma(), flow.twoDeltaSigma()},
            {mc.twoDeltaEpsilon(), flow.twoDeltaEpsilon()}};
        boolean agree = true;
        for (Estimate[] p : pairs) {
            double d = Math.abs(p[1].value() - p[0].value());
            double e = Math.hypot(p[0].error(), p[1].error());
            if (!Double.isFinite(d) || !Double.isFinite(e)) {
                return ReportVerdict.INCONCLUSIVE;
            }
            if (d > DIFFER_Z * e) {
                return ReportVerdict.REPRODUCED;
            }
            agree &= d <= AGREE_RELATIVE * Math.abs(p[0].value());
        }
        return agree ? ReportVerdict.NOT_REPRODUCED : ReportVerdict.INCONCLUSIVE;
    }

    static ReportVerdict run(ReproduceContext ctx) throws IOException {
        Settings s = settings(ctx.mode());
        Path dataDir = ctx.sample("sample", CONFIGS.resolve("sample.yaml"), s.sample());
        SpinDataset data = SpinDataset.open(dataDir);
        int n = data.numSites();
        List<String> single = new ArrayList<>(s.train());
        List<String> stacked = new ArrayList<>(s.train());
        if (ctx.mode() == ReproduceContext.Mode.TINY) {
            single.add("layers=[" + n + ", 16]");
            stacked.add("layers=[" + n + ", 16, 4]");
        }
        Path rbmDir = ctx.train("train", CONFIGS.resolve("train.yaml"), single, dataDir);
        Path stackDir = ctx.train("train-stack", CONFIGS.resolve("train-stack.yaml"), stacked, dataDir);
        HypercubicLattice lattice = HypercubicLattice.of(data.labels().dimension(), data.labels().length());
        double[][] spins = ReproduceKoch2020.read(data, s.configurations(), 2001330730L);
        StackedRbm stack = StackedRbm.of(ModelLoader.load(stackDir));
        int rgSteps = stack.numLayers();
        ReproduceShortsightedThermometer thermo = ReproduceShortsightedThermometer.prepare(ctx, lattice.length(),
                rgSteps);
        List<ReproduceShortsightedThermometer.Reading> rbmT = new ArrayList<>();
        List<ReproduceShortsightedThermometer.Reading> stackT = new ArrayList<>();
        List<ReproduceShortsightedThermometer.Reading> rgT = new ArrayList<>();
        long t0 = System.nanoTime();
        Rbm rbm = Rbm.of(ModelLoader.load(rbmDir).getLayer(0));
        FlowScaling scaling = FlowScaling.of(lattice);
        List<FlowScaling.Result> rbmScales = new ArrayList<>();
        List<FlowScaling.Result> stackScales = new ArrayList<>();
        RbmFlow.StepObserver rbmScaling = scaling.observer(rbmScales);
        Flow rbmFlow = RbmFlow.of(rbm, lattice, HalfStep.SAMPLED, HalfStep.SAMPLED, RbmFlow.Recording.SAMPLED_SPINS)
                .run(spins, s.steps(), 2001330731L, (step, b) -> {
                    rbmScaling.onStep(step, b);
                    rbmT.add(thermo.read("single RBM", step, b));
                });
        RbmFlow.StepObserver stackScaling = scaling.observer(stackScales);
        Flow stackFlow = RbmFlow.stacked(stack, lattice, spins, HalfStep.SAMPLED, RbmFlow.Recording.SAMPLED_SPINS,
                2001330732L, (step, b) -> {
                    stackScaling.onStep(step, b);
                    stackT.add(thermo.read("stack", step, b));
                });
        FlowScaling.Result mc = rbmScales.get(0);
        FlowScaling.Result rbmEnd = rbmScales.get(rbmScales.size() - 1);
        BlockSpinRg blockRg = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.MAJORITY);
        List<double[][]> rgBatches = blockRg.iterate(spins, rgSteps, 2001330733L);
        Flow rgFlow = blockRg.flow(rgBatches);
        for (int k = 0; k < rgBatches.size(); k++) {
            rgT.add(thermo.read("block RG", k, rgBatches.get(k)));
        }
        ctx.stepSeconds().put("flows", (System.nanoTime() - t0) / 1e9);
        ReproduceShortsightedNn.Control nn = ReproduceShortsightedNn.run(ctx, s.configurations(), s.steps());

        Estimate u0 = rbmFlow.steps().get(0).observables().binder();
        int stackDir0 = direction(u0, last(stackFlow).binder());
        int rgDir = direction(rgFlow.steps().get(0).observables().binder(), last(rgFlow).binder());
        ReportVerdict stackU4 = expect(stackDir0, 1);
        ReportVerdict rgU4 = expect(rgDir, -1);
        ReproduceShortsightedThermometer.Reading rgLast = lastRead(rgT);
        int stackDirT = ReproduceShortsightedThermometer.direction(stackT.get(0), stackT.get(stackT.size() - 1));
        int rgDirT = ReproduceShortsightedThermometer.direction(rgT.get(0), rgLast);
        ReportVerdict stackThermo = expect(stackDirT, -1);
        ReportVerdict rgThermo = expect(rgDirT, 1);
        ReportVerdict stackVerdict = agree(stackU4, stackThermo);
        ReportVerdict rgVerdict = agree(rgU4, rgThermo);
        ReportVerdict deltaVerdict = deltasDiffer(mc, rbmEnd);
        ReportVerdict nnControl = nn.verdict();
        ReportVerdict overall = ReportVerdict.overall(List.of(stackVerdict, rgVerdict, deltaVerdict, nnControl));

        ReportWriter r = new ReportWriter(ctx.runDir());
        r.preamble("Short-sighted deep learning 2020: RBM flows on the long-range Ising model",
                "rgflow reproduce shortsighted2020" + ReproduceKoch2020.suffix(ctx),
                ctx.mode().name().toLowerCase(Locale.ROOT));
        r.heading(2, "Claim");
        r.line("de Mello Koch, de Mello Koch, Kastanos & Cheng, PRE 102, 013307 (2020): on the long-range Ising model "
                + "(J(r) = r^-(2+σ), σ = 1.5) a single RBM's flow does not converge to the correct Δσ, Δε (unlike the "
                + "NN model); the stacked-RBM flow moves to LOW T while block-spin RG moves to HIGH T. rgflow target "
                + "(SCIENCE.md §4.9).").blank();
        r.heading(2, "Setup");
        for (var in : ctx.inputs()) {
            r.line("- %s: `%s` (%s, manifest SHA-256 %s…)", in.get("role"), in.get("id"), in.get("kind"),
                    String.valueOf(in.get("manifestSha256")).substring(0, 12));
        }
        r.line("- flows start from %d Monte Carlo configurations (L = %d, T = %s); single RBM: %d steps v → h → v, "
                + "sampled; stack: level ℓ = up ℓ layers and back down, sampled; block RG: 2×2 majority (random "
                + "tie-break), %d steps on 32 → 16 → 8 lattices", spins.length, lattice.length(),
                data.temperatures(), s.steps(), rgSteps);
        r.line("- NN control: the koch2020 inputs (nn-sample, nn-train: 2D nearest-neighbour Ising at T_c, L = %d, "
                + "koch2020's settings for this mode), the same single-RBM flow from %d of its Monte Carlo "
                + "configurations", nn.mc().length(), nn.configurations());
        r.line("- direction in T read two ways: from the Binder cumulant U4 (RG-invariant at T_c; → 2/3 ordered, → 0 "
                + "disordered), and, as in the paper, by thermometers trained on labelled long-range data of each "
                + "lattice size the flows visit (T' = the temperature whose Monte Carlo configurations the "
                + "thermometer of that size reads the same on average); nearest-neighbour observables are of the "
                + "spins on their own lattice");
        thermo.describeSetup(r);
        r.line("- step wall times (s): %s", ctx.stepSeconds().entrySet().stream()
                .map(e -> e.getKey() + " " + ReportWriter.f(e.getValue(), 1)).toList()).blank();
        r.heading(2, "Measured");
        List<List<String>> rows = new ArrayList<>();
        addRows(rows, "single RBM", rbmFlow);
        addRows(rows, "stack", stackFlow);
        addRows(rows, "block RG 2×2 majority", rgFlow);
        addRows(rows, "NN control: single RBM", nn.flow());
        r.table(List.of("flow", "step/level", "L", "⟨|m|⟩", "U4", "NN corr"), rows);
        r.line("Thermometer readings (mean thermometer output ± standard error over configurations, and T' from "
                + "the calibration of the thermometer of the batch's lattice size; \"—\": no thermometer for that size):")
                .blank();
        List<List<String>> trows = new ArrayList<>();
        for (var list : List.of(rbmT, stackT, rgT)) {
            for (var x : list) {
                if (x != null) {
                    trows.add(List.of(x.flow(), String.valueOf(x.step()), String.valueOf(x.length()),
                            ReportWriter.pm(x.meanReading()), ReproduceShortsightedThermometer.describe(x)));
                }
            }
        }
        r.table(List.of("flow", "step/level", "L", "thermometer mean", "T'"), trows);
        r.line("Scaling dimensions (FlowScaling: fits of G(r) and the connected bond-energy correlator by "
                + "A[r^-p + (L−r)^-p] over r = %d..%d at one size, p = 2Δ; jackknife over %d blocks of configurations; "
                + "step 0 = the Monte Carlo data with the same estimator, which is biased at a single size, so only "
                + "the comparison with step 0 is meaningful; NN control rows: step 0 = the NN Monte Carlo data):",
                scaling.rMin(), scaling.rMax(),
                FlowScaling.DEFAULT_BLOCKS).blank();
        List<List<String>> srows = new ArrayList<>();
        addScaleRows(srows, "single RBM", rbmScales);
        addScaleRows(srows, "stack", stackScales);
        addScaleRows(srows, "NN control: single RBM", nn.scales());
        r.table(List.of("flow", "step/level", "2Δσ", "χ²/dof", "G(r_min)/σ", "2Δε", "χ²/dof", "C(r_min)/σ"),
                srows);
        r.heading(2, "Verdicts");
        r.verdict("the stack moves to lower T, by U4", stackU4, "U4 at the last level − U4 of the data > 2σ → "
                + "reproduced; < −2σ → not reproduced; else inconclusive.");
        r.verdict("the stack moves to lower T, by thermometer", stackThermo, String.format(Locale.ROOT, "T' at the "
                + "last level (%s) lower than T' of the data (%s) by > 2σ → reproduced; higher → not reproduced; else "
                + "(or a reading by a thermometer below %.0f × chance) inconclusive.",
                ReproduceShortsightedThermometer.describe(stackT.get(stackT.size() - 1)),
                ReproduceShortsightedThermometer.describe(stackT.get(0)), ReportVerdict.MIN_ACCURACY_OVER_CHANCE));
        r.verdict("the stack moves to lower T", stackVerdict, "both readings reproduced → reproduced; both not "
                + "reproduced → not reproduced; else inconclusive.");
        r.verdict("block RG moves to higher T, by U4", rgU4, "U4 after the last block-RG step − U4 of the data "
                + "< −2σ → reproduced; > 2σ → not reproduced; else inconclusive.");
        r.verdict("block RG moves to higher T, by thermometer", rgThermo, String.format(Locale.ROOT, "T' after the "
                + "last block-RG step read by a reliable thermometer (L = %s: %s) higher than T' of the data (%s) by > 2σ → reproduced; lower → "
                + "not reproduced; else inconclusive.", rgLast == null ? "—" : String.valueOf(rgLast.length()),
                ReproduceShortsightedThermometer.describe(rgLast),
                ReproduceShortsightedThermometer.describe(rgT.get(0))));
        r.verdict("block RG moves to higher T", rgVerdict, "both readings reproduced → reproduced; both not "
                + "reproduced → not reproduced; else inconclusive.");
        r.verdict("the single-RBM flow's Δσ, Δε differ from Monte Carlo", deltaVerdict, String.format(Locale.ROOT,
                "at step %d 2Δσ = %s vs MC %s, 2Δε = %s vs MC %s (same estimator); either differing by > %s "
                + "combined errors → reproduced; both within that and within %d %% → not reproduced; else "
                + "(failed fit, flowed G(r_min) or C(r_min) below %s errors — here %s and %s — i.e. correlators at "
                + "noise level, or agreement only within large errors) inconclusive.", rbmEnd.step(),
                ReportWriter.pm(rbmEnd.twoDeltaSigma()), ReportWriter.pm(mc.twoDeltaSigma()),
                ReportWriter.pm(rbmEnd.twoDeltaEpsilon()), ReportWriter.pm(mc.twoDeltaEpsilon()),
                ReportWriter.f(DIFFER_Z, 0), Math.round(AGREE_RELATIVE * 100), ReportWriter.f(MIN_SIGNAL, 0),
                ReportWriter.f(rbmEnd.sigmaSignal(), 1), ReportWriter.f(rbmEnd.epsilonSignal(), 1)));
        r.verdict("NN control: a single RBM's Δσ, Δε agree with MC within 20 %", nnControl,
                ReproduceShortsightedNn.explanation(nn));
        r.verdict("overall (SCIENCE.md §4.9)", overall, "reproduced only if all four are; not reproduced if any is "
                + "not; else inconclusive.");
        r.heading(2, "Figures");
        LinePlot u = LinePlot.of("Binder cumulant along the flows", "step / level", "U4");
        LinePlot m = LinePlot.of("|m| along the flows", "step / level", "⟨|m|⟩");
        StringBuilder csv = new StringBuilder("flow_name,").append(Flow.csvHeader()).append('\n');
        for (Flow f : List.of(rbmFlow, stackFlow, rgFlow)) {
            String name = f == rbmFlow ? "single RBM" : f == stackFlow ? "stack" : "block RG";
            double[] x = new double[f.steps().size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            var ub = f.series(ObservableSummary::binder);
            var am = f.series(ObservableSummary::absMagnetization);
            u.series(name, x, ReproduceIso2018Report.values(ub, false), ReproduceIso2018Report.values(ub, true),
                    LinePlot.Style.LINE_POINTS);
            m.series(name, x, ReproduceIso2018Report.values(am, false), ReproduceIso2018Report.values(am, true),
                    LinePlot.Style.LINE_POINTS);
            f.toCsv().lines().skip(1).forEach(l -> csv.append(name).append(',').append(l).append('\n'));
        }
        u.writePng(ctx.runDir().resolve("binder-flow.png"));
        AnalysisScaling.plot("Scaling dimensions along the single-RBM flow (r = " + scaling.rMin() + ".."
                + scaling.rMax() + ")", "RBM flow step", rbmScales, mc).writePng(ctx.runDir().resolve("scaling.png"));
        StringBuilder scsv = new StringBuilder(AnalysisScaling.csv("single RBM", rbmScales, null));
        AnalysisScaling.csv("stack", stackScales, null).lines().skip(1).forEach(l -> scsv.append(l).append('\n'));
        AnalysisScaling.csv("NN control single RBM", nn.scales(), null).lines().skip(1)
                .forEach(l -> scsv.append(l).append('\n'));
        AtomicFiles.write(ctx.runDir().resolve("scaling.csv"), scsv.toString().getBytes(StandardCharsets.UTF_8));
        m.writePng(ctx.runDir().resolve("magnetization-flow.png"));
        AtomicFiles.write(ctx.runDir().resolve("flows.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        r.figure("binder-flow.png", "U4 along the single-RBM flow, the stack levels and block-RG steps");
        r.figure("magnetization-flow.png", "⟨|m|⟩ along the flows");
        r.figure("scaling.png", "2Δσ and 2Δε along the single-RBM flow; horizontal lines: the Monte Carlo data "
                + "(step 0) with the same estimator");
        r.copyFigure(stackDir.resolve("training.png"), "training.png", "Training curves of the stack");
        r.line("- [flows.csv](flows.csv): observables per step of every flow").blank();
        r.line("- [scaling.csv](scaling.csv): 2Δσ, 2Δε per step of the single-RBM flow, per stack level and "
                + "per step of the NN control flow").blank();
        r.output("flows.csv");
        r.output("scaling.csv");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sampleOverrides", s.sample());
        settings.put("trainOverrides", s.train());
        settings.put("configurations", spins.length);
        settings.put("rbmSteps", s.steps());
        settings.put("scalingFitRange", List.of(scaling.rMin(), scaling.rMax()));
        settings.put("nnControlSampleOverrides", ReproduceKoch2020.settings(ctx.mode()).sample());
        settings.put("nnControlTrainOverrides", ReproduceKoch2020.settings(ctx.mode()).train());
        Path report = r.write("shortsighted2020", settings, ctx, overall);
        ctx.out().printf("verdicts: stack lower T %s (U4 %s, thermometer %s); block RG higher T %s (U4 %s, "
                + "thermometer %s); deltas %s; NN control %s; overall %s%nreport: %s%n", stackVerdict.label(),
                stackU4.label(), stackThermo.label(), rgVerdict.label(), rgU4.label(), rgThermo.label(),
                deltaVerdict.label(), nnControl.label(), overall.label(), report);
        return overall;
    }

    /** Two readings of one claim: their common verdict, else inconclusive. */
    static ReportVerdict agree(ReportVerdict a, ReportVerdict b) {
        return a == b ? a : ReportVerdict.INCONCLUSIVE;
    }

    /** The last reading by a reliable thermometer (steps on lattices without a thermometer read null). */
    private static ReproduceShortsightedThermometer.Reading lastRead(List<ReproduceShortsightedThermometer.Reading> r) {
        for (int i = r.size() - 1; i >= 0; i--) {
            if (r.get(i) != null && r.get(i).reliable()) {
                return r.get(i);
            }
        }
        return null;
    }

    private static ObservableSummary last(Flow f) {
        return f.steps().get(f.steps().size() - 1).observables();
    }

    private static void addScaleRows(List<List<String>> rows, String name, List<FlowScaling.Result> results) {
        for (FlowScaling.Result x : results) {
            rows.add(List.of(name, String.valueOf(x.step()), ReportWriter.pm(x.twoDeltaSigma()),
                    ReportWriter.f(x.chiSquarePerDofSigma(), 2), ReportWriter.f(x.sigmaSignal(), 1),
                    ReportWriter.pm(x.twoDeltaEpsilon()), ReportWriter.f(x.chiSquarePerDofEpsilon(), 2),
                    ReportWriter.f(x.epsilonSignal(), 1)));
        }
    }

    private static void addRows(List<List<String>> rows, String name, Flow f) {
        for (Flow.Step st : f.steps()) {
            ObservableSummary o = st.observables();
            rows.add(List.of(name, String.valueOf(st.step()), String.valueOf(st.length()),
                    ReportWriter.pm(o.absMagnetization()), ReportWriter.pm(o.binder()),
                    ReportWriter.pm(o.nearestNeighbour())));
        }
    }
}
