package org.rgflow.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/** Arbiter composite over named {@link Dimension}s; the value is an ordered {@code name -> value} map. */
final class NamedParameterSpace implements ParameterSpace<Map<String, Object>> {

    private final Map<String, Dimension> dimensions;
    private final Map<String, ParameterSpace<?>> leaves = new LinkedHashMap<>();

    NamedParameterSpace(Map<String, Dimension> dimensions) {
        this.dimensions = new LinkedHashMap<>(dimensions);
        dimensions.forEach((name, d) -> {
            if (d.free()) {
                leaves.put(name, d.toArbiter());
            }
        });
    }

    @Override
    public Map<String, Object> getValue(double[] parameterValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        dimensions.forEach((name, d) -> out.put(name, d instanceof Dimension.Fixed f ? f.value()
                : d.convert(leaves.get(name).getValue(parameterValues))));
        return out;
    }

    @Override
    public int numParameters() {
        return leaves.size();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        return new ArrayList<>(leaves.values());
    }

    @Override
    public Map<String, ParameterSpace> getNestedSpaces() {
        return new LinkedHashMap<>(leaves);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("not a leaf");
    }
}
