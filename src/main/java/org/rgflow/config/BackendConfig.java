package org.rgflow.config;

/**
 * Backend requirement: {@code require: any} (default), {@code cpu} or {@code cuda}; rgflow fails fast
 * when the loaded ND4J backend differs. {@code dtype} is the ND4J floating type for tensor work
 * ({@code float} default, or {@code double}).
 */
public record BackendConfig(String require, String dtype) {

    public BackendConfig {
        require = Checks.oneOf("require", require == null ? "any" : require, "any", "cpu", "cuda");
        dtype = Checks.oneOf("dtype", dtype == null ? "float" : dtype, "float", "double");
    }
}
