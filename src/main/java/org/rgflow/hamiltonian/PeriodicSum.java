package org.rgflow.hamiltonian;

/**
 * How a long-range coupling J(r) = J / r^(d+&sigma;) is made periodic on the torus Z_L^d.
 *
 * <ul>
 *   <li>{@link #IMAGE_SUM} (default): J_L(&Delta;) = J &Sigma;_{n&isin;Z^d} |&Delta; + nL|^-(d+&sigma;), every
 *       periodic image of the partner counted; the self-image sum at &Delta; = 0 is a constant and is
 *       dropped. This is the coupling of the infinite lattice restricted to L-periodic configurations.</li>
 *   <li>{@link #MINIMUM_IMAGE}: J(|&Delta;_min|) with the shortest periodic displacement, components in
 *       [-L/2, L/2]. A component at exactly L/2 (even L) has two shortest images of equal length; a
 *       single term is kept, so the coupling is not doubled.</li>
 * </ul>
 */
public enum PeriodicSum {
    IMAGE_SUM("image-sum"),
    MINIMUM_IMAGE("minimum-image");

    private final String id;

    PeriodicSum(String id) {
        this.id = id;
    }

    /** Identifier used in configs and manifests: {@code "image-sum"} or {@code "minimum-image"}. */
    public String id() {
        return id;
    }

    /** Parses {@link #id()} (or the enum constant name, case-insensitive). */
    public static PeriodicSum of(String text) {
        for (PeriodicSum p : values()) {
            if (p.id.equalsIgnoreCase(text) || p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown periodicSum '" + text + "': use image-sum or minimum-image");
    }
}
