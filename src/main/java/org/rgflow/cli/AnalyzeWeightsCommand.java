package org.rgflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rgflow.analysis.CorrelatorMaps;
import org.rgflow.analysis.WeightAnalysis;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.plot.Heatmap;
import org.rgflow.plot.LinePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rgflow analyze weights MODEL}: per layer the eigenvalues of W W&#7488; and the singular values of W
 * ({@code spectrum.csv}, log-scale PNGs), the receptive fields
 * W<sup>(0)</sup>&middot;&middot;&middot;W<sup>(&ell;&minus;1)</sup> of every level as a mosaic, and their radius of
 * gyration ({@code field-sizes.csv}, mean per level in {@code field-size-per-level.csv/.png}; Mehta &amp; Schwab:
 * it grows with depth).
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Spectra of W W^T, singular values, receptive fields and their sizes per layer.")
final class AnalyzeWeightsCommand implements Callable<Integer> {

    /** Units shown per receptive-field mosaic. */
    static final int MOSAIC_UNITS = 100;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "Model directory written by `rgflow train`.")
    Path modelDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/analysis/weights-<model id>-<hash>).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        AnalysisInputs.Model m = AnalysisInputs.model(modelDir);
        HypercubicLattice lattice = m.lattice();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("model", m.manifestSha256());
        AnalysisDirectory dir = AnalysisDirectory.create(out, "weights", m.id(), AnalyzeCommand.canonical(args));
        StringBuilder spectrum = new StringBuilder("layer,index,gram_eigenvalue,singular_value\n");
        LinePlot gram = LinePlot.of("Eigenvalues of W W^T per layer", "index", "eigenvalue").logY();
        LinePlot sv = LinePlot.of("Singular values of W per layer", "index", "singular value").logY();
        for (int layer = 0; layer < m.stack().numLayers(); layer++) {
            INDArray w = m.stack().rbm(layer).weights();
            double[] ev = WeightAnalysis.gramSpectrum(w);
            double[] s = WeightAnalysis.singularValues(w);
            for (int k = 0; k < ev.length; k++) {
                spectrum.append(String.format(Locale.ROOT, "%d,%d,%.10g,%s%n", layer, k + 1, ev[k],
                        k < s.length ? String.format(Locale.ROOT, "%.10g", s[k]) : ""));
            }
            addPositive(gram, "layer " + layer + " (" + w.rows() + "x" + w.columns() + ")", ev);
            addPositive(sv, "layer " + layer, s);
        }
        dir.text("spectrum.csv", spectrum.toString());
        dir.png("gram-spectrum.png", gram);
        dir.png("singular-values.png", sv);

        StringBuilder sizes = new StringBuilder("level,unit,radius_of_gyration\n");
        StringBuilder perLevel = new StringBuilder("level,units,mean_radius,mean_radius_err,maximal_radius\n");
        int levels = m.stack().numLayers();
        double[] x = new double[levels];
        double[] mean = new double[levels];
        double[] err = new double[levels];
        for (int level = 1; level <= levels; level++) {
            CorrelatorMaps fields = WeightAnalysis.receptiveFields(m.stack(), lattice, level);
            double[] r = WeightAnalysis.fieldSizes(lattice, m.stack().receptiveFields(level));
            for (int a = 0; a < r.length; a++) {
                sizes.append(String.format(Locale.ROOT, "%d,%d,%.8g%n", level, a, r[a]));
            }
            double mu = Arrays.stream(r).average().orElse(Double.NaN);
            double var = IntStream.range(0, r.length).mapToDouble(a -> (r[a] - mu) * (r[a] - mu)).sum()
                    / Math.max(1, r.length - 1);
            x[level - 1] = level;
            mean[level - 1] = mu;
            err[level - 1] = r.length > 1 ? Math.sqrt(var / r.length) : 0;
            perLevel.append(String.format(Locale.ROOT, "%d,%d,%.8g,%.4g,%.8g%n", level, r.length, mu, err[level - 1],
                    WeightAnalysis.maximalRadius(lattice)));
            dir.png("receptive-fields-level" + level + ".png", Heatmap.of("Receptive fields of level " + level
                    + " (first " + Math.min(MOSAIC_UNITS, r.length) + " of " + r.length + " units, each scaled to "
                    + "max |w| = 1)", AnalysisMosaic.of(fields, MOSAIC_UNITS, true))
                    .cellPixels(lattice.length() > 20 ? 4 : 8));
        }
        dir.text("field-sizes.csv", sizes.toString());
        dir.text("field-size-per-level.csv", perLevel.toString());
        dir.png("field-size-per-level.png", LinePlot.of("Receptive-field radius of gyration per level "
                + "(uniform field: " + String.format(Locale.ROOT, "%.2f", WeightAnalysis.maximalRadius(lattice)) + ")",
                "level", "mean radius of gyration").points("mean over units", x, mean, err));
        Path target = dir.finish(AnalyzeCommand.manifest("weights", dir.target().getFileName().toString(), args)
                .section("model", m.section()).section("seeds", Map.of("note", "none: deterministic")));
        stdout.printf("mean receptive-field radius per level: %s (uniform field %.3f)%n", Arrays.toString(mean),
                WeightAnalysis.maximalRadius(lattice));
        stdout.printf("wrote %s%n", target);
        stdout.flush();
        return 0;
    }

    private static void addPositive(LinePlot plot, String name, double[] values) {
        double[] x = IntStream.range(0, values.length).filter(k -> values[k] > 0).mapToDouble(k -> k + 1).toArray();
        double[] y = Arrays.stream(values).filter(v -> v > 0).toArray();
        if (x.length > 0) {
            plot.series(name, x, y, null, LinePlot.Style.LINE_POINTS);
        }
    }
}
