package org.rgflow.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rgflow.analysis.Flow;
import org.rgflow.analysis.FlowScaling;
import org.rgflow.analysis.RbmFlow;
import org.rgflow.data.SpinDataset;
import org.rgflow.export.ModelLoader;
import org.rgflow.lattice.HypercubicLattice;
import org.rgflow.observable.Estimate;
import org.rgflow.rbm.HalfStep;
import org.rgflow.rbm.Rbm;

/**
 * The nearest-neighbour control of {@code reproduce shortsighted2020} (SCIENCE.md &sect;4.9): the koch2020 dataset
 * and RBM (2D NN Ising, L = 32 at T_c, 1024 &rarr; 256), obtained through the same {@code sample}/{@code train}
 * calls and settings as {@link ReproduceKoch2020} so existing artifacts are reused, flowed with the long-range
 * single-RBM flow's settings; {@link FlowScaling} on its Monte Carlo and flowed configurations.
 */
final class ReproduceShortsightedNn {

    private ReproduceShortsightedNn() {
    }

    /** The control's flow, its scaling results per step (step 0 = Monte Carlo) and its verdict. */
    record Control(int configurations, Flow flow, List<FlowScaling.Result> scales, ReportVerdict verdict) {

        FlowScaling.Result mc() {
            return scales.get(0);
        }

        FlowScaling.Result end() {
            return scales.get(scales.size() - 1);
        }
    }

    static Control run(ReproduceContext ctx, int configurations, int steps) throws IOException {
        ReproduceKoch2020.Settings k = ReproduceKoch2020.settings(ctx.mode());
        Path dataDir = ctx.sample("nn-sample", ReproduceKoch2020.CONFIGS.resolve("sample.yaml"), k.sample());
        Path model = ctx.train("nn-train", ReproduceKoch2020.CONFIGS.resolve("train.yaml"), k.train(), dataDir);
        SpinDataset data = SpinDataset.open(dataDir);
        HypercubicLattice lattice = HypercubicLattice.of(data.labels().dimension(), data.labels().length());
        double[][] spins = ReproduceKoch2020.read(data, configurations, 2001330734L);
        long t0 = System.nanoTime();
        Rbm rbm = Rbm.of(ModelLoader.load(model).getLayer(0));
        List<FlowScaling.Result> scales = new ArrayList<>();
        Flow flow = RbmFlow.of(rbm, lattice, HalfStep.SAMPLED, HalfStep.SAMPLED, RbmFlow.Recording.SAMPLED_SPINS)
                .run(spins, steps, 2001330735L, FlowScaling.of(lattice).observer(scales));
        ctx.stepSeconds().put("nn-flow", (System.nanoTime() - t0) / 1e9);
        return new Control(spins.length, flow, scales, deltasAgree(scales.get(0), scales.get(scales.size() - 1)));
    }

    /**
     * NN control: flowed 2&Delta;&sigma; and 2&Delta;&epsilon; both within
     * {@link ReproduceShortsighted2020#AGREE_RELATIVE} (relative) of the Monte Carlo values of the same estimator &rarr; reproduced; either off by more than that
     * margin plus {@link ReproduceShortsighted2020#DIFFER_Z} combined errors &rarr; not reproduced; a failed fit,
     * flowed correlators at noise level, or a miss of the margin within errors &rarr; inconclusive.
     */
    static ReportVerdict deltasAgree(FlowScaling.Result mc, FlowScaling.Result flow) {
        double minSignal = ReproduceShortsighted2020.MIN_SIGNAL;
        if (!(flow.sigmaSignal() >= minSignal && flow.epsilonSignal() >= minSignal)) {
            return ReportVerdict.INCONCLUSIVE;
        }
        Estimate[][] pairs = {{mc.twoDeltaSigma(), flow.twoDeltaSigma()},
            {mc.twoDeltaEpsilon(), flow.twoDeltaEpsilon()}};
        boolean agree = true;
        boolean differ = false;
        for (Estimate[] p : pairs) {
            double d = Math.abs(p[1].value() - p[0].value());
            double e = Math.hypot(p[0].error(), p[1].error());
            double margin = ReproduceShortsighted2020.AGREE_RELATIVE * Math.abs(p[0].value());
            if (!Double.isFinite(d) || !Double.isFinite(e)) {
                return ReportVerdict.INCONCLUSIVE;
            }
            agree &= d <= margin;
            differ |= d > margin + ReproduceShortsighted2020.DIFFER_Z * e;
        }
        return differ ? ReportVerdict.NOT_REPRODUCED : agree ? ReportVerdict.REPRODUCED : ReportVerdict.INCONCLUSIVE;
    }

    /** The verdict's explanation with the measured values. */
    static String explanation(Control c) {
        FlowScaling.Result mc = c.mc();
        FlowScaling.Result end = c.end();
        return String.format(Locale.ROOT, "koch2020 NN data and RBM, flowed like the long-range single RBM; at step "
                + "%d 2Δσ = %s vs NN MC %s (%s), 2Δε = %s vs NN MC %s (%s), same estimator; both within %d %% of "
                + "MC → reproduced; either off by more than %d %% plus %s combined errors → not reproduced; else "
                + "(failed fit, flowed G(r_min) or C(r_min) below %s errors — here %s and %s — or a miss within "
                + "errors) inconclusive.", end.step(), ReportWriter.pm(end.twoDeltaSigma()),
                ReportWriter.pm(mc.twoDeltaSigma()), relative(mc.twoDeltaSigma(), end.twoDeltaSigma()),
                ReportWriter.pm(end.twoDeltaEpsilon()), ReportWriter.pm(mc.twoDeltaEpsilon()),
                relative(mc.twoDeltaEpsilon(), end.twoDeltaEpsilon()),
                Math.round(ReproduceShortsighted2020.AGREE_RELATIVE * 100),
                Math.round(ReproduceShortsighted2020.AGREE_RELATIVE * 100),
                ReportWriter.f(ReproduceShortsighted2020.DIFFER_Z, 0),
                ReportWriter.f(ReproduceShortsighted2020.MIN_SIGNAL, 0), ReportWriter.f(end.sigmaSignal(), 1),
                ReportWriter.f(end.epsilonSignal(), 1));
    }

    private static String relative(Estimate mc, Estimate flow) {
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (flow.value() - mc.value()) / Math.abs(mc.value()));
    }
}
