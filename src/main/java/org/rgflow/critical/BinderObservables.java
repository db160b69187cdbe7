package org.rgflow.critical;

import static org.rgflow.critical.PointSamples.E;
import static org.rgflow.critical.PointSamples.M2;
import static org.rgflow.critical.PointSamples.M2E;
import static org.rgflow.critical.PointSamples.M4;
import static org.rgflow.critical.PointSamples.M4E;

/**
 * Functions of the (reweighted) means of the {@link PointSamples#binder()} columns.
 *
 * <p>U4 = 1 - &lang;m&#8308;&rang;/(3&lang;m&sup2;&rang;&sup2;). Its temperature derivative follows from
 * d&lang;O&rang;/dT = (&lang;O E&rang; - &lang;O&rang;&lang;E&rang;)/T&sup2; = N(&lang;O e&rang; -
 * &lang;O&rang;&lang;e&rang;)/T&sup2;:
 * dU4/dT = -(1/3)[&lang;m&#8308;&rang;'/&lang;m&sup2;&rang;&sup2; - 2&lang;m&#8308;&rang;&lang;m&sup2;&rang;'/&lang;m&sup2;&rang;&sup3;].
 * At T_c, |dU4/dT| &prop; L^(1/&nu;), hence &Delta;_&epsilon; = d - 1/&nu;.
 */
final class BinderObservables {

    private BinderObservables() {
    }

    static double binder(double[] x) {
        return 1 - x[M4] / (3 * x[M2] * x[M2]);
    }

    /** dU4/dT at temperature T for N sites. */
    static double binderSlope(double[] x, int numSites, double temperature) {
        double scale = numSites / (temperature * temperature);
        double dm2 = scale * (x[M2E] - x[M2] * x[E]);
        double dm4 = scale * (x[M4E] - x[M4] * x[E]);
        double m2 = x[M2];
        return -(dm4 / (m2 * m2) - 2 * x[M4] * dm2 / (m2 * m2 * m2)) / 3;
    }
}
