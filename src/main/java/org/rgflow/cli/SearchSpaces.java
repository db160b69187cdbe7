package org.rgflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rgflow.config.SearchConfig;
import org.rgflow.config.SearchDimensionConfig;
import org.rgflow.config.ThermometerConfig;
import org.rgflow.config.TrainConfig;
import org.rgflow.search.Dimension;
import org.rgflow.search.RbmSetup;
import org.rgflow.search.SearchSpace;
import org.rgflow.thermometer.ThermometerOptions;

/**
 * Maps a {@link SearchConfig} to {@code search} objects: dimensions, and candidate parameters to a
 * {@link TrainConfig} (base + parameters, validated like any train config) and an {@link RbmSetup}.
 * {@code numHidden} replaces the last layer size.
 */
final class SearchSpaces {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchSpaces() {
    }

    static SearchSpace space(SearchConfig c) {
        Map<String, Dimension> out = new LinkedHashMap<>();
        c.space().forEach((name, d) -> out.put(name, dimension(name, d)));
        try {
            return SearchSpace.of(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("space: " + e.getMessage(), e);
        }
    }

    private static Dimension dimension(String name, SearchDimensionConfig d) {
        try {
            if (d.fixed() != null) {
                return new Dimension.Fixed(d.fixed());
            }
            if (d.values() != null) {
                return new Dimension.Choice(d.values());
            }
            return "int".equals(d.type()) ? new Dimension.IntRange(d.min().intValue(), d.max().intValue(), d.log())
                    : new Dimension.Continuous(d.min(), d.max(), d.log());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("space." + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks an RBM search before any training: every space name is a train-config key or {@code numHidden}, and the
     * visible layer has the dataset's number of sites. Messages name the config file and the key.
     */
    static void checkTrainSpace(SearchConfig c, java.nio.file.Path configFile, int numVisible,
            org.rgflow.data.SpinDataset data) {
        List<String> keys = new ArrayList<>(List.of("numHidden"));
        for (var component : TrainConfig.class.getRecordComponents()) {
            if (!List.of("kind", "name").contains(component.getName())) {
                keys.add(component.getName());
            }
        }
        for (String name : c.space().keySet()) {
            if (!keys.contains(name)) {
                throw new UserException(configFile + ": space." + name + ": not a train-config key; allowed: "
                        + String.join(", ", keys.stream().sorted().toList()));
            }
        }
        int first = trainConfig(c, numVisible, Map.of(), c.name()).layers().get(0);
        if (first != numVisible) {
            throw new UserException(configFile + ": base.layers[0] (numVisible) = " + first + ", but the dataset "
                    + data.dir() + " has " + numVisible + " sites per configuration (L^d = " + data.labels().length()
                    + "^" + data.labels().dimension() + "): search on a dataset with " + first
                    + " sites or set base.layers[0] to " + numVisible);
        }
    }

    /** The base config with the space's largest numHidden, batchSize and numPersistentChains (memory estimates). */
    static TrainConfig largest(SearchConfig c, int numVisible) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String key : List.of("numHidden", "batchSize", "numPersistentChains")) {
            SearchDimensionConfig d = c.space().get(key);
            Number most = d == null ? null : d.fixed() != null ? (d.fixed() instanceof Number n ? n : null)
                    : d.values() != null ? d.values().stream().filter(Number.class::isInstance).map(Number.class::cast)
                            .max(java.util.Comparator.comparingDouble(Number::doubleValue)).orElse(null)
                    : d.max();
            if (most != null) {
                p.put(key, most.intValue());
            }
        }
        try {
            return trainConfig(c, numVisible, p, c.name());
        } catch (IllegalArgumentException e) { // the largest values together are invalid: candidates report that
            return trainConfig(c, numVisible, Map.of(), c.name());
        }
    }

    /** The train config of one candidate: base, then the candidate's parameters; name = search name + index. */
    static TrainConfig trainConfig(SearchConfig c, int numVisible, Map<String, Object> parameters, String name) {
        ObjectNode node = JSON.valueToTree(c.base());
        node.put("name", name);
        if (!node.has("layers")) {
            node.putArray("layers").add(numVisible).add(Math.max(1, numVisible / 4));
        }
        Map<String, Object> rest = new LinkedHashMap<>(parameters);
        Object numHidden = rest.remove("numHidden");
        rest.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        if (numHidden != null) {
            List<Integer> layers = new ArrayList<>();
            node.get("layers").forEach(n -> layers.add(n.asInt()));
            layers.set(layers.size() - 1, ((Number) numHidden).intValue());
            node.set("layers", JSON.valueToTree(layers));
        }
        try {
            return JSON.treeToValue(node, TrainConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("candidate " + parameters + " is not a valid train config: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The thermometer options of one candidate: base, then the parameters; {@code hiddenK} replaces
     * {@code hiddenSizes[K]}.
     */
    static ThermometerOptions thermometerOptions(SearchConfig c, Map<String, Object> parameters) {
        ObjectNode node = JSON.valueToTree(c.base());
        node.put("name", c.name());
        if (!node.has("seed")) {
            node.put("seed", c.seed());
        }
        List<Integer> hidden = new ArrayList<>();
        if (node.has("hiddenSizes")) {
            node.get("hiddenSizes").forEach(n -> hidden.add(n.asInt()));
        } else {
            hidden.addAll(List.of(512, 256, 64));
        }
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("hidden(\\d+)").matcher(e.getKey());
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                if (k >= hidden.size()) {
                    throw new IllegalArgumentException(e.getKey() + ": base.hiddenSizes has only " + hidden.size()
                            + " layers");
                }
                hidden.set(k, ((Number) e.getValue()).intValue());
            } else {
                node.set(e.getKey(), JSON.valueToTree(e.getValue()));
            }
        }
        node.set("hiddenSizes", JSON.valueToTree(hidden));
        try {
            return ThermometerTrainCommand.options(JSON.treeToValue(node, ThermometerConfig.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("candidate " + parameters + " is not a valid thermometer config: "
                    + e.getOriginalMessage(), e);
        }
    }

    static RbmSetup setup(TrainConfig t) {
        int[] sizes = t.layers().stream().mapToInt(Integer::intValue).toArray();
        return new RbmSetup(sizes, t.visibleBias(), t.hiddenBias(), TrainSetup.dtype(t), t.batchSize(),
                TrainSetup.options(t).withCheckpointEvery(0));
    }
}
