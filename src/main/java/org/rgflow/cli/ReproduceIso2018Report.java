package org.rgflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rgflow.analysis.Flow;
import org.rgflow.analysis.ObservableSummary;
import org.rgflow.data.SpinDataset;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.plot.LinePlot;
import org.rgflow.provenance.AtomicFiles;
import org.rgflow.thermometer.Thermometer;

/** The tables, figures, verdicts and report.md of {@link ReproduceIso2018}. */
final class ReproduceIso2018Report {

    static final double TC = 2.269185314213022;

    private ReproduceIso2018Report() {
    }

    static ReportVerdict write(ReproduceContext ctx, ReproduceIso2018.Settings s, SpinDataset data,
            HypercubicLattice lattice, Thermometer thermometer, JsonNode evaluation,
            List<ReproduceIso2018.ModelFlows> models, Path thermoDir, Path mainModel,
            ReproduceIso2018BlockRg.Result blockRg) throws IOException {
        ReportWriter r = new ReportWriter(ctx.runDir());
        double[] temps = thermometer.temperatures();
        double accuracy = evaluation.path("accuracy").asDouble(Double.NaN);
        boolean reliable = ReportVerdict.reliable(accuracy, temps.length);
        double[][] mc = ReproduceReportData.energyCurve(data.dir().resolve("observables.csv"));

        writeTables(ctx.runDir(), models, temps, r);
        r.preamble("Iso, Shiba & Yokoo 2018: the RBM flow goes to T_c", command(ctx), ctx.mode().name()
                .toLowerCase(Locale.ROOT));
        r.heading(2, "Claim");
        r.line("Iso et al. (arXiv:1801.07172, PRE 97, 053304) train an RBM (100 → 100, no biases, CD-1) on 2D Ising "
                + "configurations (L = 10) at 25 temperatures T = 0, 0.25, …, 6. The flow v → h → v → … generated "
                + "by the trained machine, from ordered (T = 0) or random (T = ∞) starts, approaches T_c ≈ 2.27, "
                + "as read by a supervised thermometer (100-512-256-64-25). Controls trained only on T ≥ 4 or only "
                + "on T = 0 do not flow there. rgflow target (SCIENCE.md §4.6): trained on all 25 temperatures, "
                + "flows from T = 0 and T = ∞ end with a thermometer distribution peaked in [%.2f, %.2f]; the "
                + "controls do not.", ReproduceIso2018.WINDOW_LO, ReproduceIso2018.WINDOW_HI).blank();
        r.heading(2, "Setup");
        r.line("- dataset `%s`: L = %d, %d temperatures %s, %d configurations", data.dir().getFileName(),
                lattice.length(), data.temperatures().size(), data.temperatures(), data.numConfigurations());
        for (var in : ctx.inputs()) {
            r.line("- %s: `%s` (%s, manifest SHA-256 %s…)", in.get("role"), in.get("id"), in.get("kind"),
                    String.valueOf(in.get("manifestSha256")).substring(0, 12));
        }
        r.line("- thermometer held-out accuracy %s (chance %s, %d temperatures; mean |ΔT| %s); it counts as "
                + "reliable when accuracy ≥ %.0f × chance: **%s**", ReportWriter.f(accuracy, 3),
                ReportWriter.f(1.0 / temps.length, 3), temps.length,
                ReportWriter.f(evaluation.path("meanAbsoluteTemperatureError").asDouble(Double.NaN), 3),
                ReportVerdict.MIN_ACCURACY_OVER_CHANCE, reliable ? "yes" : "no");
        r.line("- flows: %d chains per start, %d steps v → h → v, both half steps sampled; the final thermometer "
                + "distribution is the mean of the per-chain distributions over the last %d steps", s.chains(),
                s.steps(), Math.min(ReproduceIso2018.FINAL_STEPS, s.steps()));
        r.line("- step wall times (s): %s", ctx.stepSeconds().entrySet().stream()
                .map(e -> e.getKey() + " " + ReportWriter.f(e.getValue(), 1)).toList());
        r.blank();

        r.heading(2, "Measured");
        List<List<String>> rows = new ArrayList<>();
        List<ReportVerdict> parts = new ArrayList<>();
        List<String> partNames = new ArrayList<>();
        for (var m : models) {
            List<ReportVerdict.FlowEnd> ends = new ArrayList<>();
            for (var f : m.flows()) {
                ReportVerdict.FlowEnd end = ReportVerdict.flowEnd(temps, f.finalHistogram(),
                        ReproduceIso2018.WINDOW_LO, ReproduceIso2018.WINDOW_HI);
                ends.add(end);
                int last = f.meanT().length - 1;
                ObservableSummary o = f.flow().steps().get(last).observables();
                double[] te = ReproduceReportData.temperatureOfEnergy(mc, o.energy());
                rows.add(List.of(m.trainedOn(), f.start(), ReportWriter.pm(f.meanT()[0], f.meanTError()[0]),
                        ReportWriter.pm(f.meanT()[last], f.meanTError()[last]),
                        ReportWriter.f(end.modeTemperature(), 2), ReportWriter.f(end.massInWindow(), 2),
                        end.end().name(), ReportWriter.pm(o.absMagnetization()), ReportWriter.pm(o.energy()),
                        ReportWriter.pm(o.binder()), ReportWriter.pm(o.energyVariance()),
                        ReproduceReportData.describeTemperature(te)));
            }
            ReportVerdict v = m.label().equals("all") ? ReportVerdict.endsInWindow(ends, reliable)
                    : ReportVerdict.avoidsWindow(ends, reliable);
            parts.add(v);
            partNames.add(m.trainedOn());
        }
        r.table(List.of("trained on", "start", "thermometer ⟨T⟩ step 0", "⟨T⟩ final", "mode of p(T)",
                "p in window", "end", "⟨|m|⟩ final", "⟨e⟩ final", "U4 final", "N var(e) = C T²",
                "T with MC ⟨e⟩ equal"), rows);
        r.line("Errors are one standard error (thermometer ⟨T⟩: over chains; observables: jackknife over chains). "
                + "\"T with MC ⟨e⟩ equal\" interpolates the Monte Carlo ⟨e⟩(T) of the dataset (`observables.csv`): a "
                + "thermometer-independent reading of the flowed configurations (Veiga & Rocha caution that a "
                + "thermometer alone can mislead). T_c = 2.269.").blank();

        r.heading(2, "Verdicts");
        String flowCrit = String.format(Locale.ROOT, "a flow ends IN the window when the mode of its final "
                + "thermometer distribution lies in [%.2f, %.2f] and ≥ 0.5 of the probability is there, OUTSIDE "
                + "when the mode is outside and < 0.5 is inside, else MIXED; a thermometer below %.0f × chance "
                + "makes every verdict inconclusive.", ReproduceIso2018.WINDOW_LO, ReproduceIso2018.WINDOW_HI,
                ReportVerdict.MIN_ACCURACY_OVER_CHANCE);
        r.verdict("trained on all temperatures, both flows end in the window", parts.get(0),
                "both flows IN → reproduced; any OUTSIDE → not reproduced; else inconclusive. " + flowCrit);
        r.verdict("control T ≥ 4 does not end there", parts.get(1),
                "both flows OUTSIDE → reproduced; any IN → not reproduced; else inconclusive.");
        r.verdict("control T = 0 does not end there", parts.get(2),
                "both flows OUTSIDE → reproduced; any IN → not reproduced; else inconclusive.");
        ReportVerdict overall = ReportVerdict.overall(parts);
        r.verdict("overall (SCIENCE.md §4.6)", overall, "reproduced only if all three are; not reproduced if any "
                + "is not; else inconclusive.");
        if (ctx.mode() != ReproduceContext.Mode.FULL) {
            r.line("This is the **%s** variant (shorter training and thermometer, fewer chains): its verdict is "
                    + "about this run only; the paper's settings are `rgflow reproduce iso2018`.",
                    ctx.mode().name().toLowerCase(Locale.ROOT)).blank();
        }

        ReproduceIso2018BlockRg.report(r, blockRg);

        r.heading(2, "Figures");
        figures(ctx.runDir(), models, temps, s.steps(), r);
        r.copyFigure(mainModel.resolve("training.png"), "training.png",
                "Training curves of the RBM trained on all temperatures");
        r.copyFigure(thermoDir.resolve("confusion.png"), "thermometer-confusion.png",
                "Thermometer confusion matrix on held-out Monte Carlo configurations");
        r.heading(2, "Tables");
        r.line("- [flows.csv](flows.csv): observables per step of every flow");
        r.line("- [thermometer.csv](thermometer.csv): thermometer ⟨T⟩ and distribution per step");
        r.output("flows.csv");
        r.output("thermometer.csv");
        Path report = r.write("iso2018", s.toMap(), ctx, overall);
        ctx.out().printf("verdicts: all-T %s; control T>=4 %s; control T=0 %s; overall %s; block RG away from T_c "
                + "%s%nreport: %s%n", parts.get(0).label(), parts.get(1).label(), parts.get(2).label(),
                overall.label(), blockRg.verdict().label(), report);
        ctx.out().flush();
        return overall;
    }

    private static String command(ReproduceContext ctx) {
        return "rgflow reproduce iso2018" + ReproduceKoch2020.suffix(ctx);
    }

    private static void writeTables(Path dir, List<ReproduceIso2018.ModelFlows> models, double[] temps,
            ReportWriter r) throws IOException {
        StringBuilder flows = new StringBuilder("model,start,").append(Flow.csvHeader()).append('\n');
        StringBuilder th = new StringBuilder("model,start,step,mean_T,mean_T_err");
        for (double t : temps) {
            th.append(",p_").append(t);
        }
        th.append('\n');
        for (var m : models) {
            for (var f : m.flows()) {
                String prefix = m.label() + "," + (f.start().startsWith("all") ? "all-up" : "random") + ",";
                f.flow().toCsv().lines().skip(1).forEach(l -> flows.append(prefix).append(l).append('\n'));
                for (int s = 0; s < f.meanT().length; s++) {
                    th.append(prefix).append(s).append(',').append(f.meanT()[s]).append(',')
                            .append(f.meanTError()[s]);
                    for (double p : f.histograms()[s]) {
                        th.append(',').append(p);
                    }
                    th.append('\n');
                }
            }
        }
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("flows.csv"), flows.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("thermometer.csv"), th.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void figures(Path dir, List<ReproduceIso2018.ModelFlows> models, double[] temps, int steps,
            ReportWriter r) throws IOException {
        double[] x = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            x[i] = i;
        }
        LinePlot tPlot = LinePlot.of("Thermometer reading along the flow", "flow step", "thermometer ⟨T⟩");
        LinePlot hPlot = LinePlot.of("Final thermometer distribution", "T", "p(T)");
        LinePlot ePlot = LinePlot.of("Energy per spin along the flow", "flow step", "⟨e⟩");
        LinePlot mPlot = LinePlot.of("|m| along the flow", "flow step", "⟨|m|⟩");
        for (var m : models) {
            for (var f : m.flows()) {
                String name = m.label() + ", " + (f.start().startsWith("all") ? "all-up" : "random");
                tPlot.series(name, x, f.meanT(), f.meanTError(), LinePlot.Style.LINE_POINTS);
                hPlot.series(name, temps, f.finalHistogram(), null, LinePlot.Style.LINE_POINTS);
                Estimate[] e = f.flow().series(ObservableSummary::energy);
                Estimate[] am = f.flow().series(ObservableSummary::absMagnetization);
                ePlot.series(name, x, values(e, false), values(e, true), LinePlot.Style.LINE_POINTS);
                mPlot.series(name, x, values(am, false), values(am, true), LinePlot.Style.LINE_POINTS);
            }
        }
        tPlot.line("window", new double[] {0, steps}, new double[] {ReproduceIso2018.WINDOW_LO,
            ReproduceIso2018.WINDOW_LO});
        tPlot.line("window ", new double[] {0, steps}, new double[] {ReproduceIso2018.WINDOW_HI,
            ReproduceIso2018.WINDOW_HI});
        tPlot.line("T_c", new double[] {0, steps}, new double[] {TC, TC});
        hPlot.verticalLine("T_c", TC);
        tPlot.writePng(dir.resolve("thermometer-flow.png"));
        hPlot.writePng(dir.resolve("final-distribution.png"));
        ePlot.writePng(dir.resolve("energy-flow.png"));
        mPlot.writePng(dir.resolve("magnetization-flow.png"));
        r.figure("thermometer-flow.png", "Thermometer ⟨T⟩ per flow step (window and T_c as horizontal lines)");
        r.figure("final-distribution.png", "Thermometer distribution at the end of each flow");
        r.figure("energy-flow.png", "Energy per spin of the flowed configurations");
        r.figure("magnetization-flow.png", "⟨|m|⟩ of the flowed configurations");
    }

    static double[] values(Estimate[] e, boolean errors) {
        double[] v = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            v[i] = errors ? e[i].error() : e[i].value();
        }
        return v;
    }
}
