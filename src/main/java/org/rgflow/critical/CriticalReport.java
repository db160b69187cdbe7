package org.rgflow.critical;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.observable.Estimate;
import org.rgflow.plot.LinePlot;
import org.rgflow.provenance.AtomicFiles;

/**
 * Writes a {@link CriticalResult} into a directory: CSV tables (binder.csv, crossings.csv,
 * at-tc.csv, correlators.csv, fits.csv) and PNG figures (binder.png with T_c marked,
 * spin-correlator.png and energy-correlator.png on log&ndash;log axes with the fitted curve,
 * magnetisation-scaling.png, binder-slope-scaling.png and correlator-scaling.png against L). Every file is
 * written atomically.
 */
public final class CriticalReport {

    private CriticalReport() {
    }

    /** @return the relative names of the files written, in order */
    public static List<String> write(CriticalResult r, Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        text(dir, "binder.csv", CriticalTables.binder(r), files);
        text(dir, "crossings.csv", CriticalTables.crossings(r), files);
        text(dir, "fits.csv", CriticalTables.fits(r), files);
        if (!r.atCriticality().isEmpty()) {
            text(dir, "at-tc.csv", CriticalTables.atCriticality(r), files);
            text(dir, "correlators.csv", CriticalTables.correlators(r), files);
        }
        binderFigure(r).writePng(dir.resolve("binder.png"));
        files.add("binder.png");
        SizeAtCriticality big = r.largest();
        if (big != null && big.spinFit() != null) {
            correlatorFigure(r, true).writePng(dir.resolve("spin-correlator.png"));
            files.add("spin-correlator.png");
            correlatorFigure(r, false).writePng(dir.resolve("energy-correlator.png"));
            files.add("energy-correlator.png");
        }
        if (r.magnetisationScaling() != null) {
            scalingFigure(r, true).writePng(dir.resolve("magnetisation-scaling.png"));
            files.add("magnetisation-scaling.png");
            scalingFigure(r, false).writePng(dir.resolve("binder-slope-scaling.png"));
            files.add("binder-slope-scaling.png");
        }
        if (r.spinCorrelatorScaling() != null) {
            correlatorScalingFigure(r).writePng(dir.resolve("correlator-scaling.png"));
            files.add("correlator-scaling.png");
        }
        return files;
    }

    /** The headline numbers, for the manifest and the console. */
    public static Map<String, Object> summary(CriticalResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "criticalTemperature", r.criticalTemperature());
        m.put("criticalTemperatureMethod", r.criticalTemperatureMethod());
        m.put("refinementTemperature", Double.isNaN(r.refinementTemperature()) ? null : r.refinementTemperature());
        put(m, "twoDeltaSigmaFromMagnetisation", r.twoDeltaSigmaFromMagnetisation());
        if (r.magnetisationScalingShift() != null) {
            m.put("twoDeltaSigmaFromMagnetisationTcShift", List.of(-r.magnetisationScalingShift()[0],
                    -r.magnetisationScalingShift()[1]));
        }
        put(m, "twoDeltaSigmaFromCorrelatorScaling", r.twoDeltaSigmaFromCorrelatorScaling());
        put(m, "twoDeltaEpsilonFromCorrelatorScaling", r.twoDeltaEpsilonFromCorrelatorScaling());
        put(m, "inverseNu", r.inverseNu());
        put(m, "twoDeltaEpsilonFromNu", r.twoDeltaEpsilonFromNu());
        SizeAtCriticality big = r.largest();
        if (big != null && big.spinFit() != null) {
            put(m, "twoDeltaSigmaFromCorrelator", big.spinExponent());
            put(m, "twoDeltaEpsilonFromCorrelator", big.energyExponent());
            m.put("correlatorFit", Map.of("length", big.length(), "rMin", big.spinFit().rMin(), "rMax",
                    big.spinFit().rMax(), "form", "A [r^-p + (L - r)^-p]"));
        }
        BinderCrossing last = r.refinedCrossings().isEmpty() ? null
                : r.refinedCrossings().get(r.refinedCrossings().size() - 1);
        if (last != null) {
            put(m, "binderAtCrossing", new Estimate(last.binder(), last.binderError(), 0.5, 0));
        }
        m.put("seconds", r.seconds());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Estimate e) {
        if (e != null) {
            m.put(key, Map.of("value", e.value(), "error", e.error()));
        }
    }

    private static void text(Path dir, String name, String content, List<String> files) throws IOException {
        AtomicFiles.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
        files.add(name);
    }

    private static LinePlot binderFigure(CriticalResult r) {
        LinePlot p = LinePlot.of("Binder cumulant U4(T, L)", "T", "U4");
        r.coarse().forEach((length, rows) -> {
            double[] t = rows.stream().mapToDouble(TemperatureResult::temperature).toArray();
            double[] u = rows.stream().mapToDouble(x -> x.estimates().binder().value()).toArray();
            double[] e = rows.stream().mapToDouble(x -> x.estimates().binder().error()).toArray();
            p.series("L = " + length, t, u, e, LinePlot.Style.LINE_POINTS);
        });
        Estimate tc = r.criticalTemperature();
        p.verticalLine(String.format("Tc = %.4f ± %.4f", tc.value(), tc.error()), tc.value());
        for (BinderCrossing c : r.refinedCrossings()) {
            if (c != null) {
                p.mark(String.format("crossing %d/%d", c.length1(), c.length2()), c.temperature(), c.binder());
            }
        }
        return p;
    }

    private static LinePlot correlatorFigure(CriticalResult r, boolean spin) {
        LinePlot p = LinePlot.of(spin ? "G(r) = <s0 sr> at Tc" : "connected <e0 er> at Tc", "r",
                spin ? "G(r)" : "C_ee(r)").logX().logY();
        for (SizeAtCriticality s : r.atCriticality()) {
            double[] v = spin ? s.spinCorrelator() : s.energyCorrelator();
            double[] e = spin ? s.spinCorrelatorError() : s.energyCorrelatorError();
            List<double[]> pts = new ArrayList<>();
            for (int d = 1; d < v.length; d++) {
                if (v[d] > 0 && v[d] > e[d]) {
                    pts.add(new double[] {d, v[d], Math.min(e[d], 0.9 * v[d])});
                }
            }
            if (!pts.isEmpty()) {
                p.points("L = " + s.length(), pts.stream().mapToDouble(x -> x[0]).toArray(),
                        pts.stream().mapToDouble(x -> x[1]).toArray(), pts.stream().mapToDouble(x -> x[2]).toArray());
            }
        }
        SizeAtCriticality big = r.largest();
        var fit = spin ? big.spinFit() : big.energyFit();
        Estimate exp = spin ? big.spinExponent() : big.energyExponent();
        int n = fit.rMax() - fit.rMin() + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = fit.rMin() + i;
            y[i] = fit.at(x[i], big.length());
        }
        p.line(String.format("fit L = %d, r = %d..%d: p = %.3f ± %.3f", big.length(), fit.rMin(), fit.rMax(),
                exp.value(), exp.error()), x, y);
        return p;
    }

    private static LinePlot correlatorScalingFigure(CriticalResult r) {
        LinePlot p = LinePlot.of("correlators at r = xL, Tc, vs L", "L", "G(xL), C_ee(xL)").logX().logY();
        for (boolean spin : new boolean[] {true, false}) {
            var fit = spin ? r.spinCorrelatorScaling() : r.energyCorrelatorScaling();
            if (fit == null) {
                continue;
            }
            List<SizeAtCriticality> s = r.atCriticality();
            double[] l = new double[s.size()];
            double[] v = new double[s.size()];
            double[] e = new double[s.size()];
            double[] f = new double[s.size()];
            int r0 = -1;
            for (int i = 0; i < s.size(); i++) {
                SizeAtCriticality x = s.get(i);
                int d = distance(r, x.length());
                r0 = d;
                l[i] = x.length();
                v[i] = spin ? x.spinCorrelator()[d] : x.energyCorrelator()[d];
                e[i] = Math.min(0.9 * v[i], spin ? x.spinCorrelatorError()[d] : x.energyCorrelatorError()[d]);
                f[i] = fit.at(l[i]);
            }
            String name = spin ? "G" : "C_ee";
            p.points(name + "(r = " + r0 + " at L = " + (int) l[l.length - 1] + ")", l, v, e);
            p.line(String.format("%s fit: 2Delta = %.4f ± %.4f", name, -fit.exponent(), fit.exponentError()), l, f);
        }
        return p;
    }

    /** The distance used for the correlator FSS at size L (recorded in at-tc.csv as rMax). */
    private static int distance(CriticalResult r, int length) {
        for (SizeAtCriticality s : r.atCriticality()) {
            if (s.length() == length) {
                return s.spinFit().rMax();
            }
        }
        throw new IllegalStateException("no size " + length);
    }

    private static LinePlot scalingFigure(CriticalResult r, boolean magnetisation) {
        var fit = magnetisation ? r.magnetisationScaling() : r.binderSlopeScaling();
        LinePlot p = LinePlot.of(magnetisation ? "<m^2> at Tc vs L" : "|dU4/dT| at Tc vs L", "L",
                magnetisation ? "<m^2>" : "|dU4/dT|").logX().logY();
        List<SizeAtCriticality> s = r.atCriticality();
        double[] l = s.stream().mapToDouble(SizeAtCriticality::length).toArray();
        double[] v = s.stream().mapToDouble(x -> Math.abs((magnetisation ? x.magnetisation2() : x.binderSlope()).value()))
                .toArray();
        double[] e = s.stream().mapToDouble(x -> (magnetisation ? x.magnetisation2() : x.binderSlope()).error())
                .toArray();
        p.points("Monte Carlo", l, v, e);
        double[] fy = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            fy[i] = fit.at(l[i]);
        }
        p.line(String.format("fit: exponent %.4f ± %.4f (chi2/dof %.2f)", fit.exponent(), fit.exponentError(),
                fit.chiSquarePerDof()), l, fy);
        return p;
    }
}
