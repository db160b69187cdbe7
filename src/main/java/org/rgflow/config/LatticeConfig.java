package org.rgflow.config;

/**
 * Hypercubic periodic lattice: {@code dimension} d in {1, 2, 3} and linear size {@code length} L, with L^d at most
 * 2^28 sites.
 */
public record LatticeConfig(Integer dimension, Integer length) {

    public LatticeConfig {
        dimension = Checks.inRange("dimension", dimension == null ? 2 : dimension, 1, 3);
        if (length == null) {
            throw new IllegalArgumentException("length: is required (the linear size L, e.g. 16)");
        }
        Checks.inRange("length", length, 2, 1 << 14);
        Checks.sites("length", dimension, length);
    }
}
