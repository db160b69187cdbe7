package org.rgflow.analysis;

import java.util.List;
import java.util.Locale;
import org.rgflow.observable.Estimate;

/**
 * Pooled estimates over a batch of independent configurations on N sites (each &plusmn; one standard error, by a
 * delete-one-block jackknife over groups of configurations; {@code tauInt} = 0.5 because flowed configurations
 * come from independent chains):
 *
 * @param absMagnetization    &lang;|m|&rang;
 * @param magnetizationSquared &lang;m&sup2;&rang;
 * @param binder              U4 = 1 &minus; &lang;m&#8308;&rang; / (3&lang;m&sup2;&rang;&sup2;)
 * @param energy              &lang;e&rang;, e = &minus;(1/N) &Sigma;_&lang;ij&rang; s_i s_j (J = 1)
 * @param energyVariance      N(&lang;e&sup2;&rang; &minus; &lang;e&rang;&sup2;) = C T&sup2; (specific-heat-like)
 * @param magneticVariance    N(&lang;m&sup2;&rang; &minus; &lang;|m|&rang;&sup2;) = &chi; T
 * @param nearestNeighbour    &lang;s_i s_{i+e}&rang; over sites and the d axes (= &minus;&lang;e&rang;/d)
 */
public record ObservableSummary(Estimate absMagnetization, Estimate magnetizationSquared, Estimate binder,
        Estimate energy, Estimate energyVariance, Estimate magneticVariance, Estimate nearestNeighbour) {

    /** Column names of {@link #csvValues()}: value and error of each estimate. */
    public static final List<String> CSV_COLUMNS = List.of("abs_m", "abs_m_err", "m2", "m2_err", "binder_u4",
            "binder_u4_err", "energy", "energy_err", "energy_variance", "energy_variance_err", "magnetic_variance",
            "magnetic_variance_err", "nn_correlation", "nn_correlation_err");

    /** The estimates in {@link #CSV_COLUMNS} order. */
    public List<Estimate> estimates() {
        return List.of(absMagnetization, magnetizationSquared, binder, energy, energyVariance, magneticVariance,
                nearestNeighbour);
    }

    /** Comma-separated values and errors, {@link #CSV_COLUMNS} order, locale-independent. */
    public String csvValues() {
        StringBuilder sb = new StringBuilder();
        for (Estimate e : estimates()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.10g,%.4g", e.value(), e.error()));
        }
        return sb.toString();
    }
}
