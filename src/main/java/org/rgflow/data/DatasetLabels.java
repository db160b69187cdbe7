package org.rgflow.data;

import java.util.Objects;

/**
 * The labels shared by every configuration of a dataset.
 *
 * @param dimension lattice dimension d &ge; 1
 * @param length    linear size L &ge; 1; a configuration has L<sup>d</sup> sites
 * @param model     model name, e.g. {@code ising-nn} or {@code ising-lr}
 * @param sigma     long-range exponent &sigma; of J(r) = r<sup>-(d+&sigma;)</sup>, or NaN when the
 *                  model is not long-range
 */
public record DatasetLabels(int dimension, int length, String model, double sigma) {

    /** Largest supported configuration: 2<sup>28</sup> sites. */
    public static final int MAX_SITES = 1 << 28;

    public DatasetLabels {
        Objects.requireNonNull(model, "model");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank (e.g. ising-nn)");
        }
        if (Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite or NaN (not long-range), got " + sigma);
        }
        sitesOf(dimension, length);
    }

    /** Labels of a short-range model (sigma = NaN). */
    public static DatasetLabels of(int dimension, int length, String model) {
        return new DatasetLabels(dimension, length, model, Double.NaN);
    }

    /** Number of spins per configuration, L<sup>d</sup>. */
    public int numSites() {
        return sitesOf(dimension, length);
    }

    /** Whether {@link #sigma()} is set. */
    public boolean isLongRange() {
        return !Double.isNaN(sigma);
    }

    /** {@link #sigma()} as the manifest stores it: null when not long-range. */
    public Double sigmaOrNull() {
        return isLongRange() ? sigma : null;
    }

    static int sitesOf(int dimension, int length) {
        long n = 1;
        for (int k = 0; k < dimension; k++) {
            n *= length;
            if (n > MAX_SITES) {
                throw new IllegalArgumentException("L^d = " + length + "^" + dimension
                        + " exceeds the supported " + MAX_SITES + " sites");
            }
        }
        return (int) n;
    }
}
