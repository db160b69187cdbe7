package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rgflow.analysis.Configurations;
import org.rgflow.analysis.Flow;
import org.rgflow.analysis.FlowScaling;
import org.rgflow.analysis.RbmFlow;
import org.rgflow.mc.Seeds;
import org.rgflow.rbm.HalfStep;
import org.rgflow.thermometer.Thermometer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow analyze flow MODEL}: the RBM flow of Iso et al. with the model's first RBM, from all-up, random or
 * dataset configurations; the observables (and thermometer readings) of every step. A mean-field visible state is
 * propagated as probabilities and recorded as Bernoulli samples ({@code RbmFlow.Recording.SAMPLED_SPINS}).
 * Seeds from {@code --seed} s: random start {@code Seeds.child(s, 0)}, dataset order {@code Seeds.child(s, 1)},
 * flow {@code Seeds.child(s, 2)}.
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = "RBM flow v -> h -> v' (Iso et al.) with observables and thermometer readings per step.")
final class AnalyzeFlowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "Model directory written by `rgflow train`.")
    Path modelDir;

    @Option(names = "--start", defaultValue = "all-up", description = "all-up, random or dataset (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset of the start configurations (--start dataset).")
    Path dataset;

    @Option(names = "--temperature", paramLabel = "T", description = "Temperature of the start configurations in a multi-temperature dataset.")
    Double temperature;

    @Option(names = "--steps", defaultValue = "40", description = "Flow steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--chains", defaultValue = "1000", description = "Configurations flowed in parallel (default: ${DEFAULT-VALUE}).")
    int chains;

    @Option(names = "--hidden", defaultValue = "sampled", description = "v -> h half step: sampled or mean-field (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--visible", defaultValue = "sampled", description = "h -> v half step: sampled or mean-field (default: ${DEFAULT-VALUE}).")
    String visible;

    @Option(names = "--thermometer", paramLabel = "THERMO_DIR", description = "Thermometer to read at every step.")
    Path thermometer;

    @Option(names = "--scaling", description = "Also measure 2Δσ, 2Δε per step (periodic power-law fits of the axis "
            + "correlators, FlowScaling) into scaling.csv and scaling.png; the Monte Carlo reference is the --dataset "
            + "configurations measured the same way.")
    boolean scaling;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/analysis/flow-<model id>-<hash>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        HalfStep h = halfStep("--hidden", hidden);
        HalfStep v = halfStep("--visible", visible);
        if (steps < 0 || chains < 2) {
            throw new UserException("--steps must be >= 0 and --chains >= 2");
        }
        AnalysisInputs.Model m = AnalysisInputs.model(modelDir);
        int[] units = {m.stack().size(0), m.stack().size(1)};
        MemoryEstimates.chains("--chains " + chains + " through " + modelDir + " (units " + units[0] + ", " + units[1]
                + ")", chains, units, scaling ? 3 : 2).check();
        Thermometer t = AnalysisInputs.thermometer(thermometer, m.lattice().numSites());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("model", m.manifestSha256());
        args.put("start", start);
        args.put("steps", steps);
        args.put("chains", chains);
        args.put("hidden", hidden);
        args.put("visible", visible);
        args.put("seed", seed);
        if (scaling) {
            args.put("scaling", true);
            if (m.lattice().length() < 6) {
                throw new UserException("--scaling needs a lattice of length >= 6, got " + m.lattice().length());
            }
        }
        double[][] x;
        AnalysisInputs.Data data = null;
        switch (start) {
            case "all-up" -> x = Configurations.allUp(chains, m.lattice().numSites());
            case "random" -> x = Configurations.random(chains, m.lattice().numSites(), Seeds.child(seed, 0));
            case "dataset" -> {
                if (dataset == null) {
                    throw new UserException("--start dataset needs --dataset DIR");
                }
                data = AnalysisInputs.dataset(dataset, temperature, chains, Seeds.child(seed, 1));
                AnalysisInputs.requireSameLattice(m, data);
                x = data.spins();
                args.put("dataset", data.manifestSha256());
                args.put("temperature", data.temperature());
            }
            default -> throw new UserException("--start must be all-up, random or dataset, got '" + start + "'");
        }
        double[][] reference = null;
        if (scaling && dataset != null) {
            AnalysisInputs.Data ref = data != null ? data
                    : AnalysisInputs.dataset(dataset, temperature, chains, Seeds.child(seed, 1));
            AnalysisInputs.requireSameLattice(m, ref);
            reference = ref.spins();
            args.put("scalingReference", ref.manifestSha256());
        }
        if (t != null) {
            args.put("thermometer", AnalysisInputs.thermometerSection(thermometer, t).get("descriptionSha256"));
        }
        AnalysisDirectory dir = AnalysisDirectory.create(out, "flow", m.id(), AnalyzeCommand.canonical(args));
        stdout.printf("flowing %d configurations (%s start) for %d steps through %s%n", x.length, start, steps, m.id());
        stdout.flush();
        long t0 = System.nanoTime();
        RbmFlow rbmFlow = RbmFlow.of(m.stack().rbm(0), m.lattice(), h, v, RbmFlow.Recording.SAMPLED_SPINS);
        String name = "rbm-" + hidden + "-" + visible;
        AnalysisRecorder rec = new AnalysisRecorder(name, m.lattice().dimension(), t);
        List<FlowScaling.Result> scales = new ArrayList<>();
        FlowScaling fs = scaling ? FlowScaling.of(m.lattice()) : null;
        RbmFlow.StepObserver scaleObs = fs == null ? (k, c) -> { } : fs.observer(scales);
        Flow flow = rbmFlow.run(x, steps, Seeds.child(seed, 2), (k, c) -> {
            rec.onStep(k, c);
            scaleObs.onStep(k, c);
        });
        flow = new Flow(name, flow.steps());
        AnalysisFlowFigures.write(dir, "flow", "RBM flow step", List.of(flow), List.of(rec), m.isIsing2d());
        if (fs != null) {
            FlowScaling.Result mc = reference == null ? null : fs.measure(0, reference);
            dir.text("scaling.csv", AnalysisScaling.csv(name, scales, mc));
            dir.png("scaling.png", AnalysisScaling.plot("Scaling dimensions along the flow (r = " + fs.rMin() + ".."
                    + fs.rMax() + ")", "RBM flow step", scales, mc));
        }
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("master", seed);
        seeds.put("randomStart", Seeds.child(seed, 0));
        seeds.put("datasetOrder", Seeds.child(seed, 1));
        seeds.put("flow", Seeds.child(seed, 2));
        var manifest = AnalyzeCommand.manifest("flow", dir.target().getFileName().toString(), args)
                .section("model", m.section()).section("seeds", seeds)
                .section("diagnostics", Map.of("wallSeconds", (System.nanoTime() - t0) / 1e9));
        if (data != null) {
            manifest.section("dataset", data.section());
        }
        if (t != null) {
            manifest.section("thermometer", AnalysisInputs.thermometerSection(thermometer, t));
        }
        Path target = dir.finish(manifest);
        Flow.Step last = flow.steps().get(flow.steps().size() - 1);
        stdout.printf(Locale.ROOT, "step %d: <|m|> = %s, e = %s%s%n", last.step(),
                last.observables().absMagnetization(),
                last.observables().energy(), t == null ? "" : String.format(Locale.ROOT, ", thermometer <T> = %.3f",
                        rec.means()[rec.means().length - 1]));
        stdout.printf("wrote %s%n", target);
        stdout.flush();
        return 0;
    }

    static HalfStep halfStep(String option, String value) {
        return switch (value) {
            case "sampled" -> HalfStep.SAMPLED;
            case "mean-field" -> HalfStep.MEAN_FIELD;
            default -> throw new UserException(option + " must be sampled or mean-field, got '" + value + "'");
        };
    }
}
