package org.rgflow.config;

/**
 * @param type           {@code random} (default), {@code grid} or {@code genetic}
 * @param gridPoints     grid values per continuous (or wide integer) dimension (default 3)
 * @param populationSize genetic population (default 10)
 */
public record SearchGeneratorConfig(String type, Integer gridPoints, Integer populationSize) {

    public SearchGeneratorConfig {
        type = Checks.oneOf("generator.type", type == null ? "random" : type, "random", "grid", "genetic");
        gridPoints = Checks.inRange("generator.gridPoints", gridPoints == null ? 3 : gridPoints, 1, 1000);
        populationSize = Checks.inRange("generator.populationSize", populationSize == null ? 10 : populationSize, 2,
                10_000);
    }
}
