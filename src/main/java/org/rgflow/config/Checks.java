package org.rgflow.config;

/** Range checks for compact constructors; messages start with the key so errors can name it. */
final class Checks {

    private Checks() {
    }

    static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** Most sites of a lattice (HypercubicLattice's limit: its neighbour table is one int array). */
    static final long MAX_SITES = 1L << 28;

    /** L^d, refused (naming {@code key}) above {@link #MAX_SITES}: computed in long, so it cannot overflow. */
    static long sites(String key, int dimension, int length) {
        long n = 1;
        for (int k = 0; k < dimension; k++) {
            n *= length; // length <= 2^14 and d <= 3: at most 2^42
        }
        if (n > MAX_SITES) {
            throw new IllegalArgumentException(key + ": L^d = " + length + "^" + dimension + " = " + n
                    + " sites; at most 2^28 = " + MAX_SITES + " are supported");
        }
        return n;
    }

    /** A product of sizes that must fit one Java array (2^31 - 1 elements), refused naming {@code key}. */
    static void arraySize(String key, long a, long b, String what) {
        if (a * b > Integer.MAX_VALUE) { // a, b < 2^31: the long product cannot overflow
            throw new IllegalArgumentException(key + ": " + a + " x " + b + " = " + a * b + " " + what
                    + "; at most 2^31 - 1 fit one array");
        }
    }

    static double finite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + ": must be a finite number, got " + value);
        }
        return value;
    }

    static double positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + ": must be a positive finite number, got " + value);
        }
        return value;
    }

    static double nonNegative(String key, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(key + ": must be a finite number >= 0, got " + value);
        }
        return value;
    }

    static String oneOf(String key, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(key + ": must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
}
