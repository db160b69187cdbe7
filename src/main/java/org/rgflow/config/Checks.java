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
