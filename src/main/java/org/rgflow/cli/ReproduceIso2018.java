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
import org.rgflow.analysis.Flow;
import org.rgflow.analysis.RbmFlow;
import org.rgflow.data.SpinDataset;
import org.rgflow.export.ModelLoader;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.provenance.Manifest;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;
import org.rgflow.thermometer.Thermometer;
import org.rgflow.thermometer.ThermometerFiles;

/**
 * {@code rgflow reproduce iso2018}: Iso, Shiba &amp; Yokoo 2018. An RBM 100 &rarr; 100 (no biases, CD-1) trained on
 * all 25 temperatures, and two controls trained on T &ge; 4 only and on T = 0 only; flows v &rarr; h &rarr; v
 * (both half steps sampled) from all-up (T = 0) and random (T = &infin;) starts, read by a thermometer trained on
 * the 25 temperatures and by physical observables (SCIENCE.md &sect;4 target 6); for comparison, one block-spin
 * RG step of the Monte Carlo data ({@link ReproduceIso2018BlockRg}). The report is written by
 * {@link ReproduceIso2018Report}.
 */
final class ReproduceIso2018 {

    static final Path CONFIGS = Path.of("configs", "iso2018");
    static final double WINDOW_LO = 2.0;
    static final double WINDOW_HI = 2.75;
    /** The final thermometer histogram is the mean over this many last steps. */
    static final int FINAL_STEPS = 5;
    static final long FLOW_SEED = 1801071730L;

    /** Settings of one mode: --set overrides of each step, and the flow's size. */
    record Settings(List<String> sample, List<String> control, List<String> train, List<String> thermometer,
            int chains, int steps) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sampleOverrides", sample);
            m.put("controlSampleOverrides", control);
            m.put("trainOverrides", train);
            m.put("thermometerOverrides", thermometer);
            m.put("chains", chains);
            m.put("steps", steps);
            m.put("window", List.of(WINDOW_LO, WINDOW_HI));
            m.put("finalStepsAveraged", FINAL_STEPS);
            return m;
        }
    }

    static Settings settings(ReproduceContext.Mode mode) {
        return switch (mode) {
            case FULL -> new Settings(List.of(), List.of(), List.of(), List.of(), 1000, 40);
            // the dataset is the paper's (it samples in seconds); training and thermometer are shortened
            case QUICK -> new Settings(List.of(), List.of(), List.of("epochs=100", "checkpointEvery=0"),
                    List.of("epochs=6"), 500, 40);
            case TINY -> new Settings(
                    List.of("lattice.length=6", "temperatures={values: [0.0, 1.0, 2.0, 2.5, 3.5, 5.0]}",
                            "sampler.configurationsPerTemperature=60", "sampler.thermalizationSweeps=40"),
                    List.of("lattice.length=6", "sampler.configurationsPerTemperature=60",
                            "sampler.thermalizationSweeps=40"),
                    List.of("layers=[36, 16]", "epochs=2", "checkpointEvery=0"),
                    List.of("hiddenSizes=[16]", "epochs=2"), 40, 4);
        };
    }

    /** One trained model's two flows. */
    record ModelFlows(String label, String trainedOn, Path model, List<FlowResult> flows) {
    }

    /** A flow with its thermometer reading per step. */
    record FlowResult(String start, Flow flow, double[] meanT, double[] meanTError, double[][] histograms) {
        double[] finalHistogram() {
            int n = histograms.length;
            int from = Math.max(1, n - FINAL_STEPS);
            double[] h = new double[histograms[0].length];
            for (int s = from; s < n; s++) {
                for (int k = 0; k < h.length; k++) {
                    h[k] += histograms[s][k] / (n - from);
                }
            }
            return h;
        }
    }

    private ReproduceIso2018() {
    }

    static ReportVerdict run(ReproduceContext ctx) throws IOException {
        Settings s = settings(ctx.mode());
        Path all = ctx.sample("sample", CONFIGS.resolve("sample.yaml"), s.sample());
        Path hot = ctx.sample("sample-control-hot", CONFIGS.resolve("sample-control-hot.yaml"),
                ctx.mode() == ReproduceContext.Mode.TINY ? tinyHot(s) : s.control());
        Path cold = ctx.sample("sample-control-cold", CONFIGS.resolve("sample-control-cold.yaml"), s.control());
        Path train = CONFIGS.resolve("train.yaml");
        Path model = ctx.train("train", train, s.train(), all);
        Path hotModel = ctx.train("train-control-hot", train, s.train(), hot);
        Path coldModel = ctx.train("train-control-cold", train, s.train(), cold);
        Path thermoDir = ctx.thermometer("thermometer", CONFIGS.resolve("thermometer.yaml"), s.thermometer(), all);

        SpinDataset data = SpinDataset.open(all);
        HypercubicLattice lattice = HypercubicLattice.of(data.labels().dimension(), data.labels().length());
        Thermometer thermometer = ThermometerFiles.load(thermoDir);
        JsonNode evaluation = Manifest.read(thermoDir.resolve("manifest.json")).path("evaluation");

        List<ModelFlows> models = new ArrayList<>();
        long t0 = System.nanoTime();
        models.add(flows("all", "all " + data.temperatures().size() + " temperatures", model, lattice, thermometer,
                s, ctx, 0));
        models.add(flows("hot", "T ≥ 4 only (control)", hotModel, lattice, thermometer, s, ctx, 1));
        models.add(flows("cold", "T = 0 only (control)", coldModel, lattice, thermometer, s, ctx, 2));
        ctx.stepSeconds().put("flows", (System.nanoTime() - t0) / 1e9);
        ReproduceIso2018BlockRg.Result blockRg = ReproduceIso2018BlockRg.run(ctx, s, all, lattice);

        return ReproduceIso2018Report.write(ctx, s, data, lattice, thermometer, evaluation, models,
                Path.of(thermoDir.toString()), model, blockRg);
    }

    private static List<String> tinyHot(Settings s) {
        List<String> o = new ArrayList<>(s.control());
        o.add("temperatures={values: [4.0, 5.0]}");
        return o;
    }

    private static ModelFlows flows(String label, String trainedOn, Path modelDir, HypercubicLattice lattice,
            Thermometer thermometer, Settings s, ReproduceContext ctx, int index) throws IOException {
        Rbm rbm = Rbm.of(ModelLoader.load(modelDir).getLayer(0));
        RbmFlow flow = RbmFlow.of(rbm, lattice, HalfStep.SAMPLED, HalfStep.SAMPLED, RbmFlow.Recording.SAMPLED_SPINS);
        int n = lattice.numSites();
        List<FlowResult> out = new ArrayList<>();
        String[] starts = {"all-up (T = 0)", "random (T = ∞)"};
        for (int k = 0; k < 2; k++) {
            double[][] start = k == 0 ? Configurations.allUp(s.chains(), n)
                    : Configurations.random(s.chains(), n, FLOW_SEED + 100L * index + 10 + k);
            double[] meanT = new double[s.steps() + 1];
            double[] errT = new double[s.steps() + 1];
            double[][] hist = new double[s.steps() + 1][];
            Flow f = flow.run(start, s.steps(), FLOW_SEED + 100L * index + k, (step, spins) -> {
                var x = Configurations.toSpinArray(spins, DataType.FLOAT);
                double[] m = thermometer.meanTemperatureWithError(x);
                meanT[step] = m[0];
                errT[step] = m[1];
                hist[step] = thermometer.histogram(x);
            });
            out.add(new FlowResult(starts[k], f, meanT, errT, hist));
            ctx.out().printf("[flow] model %s, start %s: thermometer <T> %.3f -> %.3f after %d steps%n", label,
                    starts[k], meanT[0], meanT[s.steps()], s.steps());
            ctx.out().flush();
        }
        return new ModelFlows(label, trainedOn, modelDir, out);
    }
}
