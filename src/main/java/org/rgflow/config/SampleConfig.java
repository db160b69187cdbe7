package org.rgflow.config;

/**
 * The {@code rgflow sample} config: model, temperatures, sampler and output. Missing optional
 * sections take the defaults documented on each record; {@code lattice}, {@code hamiltonian} and
 * {@code temperatures} are required.
 */
public record SampleConfig(
        String kind,
        String name,
        Long seed,
        LatticeConfig lattice,
        HamiltonianConfig hamiltonian,
        TemperatureGrid temperatures,
        SamplerConfig sampler,
        OutputConfig output,
        BackendConfig backend) {

    public SampleConfig {
        kind = Checks.oneOf("kind", kind == null ? "sample" : kind, "sample");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}")) {
            throw new IllegalArgumentException("name: is required: letters, digits, '.', '_' or '-' (at most 81), got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (seed == null) {
            throw new IllegalArgumentException("seed: is required (any 64-bit integer; it fixes every random number of the run)");
        }
        required("lattice", lattice);
        required("hamiltonian", hamiltonian);
        required("temperatures", temperatures);
        sampler = sampler == null ? new SamplerConfig(null, null, null, null, null, null, null, null) : sampler;
        output = output == null ? new OutputConfig(null) : output;
        backend = backend == null ? new BackendConfig(null, null) : backend;
        if (sampler.globalFlip() && hamiltonian.field() != 0) {
            throw new IllegalArgumentException("sampler.globalFlip: must be false when hamiltonian.field is not 0 "
                    + "(a global flip is a symmetry only at zero field)");
        }
    }

    private static void required(String key, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": section is required");
        }
    }
}
