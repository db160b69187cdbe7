package org.rgflow.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * An ordered set of named {@link Dimension}s. {@link #parameterSpace()} gives a fresh Arbiter
 * {@code ParameterSpace<Map<String, Object>>} whose values are {@code name -> value} maps in this order (fixed
 * dimensions included). The grid generator varies the first free dimension fastest.
 */
public final class SearchSpace {

    private final Map<String, Dimension> dimensions;

    private SearchSpace(Map<String, Dimension> dimensions) {
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    /** @param dimensions name -> dimension, in iteration order; at least one must be free */
    public static SearchSpace of(Map<String, Dimension> dimensions) {
        if (dimensions.values().stream().noneMatch(Dimension::free)) {
            throw new IllegalArgumentException("a search space needs at least one free (non-fixed) dimension, got "
                    + dimensions.keySet());
        }
        return new SearchSpace(dimensions);
    }

    public Map<String, Dimension> dimensions() {
        return dimensions;
    }

    /** Names of all dimensions, fixed ones included: the parameter columns of the results table. */
    public List<String> names() {
        return new ArrayList<>(dimensions.keySet());
    }

    /** Names of the free dimensions. */
    public List<String> freeNames() {
        return dimensions.entrySet().stream().filter(e -> e.getValue().free()).map(Map.Entry::getKey).toList();
    }

    /** A new Arbiter parameter space (new leaves: Arbiter assigns indices to them per generator). */
    public ParameterSpace<Map<String, Object>> parameterSpace() {
        return new NamedParameterSpace(dimensions);
    }
}
