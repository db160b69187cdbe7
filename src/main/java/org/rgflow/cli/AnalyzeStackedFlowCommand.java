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
import org.rgflow.analysis.BlockSpinRg;
import org.rgflow.analysis.Flow;
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
 * {@code rgflow analyze stacked-flow MODEL --dataset DIR}: the same configurations mapped up to level &ell; of the
 * stack and back down (&ell; = 0 &hellip; numLayers; {@code RbmFlow.stacked}), against &ell; repeated block-RG steps
 * (b, rule); observables per level for both in {@code stacked-flow.csv} and {@code observables.png}. The
 * thermometer of the model's lattice size is read on every stacked level; {@code --thermometer} may be repeated
 * with one per lattice size (same temperatures) so the coarser block-RG steps are read too (else skipped). Seeds from {@code --seed} s: dataset order {@code Seeds.child(s, 1)}, stack half steps
 * {@code Seeds.child(s, 2)}, majority tie-breaks {@code Seeds.child(s, 3)}.
 */
@Command(name = "stacked-flow", mixinStandardHelpOptions = true,
        description = "Layer-by-layer flow through a stack (up and back down) vs repeated block-RG steps.")
final class AnalyzeStackedFlowCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "Model directory written by `rgflow train`.")
    Path modelDir;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset of the configurations.")
    Path dataset;

    @Option(names = "--temperature", paramLabel = "T", description = "Temperature to select in a multi-temperature dataset.")
    Double temperature;

    @Option(names = "--mode", defaultValue = "sampled", description = "Half steps through the stack: sampled or mean-field (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--b", defaultValue = "2", description = "Block size of the block-RG comparison (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--rule", defaultValue = "majority", description = "Block-RG rule: majority, average or decimation (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--configurations", defaultValue = "1000", description = "Configurations used (default: ${DEFAULT-VALUE}).")
    int configurations;

    @Option(names = "--thermometer", paramLabel = "THERMO_DIR", description = "Thermometer for the model's lattice "
            + "size; repeat with one per coarser block-RG size (same temperatures) to read those steps too.")
    List<Path> thermometer = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/analysis/stacked-flow-<model id>-<hash>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        HalfStep h = AnalyzeFlowCommand.halfStep("--mode", mode);
        BlockSpinRg.Rule r = AnalyzeRgCommand.rule(rule);
        AnalysisInputs.Model m = AnalysisInputs.model(modelDir);
        AnalysisInputs.Data data = AnalysisInputs.dataset(dataset, temperature, configurations, Seeds.child(seed, 1));
        AnalysisInputs.requireSameLattice(m, data);
        int rgSteps = Math.min(m.stack().numLayers(), AnalyzeRgCommand.maxSteps(m.lattice().length(), blockSize));
        AnalysisThermometers ts = AnalysisThermometers.forBlockRg(thermometer, m.lattice(), blockSize, rgSteps);
        Thermometer t = ts.forSites(m.lattice().numSites());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("model", m.manifestSha256());
        args.put("dataset", data.manifestSha256());
        args.put("temperature", data.temperature());
        args.put("configurations", data.spins().length);
        args.put("mode", mode);
        args.put("b", blockSize);
        args.put("rule", rule);
        args.put("seed", seed);
        ts.addTo(args);
        AnalysisDirectory dir = AnalysisDirectory.create(out, "stacked-flow", m.id(), AnalyzeCommand.canonical(args));
        int d = m.lattice().dimension();
        AnalysisRecorder stackRec = new AnalysisRecorder("stack-" + mode, d, t);
        Flow stack = RbmFlow.stacked(m.stack(), m.lattice(), data.spins(), h, RbmFlow.Recording.SAMPLED_SPINS,
                Seeds.child(seed, 2), stackRec);
        stack = new Flow("stack-" + mode, stack.steps());
        BlockSpinRg rg = BlockSpinRg.of(m.lattice(), blockSize, r);
        List<double[][]> batches = rg.iterate(data.spins(), rgSteps, Seeds.child(seed, 3));
        Flow block = rg.flow(batches);
        AnalysisRecorder blockRec = new AnalysisRecorder(block.name(), d, ts.thermometers());
        for (int k = 0; k < batches.size(); k++) {
            blockRec.onStep(k, batches.get(k));
        }
        AnalysisFlowFigures.write(dir, "stacked-flow", "level (stack) / step (block RG)", List.of(stack, block),
                List.of(stackRec, blockRec), m.isIsing2d());
        List<String> notes = new ArrayList<>();
        if (rgSteps < m.stack().numLayers()) {
            notes.add("block RG stops after " + rgSteps + " steps (L = " + m.lattice().length() + ", b = " + blockSize
                    + ") while the stack has " + m.stack().numLayers() + " levels");
        }
        if (!ts.isEmpty() && blockRec.skippedSteps() > 0) {
            notes.add("thermometer skipped at " + blockRec.skippedSteps() + " block-RG steps (no thermometer for "
                    + "their lattice size; given: " + ts.sizes() + " sites)");
        }
        if (!ts.isEmpty() && t == null) {
            notes.add("no thermometer for the model's " + m.lattice().numSites() + " sites: stacked levels not read");
        }
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("master", seed);
        seeds.put("datasetOrder", Seeds.child(seed, 1));
        seeds.put("stack", Seeds.child(seed, 2));
        seeds.put("tieBreak", Seeds.child(seed, 3));
        var manifest = AnalyzeCommand.manifest("stacked-flow", dir.target().getFileName().toString(), args)
                .section("model", m.section()).section("dataset", data.section()).section("seeds", seeds)
                .section("notes", notes);
        ts.addTo(manifest);
        Path target = dir.finish(manifest);
        for (Flow f : List.of(stack, block)) {
            for (Flow.Step st : f.steps()) {
                stdout.printf(Locale.ROOT, "%s %d (L = %d): <|m|> = %s, e = %s%n", f.name(), st.step(), st.length(),
                        st.observables().absMagnetization(), st.observables().energy());
            }
        }
        notes.forEach(x -> stdout.println("note: " + x));
        stdout.printf("wrote %s%n", target);
        stdout.flush();
        return 0;
    }
}
