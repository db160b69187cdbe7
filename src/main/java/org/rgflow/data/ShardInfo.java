package org.rgflow.data;

import java.util.Objects;

/**
 * One shard of a dataset: {@code count} configurations, all at one temperature.
 *
 * @param spins        file name of the int8 {@code .npy} array [count, numSites], values &plusmn;1
 * @param temperatures file name of the float64 {@code .npy} array [count], every entry {@code temperature}
 * @param count        number of configurations, &ge; 1
 * @param temperature  the temperature of every configuration, finite and &gt; 0
 */
public record ShardInfo(String spins, String temperatures, long count, double temperature) {

    public ShardInfo {
        checkFileName(spins, "spins");
        checkFileName(temperatures, "temperatures");
        if (spins.equals(temperatures)) {
            throw new IllegalArgumentException("spins and temperatures must be different files, both are " + spins);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count of shard " + spins + " must be >= 1, got " + count);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature of shard " + spins + " must be finite and >= 0 (0 = ground-state ensemble), got " + temperature);
        }
    }

    /** A shard file is a plain {@code *.npy} name inside the dataset directory (no path, not hidden). */
    static void checkFileName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!name.endsWith(".npy") || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException(what + " file must be a plain *.npy name inside the dataset "
                    + "directory, got '" + name + "'");
        }
    }
}
