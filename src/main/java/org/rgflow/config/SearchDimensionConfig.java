package org.rgflow.config;

import java.util.List;

/**
 * One search dimension: exactly one of a range ({@code type: int|float}, {@code min}, {@code max}, optional
 * {@code log: true} for log-uniform sampling and a geometric grid), a list of {@code values} (discrete or
 * categorical), or a {@code fixed} value.
 */
public record SearchDimensionConfig(String type, Double min, Double max, Boolean log, List<Object> values,
        Object fixed) {

    public SearchDimensionConfig {
        log = log != null && log;
        int kinds = (values != null ? 1 : 0) + (fixed != null ? 1 : 0) + (min != null || max != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("a dimension needs exactly one of {type, min, max}, values or fixed");
        }
        if (min != null || max != null) {
            type = Checks.oneOf("type", type, "int", "float");
            if (min == null || max == null || !(min <= max)) {
                throw new IllegalArgumentException("a range needs min <= max, got [" + min + ", " + max + "]");
            }
            if (log && !(min > 0)) {
                throw new IllegalArgumentException("log: true needs min > 0, got " + min);
            }
            if ("int".equals(type) && (min != Math.rint(min) || max != Math.rint(max))) {
                throw new IllegalArgumentException("type int needs integer min and max, got [" + min + ", " + max + "]");
            }
        } else if (values != null) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values: at least one value is required");
            }
            values = List.copyOf(values);
        }
    }
}
