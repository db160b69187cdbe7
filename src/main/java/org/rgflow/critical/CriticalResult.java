package org.rgflow.critical;

import java.util.List;
import java.util.Map;
import org.rgflow.mc.TemperatureResult;
import org.rgflow.observable.Estimate;
import org.rgflow.observable.PowerLawFit;
import org.rgflow.observable.TabulatedCrossing;

/**
 * Everything a critical-point run measured.
 *
 * @param dimension d
 * @param coarse per size L, the direct estimates on the coarse grid
 * @param coarseCrossings crossings of U4(T) on the coarse grid between successive sizes (null entries: none found)
 * @param refinementTemperature where the second pass sampled (NaN without refinement)
 * @param refinedCrossings reweighted crossings between successive sizes from the second pass (null: none found)
 * @param criticalTemperature T_c estimate: the crossing of the largest pair (refined if available)
 * @param criticalTemperatureMethod how it was obtained
 * @param atCriticality per size, observables reweighted to T_c (empty without refinement)
 * @param magnetisationScaling &lang;m&sup2;&rang;(L) &prop; L^(-2&Delta;_&sigma;) at T_c (null with fewer than 2 sizes)
 * @param binderSlopeScaling |dU4/dT|(L) &prop; L^(1/&nu;) at T_c
 * @param spinCorrelatorScaling G(r = x L, L) &prop; L^(-2&Delta;_&sigma;) at T_c with x = correlatorMaxFraction (null if not measured)
 * @param energyCorrelatorScaling the same for the connected energy correlator, &prop; L^(-2&Delta;_&epsilon;) (null if not positive)
 * @param magnetisationScalingShift change of the FSS exponent when T_c moves by &plusmn;1 &sigma;: {minus, plus}
 * @param seconds wall time
 */
public record CriticalResult(int dimension, Map<Integer, List<TemperatureResult>> coarse,
        List<CoarseCrossing> coarseCrossings, double refinementTemperature, List<BinderCrossing> refinedCrossings,
        Estimate criticalTemperature, String criticalTemperatureMethod, List<SizeAtCriticality> atCriticality,
        PowerLawFit magnetisationScaling, PowerLawFit binderSlopeScaling, PowerLawFit spinCorrelatorScaling,
        PowerLawFit energyCorrelatorScaling, double[] magnetisationScalingShift,
        double seconds) {

    /** A coarse-grid crossing between sizes L1 &lt; L2 (crossing null when U4 curves do not cross). */
    public record CoarseCrossing(int length1, int length2, TabulatedCrossing crossing) {
    }

    /** 2&Delta;_&sigma; = -(exponent of &lang;m&sup2;&rang; vs L). */
    public Estimate twoDeltaSigmaFromMagnetisation() {
        return magnetisationScaling == null ? null
                : new Estimate(-magnetisationScaling.exponent(), magnetisationScaling.exponentError(), 0.5,
                        atCriticality.size());
    }

    /** 2&Delta;_&sigma; = -(exponent of G(xL, L) vs L), or null. */
    public Estimate twoDeltaSigmaFromCorrelatorScaling() {
        return negated(spinCorrelatorScaling);
    }

    /** 2&Delta;_&epsilon; = -(exponent of C_&epsilon;&epsilon;(xL, L) vs L), or null. */
    public Estimate twoDeltaEpsilonFromCorrelatorScaling() {
        return negated(energyCorrelatorScaling);
    }

    private Estimate negated(PowerLawFit f) {
        return f == null ? null : new Estimate(-f.exponent(), f.exponentError(), 0.5, atCriticality.size());
    }

    /** 1/&nu; = exponent of |dU4/dT| vs L. */
    public Estimate inverseNu() {
        return binderSlopeScaling == null ? null
                : new Estimate(binderSlopeScaling.exponent(), binderSlopeScaling.exponentError(), 0.5,
                        atCriticality.size());
    }

    /** 2&Delta;_&epsilon; = 2(d - 1/&nu;). */
    public Estimate twoDeltaEpsilonFromNu() {
        Estimate nu = inverseNu();
        return nu == null ? null : new Estimate(2 * (dimension - nu.value()), 2 * nu.error(), 0.5, nu.samples());
    }

    /** The largest size measured at T_c, or null. */
    public SizeAtCriticality largest() {
        return atCriticality.isEmpty() ? null : atCriticality.get(atCriticality.size() - 1);
    }
}
