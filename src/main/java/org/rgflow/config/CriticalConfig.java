package org.rgflow.config;

import java.util.List;

/**
 * The {@code rgflow critical} config: a model, lattice sizes and a temperature window around T_c.
 * Required: {@code name}, {@code seed}, {@code sizes}, {@code hamiltonian}, {@code temperatures};
 * {@code dimension} defaults to 2, {@code sampling} and {@code refinement} to the defaults of their records.
 *
 * @param sizes linear sizes L, at least two, strictly increasing (crossings of successive sizes)
 * @param temperatures the coarse grid: at least two temperatures, all &gt; 0 (T = 0 is not allowed here)
 */
public record CriticalConfig(
        String kind,
        String name,
        Long seed,
        Integer dimension,
        List<Integer> sizes,
        HamiltonianConfig hamiltonian,
        TemperatureGrid temperatures,
        CriticalSamplingConfig sampling,
        CriticalRefinementConfig refinement) {

    public CriticalConfig {
        kind = Checks.oneOf("kind", kind == null ? "critical" : kind, "critical");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}")) {
            throw new IllegalArgumentException("name: is required: letters, digits, '.', '_' or '-' (at most 81), got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (seed == null) {
            throw new IllegalArgumentException("seed: is required (any 64-bit integer; it fixes every random number of the run)");
        }
        dimension = Checks.inRange("dimension", dimension == null ? 2 : dimension, 1, 3);
        if (sizes == null || sizes.size() < 2) {
            throw new IllegalArgumentException("sizes: list at least two lattice sizes L, e.g. [16, 32, 64]");
        }
        for (int i = 0; i < sizes.size(); i++) {
            Integer l = sizes.get(i);
            if (l == null || l < 4 || l > 4096 || (i > 0 && l <= sizes.get(i - 1))) {
                throw new IllegalArgumentException("sizes: must be increasing integers in [4, 4096], got " + sizes);
            }
        }
        sizes = List.copyOf(sizes);
        Checks.sites("sizes", dimension, sizes.get(sizes.size() - 1));
        if (hamiltonian == null) {
            throw new IllegalArgumentException("hamiltonian: section is required");
        }
        if (hamiltonian.field() != 0) {
            throw new IllegalArgumentException("hamiltonian.field: must be 0 for a critical-point run (Binder "
                    + "crossings locate the zero-field transition), got " + hamiltonian.field());
        }
        if (temperatures == null) {
            throw new IllegalArgumentException("temperatures: section is required (a window around T_c)");
        }
        double[] t = temperatures.toArray();
        if (t.length < 2 || t[0] <= 0) {
            throw new IllegalArgumentException("temperatures: need at least 2 temperatures, all > 0");
        }
        sampling = sampling == null ? new CriticalSamplingConfig(null, null, null, null, null, null) : sampling;
        refinement = refinement == null ? new CriticalRefinementConfig(null, null, null, null) : refinement;
    }
}
