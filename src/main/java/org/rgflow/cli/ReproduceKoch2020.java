package org.rgflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.rgflow.analysis.BlockSpinRg;
import org.rgflow.analysis.Configurations;
import org.rgflow.analysis.CorrelatorMaps;
import org.rgflow.analysis.Correlators;
import org.rgflow.analysis.RadialProfile;
import org.rgflow.data.SpinDataSetIterator;
import org.rgflow.data.SpinDataset;
import org.rgflow.data.SpinEncoding;
import org.rgflow.export.ModelLoader;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.plot.Heatmap;
import org.rgflow.plot.LinePlot;
import org.rgflow.rbm.Rbm;

/**
 * {@code rgflow reproduce koch2020}: de Mello Koch, de Mello Koch &amp; Cheng 2020. An RBM 1024 &rarr; 256 trained on
 * 32&times;32 Ising configurations at T_c; hidden&ndash;visible correlators &lang;s_i h_a&rang; (&plusmn;1 view,
 * h_a = tanh(b&plusmn;_a + s&middot;W&plusmn;_a)) against those of one 2&times;2 block-average RG step &lang;s_i
 * S_B&rang; (SCIENCE.md &sect;4 target 8).
 */
final class ReproduceKoch2020 {

    static final Path CONFIGS = Path.of("configs", "koch2020");
    /** An RBM map is a compact patch when its size is at most this multiple of the median block-RG map size. */
    static final double COMPACT_FACTOR = 1.5;

    private ReproduceKoch2020() {
    }

    record Settings(List<String> sample, List<String> train, int configurations) {
    }

    static Settings settings(ReproduceContext.Mode mode) {
        return switch (mode) {
            case FULL -> new Settings(List.of(), List.of(), 20000);
            case QUICK -> new Settings(List.of(), List.of("epochs=10", "checkpointEvery=0"), 5000);
            case TINY -> new Settings(List.of("lattice.length=8", "sampler.configurationsPerTemperature=200",
                    "sampler.thermalizationSweeps=40"), List.of("layers=[64, 16]", "epochs=2", "checkpointEvery=0"),
                    200);
        };
    }

    static ReportVerdict run(ReproduceContext ctx) throws IOException {
        Settings s = settings(ctx.mode());
        Path dataDir = ctx.sample("sample", CONFIGS.resolve("sample.yaml"), s.sample());
        Path model = ctx.train("train", CONFIGS.resolve("train.yaml"), s.train(), dataDir);
        SpinDataset data = SpinDataset.open(dataDir);
        HypercubicLattice lattice = HypercubicLattice.of(data.labels().dimension(), data.labels().length());
        long t0 = System.nanoTime();
        double[][] spins = read(data, s.configurations(), 1906052130L);
        Rbm rbm = Rbm.of(ModelLoader.load(model).getLayer(0));
        CorrelatorMaps rbmMaps = Correlators.rbm(rbm, lattice, spins, Correlators.View.SPIN);
        BlockSpinRg rg = BlockSpinRg.of(lattice, 2, BlockSpinRg.Rule.AVERAGE);
        CorrelatorMaps rgMaps = Correlators.blockRg(rg, spins, new SplittableRandom(1906052131L));
        ctx.stepSeconds().put("correlators", (System.nanoTime() - t0) / 1e9);

        double[] rbmRaw = rbmMaps.sizes();
        double[] rgRaw = rgMaps.sizes();
        double[] rbmSizes = rbmMaps.excessSizes();
        double[] rgSizes = rgMaps.excessSizes();
        double rgMedian = median(rgSizes);
        double threshold = COMPACT_FACTOR * rgMedian;
        int compact = (int) Arrays.stream(rbmSizes).filter(x -> x <= threshold).count();
        double compactFraction = compact / (double) rbmSizes.length;
        int onBlock = 0;
        for (int a = 0; a < rgMaps.numUnits(); a++) {
            onBlock += rg.blockOf(rgMaps.peak(a)) == a ? 1 : 0;
        }
        double onBlockFraction = onBlock / (double) rgMaps.numUnits();
        // the threshold must be well below a uniform (non-local) map's size, or "compact" means nothing
        boolean discriminates = threshold <= 0.5 * rbmMaps.maximalSize();
        ReportVerdict compactVerdict = !discriminates ? ReportVerdict.INCONCLUSIVE
                : compactFraction >= 0.8 ? ReportVerdict.REPRODUCED
                : compactFraction < 0.5 ? ReportVerdict.NOT_REPRODUCED : ReportVerdict.INCONCLUSIVE;
        ReportVerdict blockVerdict = onBlockFraction >= 0.95 ? ReportVerdict.REPRODUCED
                : onBlockFraction < 0.5 ? ReportVerdict.NOT_REPRODUCED : ReportVerdict.INCONCLUSIVE;
        ReportVerdict overall = ReportVerdict.overall(List.of(compactVerdict, blockVerdict));

        ReportWriter r = new ReportWriter(ctx.runDir());
        r.preamble("de Mello Koch, de Mello Koch & Cheng 2020: RBM vs block-spin RG correlators",
                "rgflow reproduce koch2020" + suffix(ctx), ctx.mode().name().toLowerCase(Locale.ROOT));
        r.heading(2, "Claim");
        r.line("arXiv:1906.05212: one RBM layer (1024 → 256, 32×32 → 16×16) trained on 2D Ising configurations at "
                + "T_c is compared with one RG step through hidden–visible correlators ⟨v_i h_a⟩. rgflow target "
                + "(SCIENCE.md §4.8): each hidden unit's map is a compact patch; block RG (2×2) peaks on its block.")
                .blank();
        r.heading(2, "Setup");
        for (var in : ctx.inputs()) {
            r.line("- %s: `%s` (%s, manifest SHA-256 %s…)", in.get("role"), in.get("id"), in.get("kind"),
                    String.valueOf(in.get("manifestSha256")).substring(0, 12));
        }
        r.line("- correlators on %d configurations of L = %d at T = %s; RBM in the ±1 view h_a = tanh(b±_a + s·W±_a); "
                + "block RG = 2×2 block average", spins.length, lattice.length(), data.temperatures());
        r.line("- map size = √(Σ_axis circular spread²) of the weights C², 0 for one site, %s for a uniform map; "
                + "noise floor ~ N_s^-1/2 = %s", ReportWriter.f(rbmMaps.maximalSize(), 2),
                ReportWriter.f(1 / Math.sqrt(spins.length), 3));
        r.line("- step wall times (s): %s", ctx.stepSeconds().entrySet().stream()
                .map(e -> e.getKey() + " " + ReportWriter.f(e.getValue(), 1)).toList()).blank();
        r.heading(2, "Measured");
        r.line("At T_c every spin correlates with every block (⟨s_i S_B⟩ ~ r^(-1/4)), so the plain size of a map (weights "
                + "C²) is close to that of a uniform map for RBM and block RG alike. The **excess size** uses the "
                + "weights (|C_i| − median_i |C_i|)₊², the part of the map above its own background; compactness is "
                + "judged on it.").blank();
        r.table(List.of("maps", "units", "excess size mean ± sd", "median", "min–max", "plain size mean ± sd",
                "peak on own block"), List.of(row("RBM", rbmSizes, rbmRaw, "—"),
                row("block RG 2×2", rgSizes, rgRaw, onBlock + "/" + rgMaps.numUnits())));
        r.line("RBM units with excess size ≤ %.1f × the block-RG median (≤ %s): **%d/%d = %s**.", COMPACT_FACTOR,
                ReportWriter.f(threshold, 2), compact, rbmSizes.length, ReportWriter.f(compactFraction, 3)).blank();
        r.heading(2, "Verdicts");
        r.verdict("each RBM hidden unit's map is a compact patch", compactVerdict, String.format(Locale.ROOT,
                "≥ 80%% of units with excess size ≤ %.1f × median block-RG excess size → reproduced; < 50%% → not reproduced; "
                + "else inconclusive; inconclusive too when that threshold exceeds half the size of a uniform map "
                + "(%s here: %s), where it cannot tell a patch from a spread-out map.", COMPACT_FACTOR,
                ReportWriter.f(0.5 * rbmMaps.maximalSize(), 2), discriminates ? "it does not" : "it does"));
        r.verdict("block RG peaks on its block", blockVerdict,
                "≥ 95% of block maps peak inside their own 2×2 block → reproduced; < 50% → not reproduced; else "
                + "inconclusive.");
        r.verdict("overall (SCIENCE.md §4.8)", overall, "reproduced only if both are; not reproduced if either is not.");
        r.heading(2, "Figures");
        figures(ctx.runDir(), rbmMaps, rgMaps, rbmSizes, rgSizes, r);
        r.copyFigure(model.resolve("training.png"), "training.png", "Training curves of the RBM");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sampleOverrides", s.sample());
        settings.put("trainOverrides", s.train());
        settings.put("configurations", spins.length);
        settings.put("compactFactor", COMPACT_FACTOR);
        settings.put("sizeMeasure", "radius of gyration of (|C|-median|C|)_+^2");
        settings.put("rbmCompactFraction", compactFraction);
        settings.put("blockPeakOnBlockFraction", onBlockFraction);
        Path report = r.write("koch2020", settings, ctx, overall);
        ctx.out().printf("verdicts: compact %s; block RG on block %s; overall %s%nreport: %s%n",
                compactVerdict.label(), blockVerdict.label(), overall.label(), report);
        return overall;
    }

    /** The command-line options of this run after the paper's name: the mode and the user's {@code --set}s. */
    static String suffix(ReproduceContext ctx) {
        return switch (ctx.mode()) {
            case FULL -> "";
            case QUICK -> " --quick";
            case TINY -> " --tiny";
        } + ctx.userSets().stream().map(x -> " --set " + x).reduce("", String::concat);
    }

    private static List<String> row(String name, double[] sizes, double[] raw, String onBlock) {
        double mean = Arrays.stream(sizes).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(sizes).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1,
                sizes.length - 1));
        double rawMean = Arrays.stream(raw).average().orElse(Double.NaN);
        double rawSd = Math.sqrt(Arrays.stream(raw).map(x -> (x - rawMean) * (x - rawMean)).sum() / Math.max(1,
                raw.length - 1));
        return List.of(name, String.valueOf(sizes.length), ReportWriter.f(mean, 2) + " ± " + ReportWriter.f(sd, 2),
                ReportWriter.f(median(sizes), 2), ReportWriter.f(Arrays.stream(sizes).min().orElse(0), 2) + "–"
                        + ReportWriter.f(Arrays.stream(sizes).max().orElse(0), 2),
                ReportWriter.f(rawMean, 2) + " ± " + ReportWriter.f(rawSd, 2), onBlock);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Up to {@code max} configurations of the dataset (all temperatures), shuffled with {@code seed}, ±1. */
    static double[][] read(SpinDataset data, int max, long seed) {
        SpinDataSetIterator it = SpinDataSetIterator.builder(data).encoding(SpinEncoding.PLUS_MINUS_ONE)
                .dataType(DataType.DOUBLE).shuffle(seed).batchSize(Math.min(max, 1000)).build();
        List<double[]> rows = new ArrayList<>();
        while (it.hasNext() && rows.size() < max) {
            DataSet b = it.next();
            for (double[] row : Configurations.fromSpinArray(b.getFeatures())) {
                if (rows.size() < max) {
                    rows.add(row);
                }
            }
        }
        return rows.toArray(double[][]::new);
    }

    private static void figures(Path dir, CorrelatorMaps rbm, CorrelatorMaps rg, double[] rbmSizes,
            double[] rgSizes, ReportWriter r) throws IOException {
        int[] order = new int[rbmSizes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int best = 0;
        int worst = 0;
        for (int a = 1; a < rbmSizes.length; a++) {
            best = rbmSizes[a] < rbmSizes[best] ? a : best;
            worst = rbmSizes[a] > rbmSizes[worst] ? a : worst;
        }
        int median = nearest(rbmSizes, median(rbmSizes));
        String[][] maps = {{"rbm-map-compact.png", "RBM unit " + best + " (smallest map)"},
            {"rbm-map-median.png", "RBM unit " + median + " (median size)"},
            {"rbm-map-widest.png", "RBM unit " + worst + " (largest map)"}};
        int[] units = {best, median, worst};
        for (int i = 0; i < 3; i++) {
            Heatmap.of(maps[i][1] + ": ⟨s_i h_a⟩", rbm.grid(units[i])).writePng(dir.resolve(maps[i][0]));
            r.figure(maps[i][0], maps[i][1] + " correlator map ⟨s_i h_a⟩");
        }
        int block = rg.numUnits() / 2 + rg.lattice().length() / 4;
        Heatmap.of("block RG block " + block + ": ⟨s_i S_B⟩", rg.grid(block)).writePng(dir.resolve("rg-map.png"));
        r.figure("rg-map.png", "Block-RG (2×2 average) correlator map ⟨s_i S_B⟩ of block " + block);
        LinePlot prof = LinePlot.of("Radial profiles", "distance from the map's centre", "⟨s_i h_a⟩ (normalised)");
        addProfile(prof, "RBM unit " + best, rbm.radialProfile(best));
        addProfile(prof, "RBM unit " + median, rbm.radialProfile(median));
        addProfile(prof, "block RG", rg.radialProfile(block));
        prof.writePng(dir.resolve("radial-profiles.png"));
        r.figure("radial-profiles.png", "Correlator against distance from the map centre, each normalised to its "
                + "largest |value|");
        double[] xr = new double[rbmSizes.length];
        double[] xg = new double[rgSizes.length];
        double[] sr = rbmSizes.clone();
        double[] sg = rgSizes.clone();
        Arrays.sort(sr);
        Arrays.sort(sg);
        for (int i = 0; i < xr.length; i++) {
            xr[i] = (i + 0.5) / xr.length;
        }
        for (int i = 0; i < xg.length; i++) {
            xg[i] = (i + 0.5) / xg.length;
        }
        LinePlot sizes = LinePlot.of("Map excess sizes (sorted)", "fraction of units", "excess size (lattice spacings)");
        sizes.series("RBM", xr, sr, null, LinePlot.Style.LINE).series("block RG", xg, sg, null, LinePlot.Style.LINE);
        sizes.writePng(dir.resolve("map-sizes.png"));
        r.figure("map-sizes.png", "Sorted correlator-map excess sizes, RBM hidden units vs block-RG blocks");
    }

    private static int nearest(double[] x, double v) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            best = Math.abs(x[i] - v) < Math.abs(x[best] - v) ? i : best;
        }
        return best;
    }

    private static void addProfile(LinePlot p, String name, RadialProfile profile) {
        double[] d = profile.distance();
        double[] v = profile.value();
        double max = 0;
        for (double y : v) {
            max = Math.max(max, Math.abs(y));
        }
        double[] y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = max > 0 ? v[i] / max : 0;
        }
        p.series(name, d, y, null, LinePlot.Style.LINE_POINTS);
    }
}
