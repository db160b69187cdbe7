package org.rgflow.critical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.rgflow.hamiltonian.Hamiltonian;
import org.rgflow.mc.ScanListener;
import org.rgflow.mc.Seeds;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.mc.UpdateRule;
import org.rgflow.observable.Estimate;
import org.rgflow.observable.PowerLawFit;
import org.rgflow.observable.TabulatedCrossing;

/**
 * The critical point of a spin model from Monte Carlo, in two passes.
 * <ol>
 * <li>Coarse: every size L on the temperature grid; U4(T, L) with blocked-jackknife errors; crossings of
 *     successive sizes by local line fits ({@link TabulatedCrossing}).</li>
 * <li>Refine: one longer run per size at the coarse crossing of the largest pair, recording the axis
 *     correlators too. Crossings are re-solved by single-histogram reweighting ({@link BinderCrossing}),
 *     T_c is the crossing of the largest pair, and every size is reweighted to T_c
 *     ({@link SizeAtCriticality}): &lang;m&sup2;&rang;, dU4/dT, G(r), connected energy correlator.</li>
 * <li>Finite-size scaling across sizes: &lang;m&sup2;&rang; &prop; L^(-2&Delta;_&sigma;),
 *     |dU4/dT| &prop; L^(1/&nu;) (weighted power-law fits).</li>
 * </ol>
 * No Binder value is assumed anywhere: for long-range models U4* depends on &sigma; and the boundary sum.
 * Cost: dominated by the sweeps, sizes &times; (grid + 1) runs.
 */
public final class CriticalRunner {

    private final IntFunction<Hamiltonian> model;
    private final Function<Hamiltonian, UpdateRule> rules;
    private final CriticalOptions options;

    private CriticalRunner(IntFunction<Hamiltonian> model, Function<Hamiltonian, UpdateRule> rules,
            CriticalOptions options) {
        this.model = model;
        this.rules = rules;
        this.options = options;
    }

    /**
     * @param model the Hamiltonian for each linear size L
     * @param rules the update rule for a Hamiltonian (e.g. wolff, lr-cluster)
     */
    public static CriticalRunner of(IntFunction<Hamiltonian> model, Function<Hamiltonian, UpdateRule> rules,
            CriticalOptions options) {
        return new CriticalRunner(model, rules, options);
    }

    public CriticalResult run(CriticalListener listener) {
        long t0 = System.nanoTime();
        int[] sizes = options.sizes();
        double[] grid = options.temperatures();
        Map<Integer, List<TemperatureResult>> coarse = new LinkedHashMap<>();
        int dimension = 0;
        for (int s = 0; s < sizes.length; s++) {
            Hamiltonian h = model.apply(sizes[s]);
            dimension = h.lattice().dimension();
            PointSampler sampler = sampler(h);
            long sizeSeed = Seeds.child(options.seed(), s);
            ScanListener l = listener.stageStarted("coarse", sizes[s], grid.length);
            List<TemperatureResult> rows = new ArrayList<>();
            for (int i = 0; i < grid.length; i++) {
                rows.add(sampler.run(i, grid[i], options.samplesPerChain(), Seeds.temperatureSeed(sizeSeed, i), false,
                        l).summary());
            }
            listener.stageFinished("coarse", sizes[s]);
            coarse.put(sizes[s], rows);
        }
        List<CriticalResult.CoarseCrossing> coarseCrossings = new ArrayList<>();
        for (int s = 0; s + 1 < sizes.length; s++) {
            coarseCrossings.add(new CriticalResult.CoarseCrossing(sizes[s], sizes[s + 1],
                    coarseCrossing(grid, coarse.get(sizes[s]), coarse.get(sizes[s + 1]))));
        }
        TabulatedCrossing last = coarseCrossings.get(coarseCrossings.size() - 1).crossing();
        if (last == null) {
            throw new IllegalStateException(String.format("U4(T) of L = %d and L = %d do not cross in [%g, %g]; "
                    + "widen the temperature window (temperatures: start/stop) around T_c", sizes[sizes.length - 2],
                    sizes[sizes.length - 1], grid[0], grid[grid.length - 1]));
        }
        Estimate tc = new Estimate(last.x(), last.xError(), 0.5, 0);
        String method = "coarse-grid crossing of L = " + sizes[sizes.length - 2] + " and " + sizes[sizes.length - 1]
                + " (local line fits)";
        if (!options.refine()) {
            return new CriticalResult(dimension, coarse, coarseCrossings, Double.NaN, List.of(), tc, method, List.of(),
                    null, null, null, null, null, (System.nanoTime() - t0) / 1e9);
        }
        double tRef = last.x();
        List<PointSamples> refined = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            Hamiltonian h = model.apply(sizes[s]);
            long seed = Seeds.child(Seeds.child(options.seed(), s), CriticalOptions.REFINEMENT_STREAM);
            ScanListener l = listener.stageStarted("refine", sizes[s], 1);
            refined.add(sampler(h).run(0, tRef, options.refinementSamplesPerChain(), seed, true, l));
            listener.stageFinished("refine", sizes[s]);
        }
        double step = grid[1] - grid[0];
        List<BinderCrossing> crossings = new ArrayList<>();
        for (int s = 0; s + 1 < sizes.length; s++) {
            crossings.add(BinderCrossing.find(refined.get(s), refined.get(s + 1), tRef - 2 * step, tRef + 2 * step,
                    tRef));
        }
        BinderCrossing best = crossings.get(crossings.size() - 1);
        if (best != null) {
            tc = new Estimate(best.temperature(), best.temperatureError(), 0.5, 0);
            method = "reweighted crossing of L = " + best.length1() + " and " + best.length2()
                    + " (single histogram around T = " + tRef + ")";
        }
        List<SizeAtCriticality> atTc = measureAll(refined, tc.value());
        PowerLawFit m2 = scaling(atTc, SizeAtCriticality::magnetisation2);
        PowerLawFit slope = scaling(atTc, x -> abs(x.binderSlope()));
        double[] shift = {Double.NaN, Double.NaN};
        for (int k = 0; k < 2 && Double.isFinite(tc.error()); k++) {
            double t = tc.value() + (k == 0 ? -1 : 1) * tc.error();
            shift[k] = scaling(measureAllBinderOnly(refined, t), SizeAtCriticality::magnetisation2).exponent()
                    - m2.exponent();
        }
        return new CriticalResult(dimension, coarse, coarseCrossings, tRef, crossings, tc, method, atTc, m2, slope,
                correlatorScaling(atTc, true), correlatorScaling(atTc, false), shift, (System.nanoTime() - t0) / 1e9);
    }

    private PointSampler sampler(Hamiltonian h) {
        return new PointSampler(h, rules.apply(h), options.numChains(), options.thermalizationSweeps(),
                options.sweepsBetweenSamples());
    }

    private List<SizeAtCriticality> measureAll(List<PointSamples> runs, double tc) {
        List<SizeAtCriticality> out = new ArrayList<>();
        for (PointSamples p : runs) {
            out.add(SizeAtCriticality.measure(p, tc, options));
        }
        return out;
    }

    private List<SizeAtCriticality> measureAllBinderOnly(List<PointSamples> runs, double tc) {
        List<SizeAtCriticality> out = new ArrayList<>();
        for (PointSamples p : runs) {
            out.add(SizeAtCriticality.measure(new PointSamples(p.length(), p.numSites(), p.temperature(), p.binder(),
                    null, p.summary()), tc, options));
        }
        return out;
    }

    /**
     * FSS of a correlator at a fixed fraction of the size: at T_c, G(r, L) = L^(-2&Delta;) &Phi;(r/L), so
     * G(r = x L, L) &prop; L^(-2&Delta;) with x = correlatorMaxFraction. Null if any value is not positive.
     */
    private PowerLawFit correlatorScaling(List<SizeAtCriticality> atTc, boolean spin) {
        int n = atTc.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            SizeAtCriticality s = atTc.get(i);
            int r = options.correlatorMaxDistance(s.length());
            x[i] = s.length();
            y[i] = spin ? s.spinCorrelator()[r] : s.energyCorrelator()[r];
            e[i] = spin ? s.spinCorrelatorError()[r] : s.energyCorrelatorError()[r];
            if (!(y[i] > 0) || !(e[i] > 0)) {
                return null;
            }
        }
        return PowerLawFit.of(x, y, e);
    }

    private static Estimate abs(Estimate e) {
        return new Estimate(Math.abs(e.value()), e.error(), e.tauInt(), e.samples());
    }

    private static PowerLawFit scaling(List<SizeAtCriticality> atTc, Function<SizeAtCriticality, Estimate> f) {
        int n = atTc.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            Estimate v = f.apply(atTc.get(i));
            x[i] = atTc.get(i).length();
            y[i] = v.value();
            e[i] = v.error();
        }
        return PowerLawFit.of(x, y, e);
    }

    /** Coarse crossing from the direct U4 estimates, two grid points on each side. */
    static TabulatedCrossing coarseCrossing(double[] grid, List<TemperatureResult> a, List<TemperatureResult> b) {
        int n = grid.length;
        double[] ua = new double[n];
        double[] ea = new double[n];
        double[] ub = new double[n];
        double[] eb = new double[n];
        for (int i = 0; i < n; i++) {
            ua[i] = a.get(i).estimates().binder().value();
            ea[i] = Math.max(1e-12, a.get(i).estimates().binder().error());
            ub[i] = b.get(i).estimates().binder().value();
            eb[i] = Math.max(1e-12, b.get(i).estimates().binder().error());
        }
        return TabulatedCrossing.find(grid, ua, ea, ub, eb, 2);
    }
}
