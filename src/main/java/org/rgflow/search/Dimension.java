package org.rgflow.search;

import java.util.List;
import java.util.Objects;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;

/**
 * One axis of a search space: an integer range, a continuous range (optionally log-uniform), a list of
 * discrete/categorical values, or a fixed value. Each free dimension maps to exactly one Arbiter leaf whose value
 * is chosen from a number u &isin; [0, 1] (random search: uniform u; grid: equally spaced u, so a log range gives a
 * geometric grid).
 */
public sealed interface Dimension {

    /** Whether the value varies between candidates. */
    default boolean free() {
        return !(this instanceof Fixed);
    }

    /** The Arbiter leaf of a free dimension (a fresh, identity-distinct object each call). */
    ParameterSpace<?> toArbiter();

    /** Converts the leaf's value to this dimension's type (log integer ranges are rounded). */
    default Object convert(Object leafValue) {
        return leafValue;
    }

    /** Integers min..max inclusive; {@code log} = log-uniform, rounded to the nearest integer. */
    record IntRange(int min, int max, boolean log) implements Dimension {
        public IntRange {
            if (min > max || (log && min < 1)) {
                throw new IllegalArgumentException("integer range needs min <= max (and min >= 1 when log), got ["
                        + min + ", " + max + "]");
            }
        }

        @Override
        public ParameterSpace<?> toArbiter() {
            return log ? new UniqueLeaves.Continuous(new LogUniformDistribution(min, max))
                    : new UniqueLeaves.Integers(min, max);
        }

        @Override
        public Object convert(Object leafValue) {
            if (leafValue instanceof Double d) {
                return (int) Math.max(min, Math.min(max, Math.round(d)));
            }
            return leafValue;
        }
    }

    /** Real numbers in [min, max]; {@code log} = log-uniform (min &gt; 0). */
    record Continuous(double min, double max, boolean log) implements Dimension {
        public Continuous {
            if (!(min <= max) || (log && !(min > 0))) {
                throw new IllegalArgumentException("continuous range needs min <= max (and min > 0 when log), got ["
                        + min + ", " + max + "]");
            }
        }

        @Override
        public ParameterSpace<?> toArbiter() {
            return log ? new UniqueLeaves.Continuous(new LogUniformDistribution(min, max))
                    : new UniqueLeaves.Continuous(min, max);
        }
    }

    /** One of the listed values (numbers, booleans or strings). */
    record Choice(List<Object> values) implements Dimension {
        public Choice {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("a discrete dimension needs at least one value");
            }
            values = List.copyOf(values);
        }

        @Override
        public ParameterSpace<?> toArbiter() {
            return new UniqueLeaves.Discrete<>(values);
        }
    }

    /** Always {@code value}; kept out of Arbiter (its grid generator miscounts fixed leaves). */
    record Fixed(Object value) implements Dimension {
        public Fixed {
            Objects.requireNonNull(value, "fixed value");
        }

        @Override
        public ParameterSpace<?> toArbiter() {
            throw new UnsupportedOperationException("a fixed dimension has no Arbiter leaf");
        }
    }
}
