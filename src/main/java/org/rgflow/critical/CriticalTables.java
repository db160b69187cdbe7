package org.rgflow.critical;

import java.util.List;
import java.util.Locale;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.observable.Estimate;
import org.rgflow.observable.ThermodynamicEstimates;

/** CSV tables of a {@link CriticalResult} (plain RFC 4180, one header row, '.' decimal point). */
final class CriticalTables {

    private CriticalTables() {
    }

    /** U4(T, L) and the other direct estimates of the coarse grid. */
    static String binder(CriticalResult r) {
        StringBuilder sb = new StringBuilder("length,temperature,binder,binderError,magnetisation2,magnetisation2Error,"
                + "absMagnetisation,absMagnetisationError,energy,energyError,specificHeat,specificHeatError,"
                + "susceptibility,susceptibilityError,tauIntEnergy,tauIntAbsMagnetisation,samples,seconds\n");
        r.coarse().forEach((length, rows) -> {
            for (TemperatureResult t : rows) {
                ThermodynamicEstimates e = t.estimates();
                sb.append(length).append(',').append(num(t.temperature()));
                for (Estimate x : List.of(e.binder(), e.magnetisation2(), e.absMagnetisation(), e.energy(),
                        e.specificHeat(), e.susceptibility())) {
                    sb.append(',').append(num(x.value())).append(',').append(num(x.error()));
                }
                sb.append(',').append(num(e.tauEnergy())).append(',').append(num(e.tauAbsMagnetisation()))
                        .append(',').append(e.energy().samples()).append(',').append(num(t.seconds())).append('\n');
            }
        });
        return sb.toString();
    }

    /** Coarse and reweighted crossings of successive sizes. */
    static String crossings(CriticalResult r) {
        StringBuilder sb = new StringBuilder(
                "stage,length1,length2,temperature,temperatureError,binder,binderError,windowLow,windowHigh\n");
        for (CriticalResult.CoarseCrossing c : r.coarseCrossings()) {
            var x = c.crossing();
            sb.append("coarse,").append(c.length1()).append(',').append(c.length2()).append(',');
            sb.append(x == null ? ",,,,," : num(x.x()) + "," + num(x.xError()) + "," + num(x.y()) + ","
                    + num(x.yError()) + "," + num(x.xLow()) + "," + num(x.xHigh()));
            sb.append('\n');
        }
        for (int i = 0; i < r.refinedCrossings().size(); i++) {
            BinderCrossing c = r.refinedCrossings().get(i);
            if (c == null) {
                continue;
            }
            sb.append("reweighted,").append(c.length1()).append(',').append(c.length2()).append(',')
                    .append(num(c.temperature())).append(',').append(num(c.temperatureError())).append(',')
                    .append(num(c.binder())).append(',').append(num(c.binderError())).append(',')
                    .append(num(c.windowLow())).append(',').append(num(c.windowHigh())).append('\n');
        }
        return sb.toString();
    }

    /** Per size at T_c. */
    static String atCriticality(CriticalResult r) {
        StringBuilder sb = new StringBuilder("length,temperature,simulatedTemperature,effectiveFraction,magnetisation2,"
                + "magnetisation2Error,binder,binderError,binderSlope,binderSlopeError,spinExponent,spinExponentError,"
                + "spinChiSquarePerDof,energyExponent,energyExponentError,energyChiSquarePerDof,rMin,rMax\n");
        for (SizeAtCriticality s : r.atCriticality()) {
            sb.append(s.length()).append(',').append(num(s.temperature())).append(',')
                    .append(num(s.simulatedTemperature())).append(',').append(num(s.effectiveFraction()));
            for (Estimate x : List.of(s.magnetisation2(), s.binder(), s.binderSlope())) {
                sb.append(',').append(num(x.value())).append(',').append(num(x.error()));
            }
            if (s.spinFit() != null) {
                sb.append(',').append(num(s.spinExponent().value())).append(',').append(num(s.spinExponent().error()))
                        .append(',').append(num(s.spinFit().chiSquarePerDof())).append(',')
                        .append(num(s.energyExponent().value())).append(',').append(num(s.energyExponent().error()))
                        .append(',').append(num(s.energyFit().chiSquarePerDof())).append(',')
                        .append(s.spinFit().rMin()).append(',').append(s.spinFit().rMax());
            } else {
                sb.append(",,,,,,,,");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** G(r) and the connected energy correlator per size at T_c. */
    static String correlators(CriticalResult r) {
        StringBuilder sb = new StringBuilder("length,distance,spin,spinError,energyConnected,energyConnectedError\n");
        for (SizeAtCriticality s : r.atCriticality()) {
            if (s.spinCorrelator() == null) {
                continue;
            }
            for (int d = 0; d < s.spinCorrelator().length; d++) {
                sb.append(s.length()).append(',').append(d).append(',').append(num(s.spinCorrelator()[d])).append(',')
                        .append(num(s.spinCorrelatorError()[d])).append(',').append(num(s.energyCorrelator()[d]))
                        .append(',').append(num(s.energyCorrelatorError()[d])).append('\n');
            }
        }
        return sb.toString();
    }

    /** The headline fits: quantity, value, error, fit range, chi^2/dof, method. */
    static String fits(CriticalResult r) {
        StringBuilder sb = new StringBuilder("quantity,value,error,range,chiSquarePerDof,method\n");
        row(sb, "criticalTemperature", r.criticalTemperature(), "", Double.NaN, r.criticalTemperatureMethod());
        if (r.magnetisationScaling() != null) {
            var m = r.magnetisationScaling();
            row(sb, "twoDeltaSigma", r.twoDeltaSigmaFromMagnetisation(), "L=" + (int) m.xMin() + ".." + (int) m.xMax(),
                    m.chiSquarePerDof(), "FSS <m^2>(L) ~ L^(-2 Delta_sigma) at Tc");
            var s = r.binderSlopeScaling();
            row(sb, "inverseNu", r.inverseNu(), "L=" + (int) s.xMin() + ".." + (int) s.xMax(), s.chiSquarePerDof(),
                    "FSS |dU4/dT|(L) ~ L^(1/nu) at Tc (reweighting covariance)");
            row(sb, "twoDeltaEpsilon", r.twoDeltaEpsilonFromNu(), "L=" + (int) s.xMin() + ".." + (int) s.xMax(),
                    s.chiSquarePerDof(), "2 (d - 1/nu)");
        }
        for (boolean spin : new boolean[] {true, false}) {
            var f = spin ? r.spinCorrelatorScaling() : r.energyCorrelatorScaling();
            if (f != null) {
                row(sb, spin ? "twoDeltaSigmaCorrelatorScaling" : "twoDeltaEpsilonCorrelatorScaling",
                        spin ? r.twoDeltaSigmaFromCorrelatorScaling() : r.twoDeltaEpsilonFromCorrelatorScaling(),
                        "L=" + (int) f.xMin() + ".." + (int) f.xMax() + " at r=xL", f.chiSquarePerDof(),
                        spin ? "FSS G(xL, L) ~ L^(-2 Delta_sigma) at Tc" : "FSS connected C_ee(xL, L) ~ L^(-2 Delta_eps) at Tc");
            }
        }
        SizeAtCriticality big = r.largest();
        if (big != null && big.spinFit() != null) {
            String range = "L=" + big.length() + " r=" + big.spinFit().rMin() + ".." + big.spinFit().rMax();
            row(sb, "twoDeltaSigmaCorrelator", big.spinExponent(), range, big.spinFit().chiSquarePerDof(),
                    "G(r) = A[r^-p + (L-r)^-p], jackknife error");
            row(sb, "twoDeltaEpsilonCorrelator", big.energyExponent(), range, big.energyFit().chiSquarePerDof(),
                    "connected bond-energy correlator, A[r^-p + (L-r)^-p], jackknife error");
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Estimate e, String range, double chi2, String method) {
        sb.append(name).append(',').append(num(e.value())).append(',').append(num(e.error())).append(',').append(range)
                .append(',').append(num(chi2)).append(",\"").append(method).append("\"\n");
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "";
    }
}
