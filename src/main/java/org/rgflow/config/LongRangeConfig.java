package org.rgflow.config;

/**
 * H = -&Sigma;_{i&lt;j} J / r_ij^(d+&sigma;) s_i s_j - h &Sigma; s_i with periodic boundaries by
 * {@code periodicSum}: {@code image-sum} (default, Ewald-type sum over all periodic images) or
 * {@code minimum-image}. {@code sigma} is required, in (0, 10].
 */
public record LongRangeConfig(Double couplingJ, Double field, Double sigma, String periodicSum)
        implements HamiltonianConfig {

    public LongRangeConfig {
        couplingJ = Checks.finite("couplingJ", couplingJ == null ? 1.0 : couplingJ);
        field = Checks.finite("field", field == null ? 0.0 : field);
        if (sigma == null) {
            throw new IllegalArgumentException("sigma: is required for type long-range (J(r) = J / r^(d+sigma); "
                    + "e.g. 1.5 for the non-trivial long-range fixed point)");
        }
        if (!(sigma > 0 && sigma <= 10)) {
            throw new IllegalArgumentException("sigma: must be in (0, 10], got " + sigma);
        }
        periodicSum = Checks.oneOf("periodicSum", periodicSum == null ? "image-sum" : periodicSum,
                "image-sum", "minimum-image");
    }
}
