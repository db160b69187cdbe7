package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.rgflow.analysis.BlockSpinRg;
import org.rgflow.analysis.CorrelatorMaps;
import org.rgflow.analysis.Correlators;
import org.rgflow.analysis.RadialProfile;
import org.rgflow.mc.Seeds;
import org.rgflow.plot.Heatmap;
import org.rgflow.plot.LinePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow analyze correlators MODEL --dataset DIR}: visible&ndash;hidden correlators &lang;v_i h_a&rang; of the
 * model's first RBM (de Mello Koch et al.) and &lang;s_i S_B&rang; of one block-RG step on the same configurations.
 * {@code units.csv}: centre, peak, size and excess size ({@code CorrelatorMaps.excessSize}, the koch2020 report's
 * measure) of every map; the manifest summary also has the RBM units whose excess size is within
 * {@code ReproduceKoch2020.COMPACT_FACTOR} &times; the block-RG median; {@code profiles.csv}: radial profiles about the centres;
 * {@code correlators.png}: both mosaics side by side (RBM left, block RG right, each map scaled to max |C| = 1);
 * {@code profile.png}: the mean normalised profile (each unit's profile divided by its largest-|value| shell)
 * against the distance, for both. Seeds from {@code --seed} s: dataset order {@code Seeds.child(s, 1)},
 * majority tie-breaks {@code Seeds.child(s, 2)}.
 */
@Command(name = "correlators", mixinStandardHelpOptions = true,
        description = "Visible-hidden correlator maps of the first RBM and of block RG, with radial profiles.")
final class AnalyzeCorrelatorsCommand implements Callable<Integer> {

    /** Units shown per mosaic. */
    static final int MOSAIC_UNITS = 100;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "Model directory written by `rgflow train`.")
    Path modelDir;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset of the configurations.")
    Path dataset;

    @Option(names = "--temperature", paramLabel = "T", description = "Temperature to select in a multi-temperature dataset.")
    Double temperature;

    @Option(names = "--view", defaultValue = "spin", description = "spin (<s_i tanh(...)>) or zero-one (<v_i p(h=1|v)>) (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--b", defaultValue = "2", description = "Block size of the block-RG comparison (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--rule", defaultValue = "majority", description = "Block-RG rule: majority, average or decimation (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--configurations", defaultValue = "1000", description = "Configurations used (default: ${DEFAULT-VALUE}).")
    int configurations;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/analysis/correlators-<model id>-<hash>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Correlators.View v = switch (view) {
            case "spin" -> Correlators.View.SPIN;
            case "zero-one" -> Correlators.View.ZERO_ONE;
            default -> throw new UserException("--view must be spin or zero-one, got '" + view + "'");
        };
        BlockSpinRg.Rule r = AnalyzeRgCommand.rule(rule);
        AnalysisInputs.Model m = AnalysisInputs.model(modelDir);
        AnalysisInputs.Data data = AnalysisInputs.dataset(dataset, temperature, configurations, Seeds.child(seed, 1));
        AnalysisInputs.requireSameLattice(m, data);
        if (AnalyzeRgCommand.maxSteps(m.lattice().length(), blockSize) == 0) {
            throw new UserException("--b " + blockSize + " does not divide L = " + m.lattice().length()
                    + " leaving L/b >= 2");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("model", m.manifestSha256());
        args.put("dataset", data.manifestSha256());
        args.put("temperature", data.temperature());
        args.put("configurations", data.spins().length);
        args.put("view", view);
        args.put("b", blockSize);
        args.put("rule", rule);
        args.put("seed", seed);
        AnalysisDirectory dir = AnalysisDirectory.create(out, "correlators", m.id(), AnalyzeCommand.canonical(args));
        CorrelatorMaps rbm = Correlators.rbm(m.stack().rbm(0), m.lattice(), data.spins(), v);
        CorrelatorMaps block = Correlators.blockRg(BlockSpinRg.of(m.lattice(), blockSize, r), data.spins(),
                new SplittableRandom(Seeds.child(seed, 2)));
        StringBuilder units = new StringBuilder("source,unit,");
        for (int k = 0; k < m.lattice().dimension(); k++) {
            units.append("centre_").append(k).append(',');
        }
        units.append("peak_site,size,excess_size\n");
        StringBuilder profiles = new StringBuilder("source,unit,distance,value,sites\n");
        LinePlot profile = LinePlot.of("Mean normalised radial profile of the correlator maps", "distance from centre",
                "C(r) / C(peak shell)");
        for (var e : Map.of("rbm", rbm, "block-rg", block).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .toList()) {
            CorrelatorMaps maps = e.getValue();
            TreeMap<Integer, double[]> mean = new TreeMap<>(); // bin -> {sum distance, sum value, count}
            for (int a = 0; a < maps.numUnits(); a++) {
                units.append(e.getKey()).append(',').append(a).append(',');
                for (double c : maps.centre(a)) {
                    units.append(String.format(Locale.ROOT, "%.6g,", c));
                }
                units.append(maps.peak(a)).append(',').append(String.format(Locale.ROOT, "%.6g,%.6g%n", maps.size(a),
                        maps.excessSize(a)));
                RadialProfile p = maps.radialProfile(a);
                int best = 0;
                for (int j = 0; j < p.value().length; j++) {
                    profiles.append(String.format(Locale.ROOT, "%s,%d,%.6g,%.8g,%d%n", e.getKey(), a, p.distance()[j],
                            p.value()[j], p.sites()[j]));
                    best = Math.abs(p.value()[j]) > Math.abs(p.value()[best]) ? j : best;
                }
                double norm = p.value()[best];
                for (int j = 0; norm != 0 && j < p.value().length; j++) {
                    double[] acc = mean.computeIfAbsent((int) Math.round(p.distance()[j] / CorrelatorMaps.SHELL_WIDTH),
                            k -> new double[3]);
                    acc[0] += p.distance()[j];
                    acc[1] += p.value()[j] / norm;
                    acc[2]++;
                }
            }
            List<double[]> bins = List.copyOf(mean.values());
            profile.series(e.getKey() + " (" + maps.numUnits() + " units)",
                    bins.stream().mapToDouble(b -> b[0] / b[2]).toArray(),
                    bins.stream().mapToDouble(b -> b[1] / b[2]).toArray(), null, LinePlot.Style.LINE_POINTS);
        }
        dir.text("units.csv", units.toString());
        dir.text("profiles.csv", profiles.toString());
        dir.png("profile.png", profile);
        {
            dir.png("correlators.png", Heatmap.of("Correlator maps: RBM (left, first " + Math.min(MOSAIC_UNITS,
                    rbm.numUnits()) + " of " + rbm.numUnits() + ") | block RG b = " + blockSize + " (right), each "
                    + "scaled to max |C| = 1", AnalysisMosaic.sideBySide(AnalysisMosaic.of(rbm, MOSAIC_UNITS, true),
                    AnalysisMosaic.of(block, MOSAIC_UNITS, true))).cellPixels(m.lattice().length() > 20 ? 4 : 8));
        }
        double rbmSize = Arrays.stream(rbm.sizes()).average().orElse(Double.NaN);
        double blockSizeMean = Arrays.stream(block.sizes()).average().orElse(Double.NaN);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rbmMeanSize", rbmSize);
        summary.put("blockRgMeanSize", blockSizeMean);
        summary.put("maximalSize", rbm.maximalSize());
        double[] rbmExcess = rbm.excessSizes();
        double[] blockExcess = block.excessSizes();
        double threshold = ReproduceKoch2020.COMPACT_FACTOR * ReproduceKoch2020.median(blockExcess);
        long compact = Arrays.stream(rbmExcess).filter(x -> x <= threshold).count();
        summary.put("rbmMeanExcessSize", Arrays.stream(rbmExcess).average().orElse(Double.NaN));
        summary.put("blockRgMeanExcessSize", Arrays.stream(blockExcess).average().orElse(Double.NaN));
        summary.put("blockRgMedianExcessSize", ReproduceKoch2020.median(blockExcess));
        summary.put("compactThreshold", threshold);
        summary.put("rbmCompactUnits", compact);
        summary.put("rbmCompactFraction", compact / (double) rbmExcess.length);
        Path target = dir.finish(AnalyzeCommand.manifest("correlators", dir.target().getFileName().toString(), args)
                .section("model", m.section()).section("dataset", data.section())
                .section("seeds", Map.of("master", seed, "datasetOrder", Seeds.child(seed, 1),
                        "tieBreak", Seeds.child(seed, 2)))
                .section("summary", summary));
        stdout.printf(Locale.ROOT, "mean map size: RBM %.3f, block RG %.3f (uniform map %.3f)%n", rbmSize,
                blockSizeMean, rbm.maximalSize());
        stdout.printf(Locale.ROOT, "mean excess size: RBM %.3f, block RG %.3f; RBM units with excess size <= %.1f x "
                + "the block-RG median (%.3f): %d/%d%n", summary.get("rbmMeanExcessSize"),
                summary.get("blockRgMeanExcessSize"), ReproduceKoch2020.COMPACT_FACTOR, threshold, compact,
                rbmExcess.length);
        stdout.printf("wrote %s%n", target);
        stdout.flush();
        return 0;
    }
}
