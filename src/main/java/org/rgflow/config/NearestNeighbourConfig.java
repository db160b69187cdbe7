package org.rgflow.config;

/** H = -J &Sigma;_&lt;ij&gt; s_i s_j - h &Sigma; s_i. Defaults: couplingJ 1, field 0. */
public record NearestNeighbourConfig(Double couplingJ, Double field) implements HamiltonianConfig {

    public NearestNeighbourConfig {
        couplingJ = Checks.finite("couplingJ", couplingJ == null ? 1.0 : couplingJ);
        field = Checks.finite("field", field == null ? 0.0 : field);
    }
}
