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
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.mc.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow analyze rg DATASET}: the block-spin RG flow of Monte Carlo configurations of one temperature
 * (majority rule with random tie-break, block average, or decimation, block size b), with the same measurements
 * as {@code analyze flow}. Each step divides L by b, and a thermometer is trained for one number of sites, so
 * {@code --thermometer} may be repeated with one thermometer per lattice size (same temperatures): each step is
 * read by the one for its size, and steps without one are skipped, with a note.
 * Seeds from {@code --seed} s: dataset order {@code Seeds.child(s, 1)}, tie-breaks {@code Seeds.child(s, 2)}.
 */
@Command(name = "rg", mixinStandardHelpOptions = true,
        description = "Block-spin RG flow of dataset configurations with observables per step.")
final class AnalyzeRgCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "Dataset directory written by `rgflow sample`.")
    Path datasetDir;

    @Option(names = "--rule", defaultValue = "majority", description = "majority, average or decimation (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--b", defaultValue = "2", description = "Block size (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--steps", description = "RG steps (default: as many as the lattice allows, L/b^n >= 2).")
    Integer steps;

    @Option(names = "--temperature", paramLabel = "T", description = "Temperature to select in a multi-temperature dataset.")
    Double temperature;

    @Option(names = "--configurations", defaultValue = "1000", description = "Configurations used (default: ${DEFAULT-VALUE}).")
    int configurations;

    @Option(names = "--thermometer", paramLabel = "THERMO_DIR", description = "Thermometer for one of the steps' "
            + "lattice sizes; repeat with one per size (same temperatures) to read every step.")
    List<Path> thermometer = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/analysis/rg-<dataset id>-<hash>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        BlockSpinRg.Rule r = rule(rule);
        AnalysisInputs.Data data = AnalysisInputs.dataset(datasetDir, temperature, configurations,
                Seeds.child(seed, 1));
        HypercubicLattice lattice = data.lattice();
        int n = maxSteps(lattice.length(), blockSize);
        if (n == 0) {
            throw new UserException("block size " + blockSize + " does not divide L = " + lattice.length() + " of "
                    + datasetDir.resolve("manifest.json") + " into blocks leaving L/b >= 2");
        }
        int s = steps == null ? n : steps;
        if (s < 0 || s > n) {
            throw new UserException("--steps must be in 0.." + n + " for L = " + lattice.length()
                    + ", b = " + blockSize);
        }
        AnalysisThermometers ts = AnalysisThermometers.forBlockRg(thermometer, lattice, blockSize, s);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("dataset", data.manifestSha256());
        args.put("temperature", data.temperature());
        args.put("configurations", data.spins().length);
        args.put("rule", rule);
        args.put("b", blockSize);
        args.put("steps", s);
        args.put("seed", seed);
        ts.addTo(args);
        AnalysisDirectory dir = AnalysisDirectory.create(out, "rg", data.id(), AnalyzeCommand.canonical(args));
        BlockSpinRg rg = BlockSpinRg.of(lattice, blockSize, r);
        List<double[][]> batches = rg.iterate(data.spins(), s, Seeds.child(seed, 2));
        Flow flow = rg.flow(batches);
        AnalysisRecorder rec = new AnalysisRecorder(flow.name(), lattice.dimension(), ts.thermometers());
        for (int k = 0; k < batches.size(); k++) {
            rec.onStep(k, batches.get(k));
        }
        AnalysisFlowFigures.write(dir, "flow", "block-spin RG step", List.of(flow), List.of(rec),
                "ising-nn".equals(data.latticeModel()) && lattice.dimension() == 2);
        List<String> notes = new ArrayList<>();
        if (!ts.isEmpty() && rec.skippedSteps() > 0) {
            notes.add("thermometer read only where L^d is in " + ts.sizes()
                    + " sites (its training size); skipped at " + rec.skippedSteps() + " steps");
        }
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("master", seed);
        seeds.put("datasetOrder", Seeds.child(seed, 1));
        seeds.put("tieBreak", Seeds.child(seed, 2));
        var manifest = AnalyzeCommand.manifest("rg", dir.target().getFileName().toString(), args)
                .section("dataset", data.section()).section("seeds", seeds).section("notes", notes);
        ts.addTo(manifest);
        Path target = dir.finish(manifest);
        double[] thermo = rec.means();
        for (int k = 0; k < flow.steps().size(); k++) {
            Flow.Step st = flow.steps().get(k);
            stdout.printf(Locale.ROOT, "step %d (L = %d): <|m|> = %s, e = %s%s%n", st.step(), st.length(),
                    st.observables().absMagnetization(), st.observables().energy(),
                    Double.isNaN(thermo[k]) ? "" : String.format(Locale.ROOT, ", thermometer <T> = %.3f", thermo[k]));
        }
        notes.forEach(x -> stdout.println("note: " + x));
        stdout.printf("wrote %s%n", target);
        stdout.flush();
        return 0;
    }

    /** Steps possible with L/b^n &ge; 2 and b dividing each length. */
    static int maxSteps(int length, int b) {
        if (b < 2) {
            throw new UserException("--b must be >= 2, got " + b);
        }
        int n = 0;
        for (int l = length; l % b == 0 && l / b >= 2; l /= b) {
            n++;
        }
        return n;
    }

    static BlockSpinRg.Rule rule(String name) {
        return switch (name) {
            case "majority" -> BlockSpinRg.Rule.MAJORITY;
            case "average" -> BlockSpinRg.Rule.AVERAGE;
            case "decimation" -> BlockSpinRg.Rule.DECIMATION;
            default -> throw new UserException("--rule must be majority, average or decimation, got '" + name + "'");
        };
    }
}
