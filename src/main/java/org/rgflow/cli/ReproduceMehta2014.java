package org.rgflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rgflow.analysis.WeightAnalysis;
import org.rgflow.data.SpinDataset;
import org.rgflow.export.ModelLoader;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.plot.LinePlot;
import org.rgflow.rbm.StackedRbm;

/**
 * {@code rgflow reproduce mehta2014}: Mehta &amp; Schwab 2014. A stack 1600-400-100-25 trained greedily (CD-1, L1)
 * on 40&times;40 Ising configurations at K = 0.408; receptive fields per level (products of the weight matrices
 * down the stack) and their radius of gyration (SCIENCE.md &sect;4 target 7: the size grows from layer 1 to 3).
 */
final class ReproduceMehta2014 {

    static final Path CONFIGS = Path.of("configs", "mehta2014");

    private ReproduceMehta2014() {
    }

    record Settings(List<String> sample, List<String> train) {
    }

    static Settings settings(ReproduceContext.Mode mode) {
        return switch (mode) {
            case FULL -> new Settings(List.of(), List.of());
            case QUICK -> new Settings(List.of(), List.of("epochs=5", "checkpointEvery=0"));
            case TINY -> new Settings(List.of("lattice.length=8", "sampler.configurationsPerTemperature=200",
                    "sampler.thermalizationSweeps=40"), List.of("layers=[64, 16, 8, 4]", "epochs=2",
                    "checkpointEvery=0"));
        };
    }

    /** Mean, standard deviation and standard error of the mean of the level's field sizes. */
    record LevelSizes(int level, int units, double mean, double sd, double se) {
        static LevelSizes of(int level, double[] sizes) {
            double mean = Arrays.stream(sizes).average().orElse(Double.NaN);
            double var = Arrays.stream(sizes).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, sizes.length - 1);
            return new LevelSizes(level, sizes.length, mean, Math.sqrt(var), Math.sqrt(var / sizes.length));
        }
    }

    /** Above this fraction of a uniform field's size, the first level's fields are not local. */
    static final double LOCAL_FRACTION = 0.8;

    /**
     * Growth from the first to the last level: reproduced when larger by more than 2 combined standard errors;
     * inconclusive whatever the numbers when the first level is not local (mean size above {@link #LOCAL_FRACTION}
     * of {@code uniformSize}).
     */
    static ReportVerdict growth(LevelSizes first, LevelSizes last, double uniformSize) {
        if (first.mean() > LOCAL_FRACTION * uniformSize) {
            return ReportVerdict.INCONCLUSIVE;
        }
        double diff = last.mean() - first.mean();
        double se = Math.hypot(first.se(), last.se());
        return diff > 2 * se ? ReportVerdict.REPRODUCED : diff < -2 * se ? ReportVerdict.NOT_REPRODUCED
                : ReportVerdict.INCONCLUSIVE;
    }

    static ReportVerdict run(ReproduceContext ctx) throws IOException {
        Settings s = settings(ctx.mode());
        Path dataDir = ctx.sample("sample", CONFIGS.resolve("sample.yaml"), s.sample());
        Path model = ctx.train("train", CONFIGS.resolve("train.yaml"), s.train(), dataDir);
        SpinDataset data = SpinDataset.open(dataDir);
        HypercubicLattice lattice = HypercubicLattice.of(data.labels().dimension(), data.labels().length());
        StackedRbm stack = StackedRbm.of(ModelLoader.load(model));
        List<LevelSizes> levels = new ArrayList<>();
        for (int level = 1; level <= stack.numLayers(); level++) {
            levels.add(LevelSizes.of(level, WeightAnalysis.fieldSizes(lattice, stack.receptiveFields(level))));
        }
        double uniform = WeightAnalysis.maximalRadius(lattice);
        ReportVerdict verdict = growth(levels.get(0), levels.get(levels.size() - 1), uniform);
        boolean monotone = true;
        for (int i = 1; i < levels.size(); i++) {
            monotone &= levels.get(i).mean() > levels.get(i - 1).mean();
        }

        ReportWriter r = new ReportWriter(ctx.runDir());
        r.preamble("Mehta & Schwab 2014: receptive fields grow with depth",
                "rgflow reproduce mehta2014" + ReproduceKoch2020.suffix(ctx), ctx.mode().name().toLowerCase(Locale.ROOT));
        r.heading(2, "Claim");
        r.line("arXiv:1410.3831: a stacked RBM 1600-400-100-25 trained greedily with CD and an L1 penalty on 40×40 "
                + "Ising configurations at K = 0.408 has local receptive fields that grow with depth, like successive "
                + "block-spin RG steps. rgflow target (SCIENCE.md §4.7): the receptive-field size grows from layer 1 "
                + "to layer 3.").blank();
        r.heading(2, "Setup");
        for (var in : ctx.inputs()) {
            r.line("- %s: `%s` (%s, manifest SHA-256 %s…)", in.get("role"), in.get("id"), in.get("kind"),
                    String.valueOf(in.get("manifestSha256")).substring(0, 12));
        }
        r.line("- receptive field of a level-ℓ unit: the column of W₁W₂…W_ℓ reshaped to L×L; size = radius of "
                + "gyration of |field| on the torus (0 for one site, %s for a uniform field)",
                ReportWriter.f(WeightAnalysis.maximalRadius(lattice), 2));
        r.line("- step wall times (s): %s", ctx.stepSeconds().entrySet().stream()
                .map(e -> e.getKey() + " " + ReportWriter.f(e.getValue(), 1)).toList()).blank();
        r.heading(2, "Measured");
        List<List<String>> rows = new ArrayList<>();
        for (LevelSizes l : levels) {
            rows.add(List.of(String.valueOf(l.level()), String.valueOf(l.units()), ReportWriter.pm(l.mean(), l.se()),
                    ReportWriter.f(l.sd(), 2)));
        }
        r.table(List.of("level", "units", "mean size ± s.e.", "spread (sd) over units"), rows);
        r.line("Sizes increase at every level: **%s**.", monotone ? "yes" : "no").blank();
        r.heading(2, "Verdicts");
        r.verdict("receptive-field size grows from layer 1 to layer " + levels.size(), verdict,
String.format(Locale.ROOT, "mean size of the last level − first level > 2 combined standard errors → "
                + "reproduced; < −2 → not reproduced; else inconclusive; inconclusive too when the first level's mean "
                + "size exceeds %.1f × the uniform-field size (%s here: the fields are then not local and their size "
                + "cannot show RG-like growth).", LOCAL_FRACTION, ReportWriter.f(LOCAL_FRACTION * uniform, 2)));
        r.heading(2, "Figures");
        double[] x = new double[levels.size()];
        double[] y = new double[levels.size()];
        double[] e = new double[levels.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = levels.get(i).level();
            y[i] = levels.get(i).mean();
            e[i] = levels.get(i).sd();
        }
        LinePlot.of("Receptive-field size per level", "level", "radius of gyration (sd over units as bars)")
                .series("stack", x, y, e, LinePlot.Style.LINE_POINTS)
                .line("uniform field", new double[] {1, x.length}, new double[] {WeightAnalysis.maximalRadius(lattice),
                    WeightAnalysis.maximalRadius(lattice)})
                .writePng(ctx.runDir().resolve("field-sizes.png"));
        r.figure("field-sizes.png", "Mean receptive-field size per level (bars: spread over units)");
        for (int i = 0; i < stack.numLayers(); i++) {
            r.copyFigure(model.resolve("receptive-fields-layer" + i + ".png"), "receptive-fields-layer" + i + ".png",
                    "Receptive fields of level " + (i + 1) + " (from `rgflow train`)");
        }
        r.copyFigure(model.resolve("training.png"), "training.png", "Training curves per layer");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sampleOverrides", s.sample());
        settings.put("trainOverrides", s.train());
        settings.put("meanSizePerLevel", levels.stream().map(LevelSizes::mean).toList());
        Path report = r.write("mehta2014", settings, ctx, verdict);
        ctx.out().printf("verdict: %s (sizes %s)%nreport: %s%n", verdict.label(),
                levels.stream().map(l -> ReportWriter.pm(l.mean(), l.se())).toList(), report);
        return verdict;
    }
}
