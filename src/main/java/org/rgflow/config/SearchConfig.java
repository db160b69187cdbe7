package org.rgflow.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code rgflow search} config (YAML binding; the CLI maps it to {@code search} objects).
 *
 * @param kind      {@code search}
 * @param name      search name (letters, digits, '.', '_', '-')
 * @param seed      generator seed (random order, genetic operators); training seeds come from {@code base.seed}
 * @param model     {@code rbm} (default; candidates are {@code rgflow train} configs) or {@code thermometer}
 *                  (candidates are {@link ThermometerConfig}s, scored by held-out accuracy)
 * @param base      a {@link TrainConfig} ({@code rbm}) or {@link ThermometerConfig} ({@code thermometer}) without
 *                  {@code name}; every candidate starts from it
 * @param space     parameter name -&gt; dimension, in order; for {@code rbm} the names are {@link TrainConfig}
 *                  keys plus {@code numHidden} (replaces the last layer size); for {@code thermometer}
 *                  {@code hidden0}, {@code hidden1}, ... (replace one entry of {@code hiddenSizes}),
 *                  {@code activation}, {@code learningRate}, {@code l2} (the network, an Arbiter
 *                  {@code MultiLayerSpace}), {@code epochs} and {@code batchSize}
 * @param generator how candidates are drawn
 * @param budget    when to stop
 * @param score     rbm: {@code log-likelihood} (default), {@code pseudo-log-likelihood},
 *                  {@code reconstruction-error}, {@code physics} (observables of generated samples vs the data's,
 *                  per temperature class, NN datasets); thermometer: {@code accuracy} (default and only)
 * @param physics   settings of the physics score (defaults: 1000 samples, 500 Gibbs steps)
 * @param parallel  candidates trained at once (default 2: with {@code OMP_NUM_THREADS=1}, the launcher's default, one
 *                  candidate uses one core; measured faster than 1 on the 2-core box, docs/benchmarks.md)
 */
public record SearchConfig(String kind, String name, Long seed, String model, Map<String, Object> base,
        Map<String, SearchDimensionConfig> space, SearchGeneratorConfig generator, SearchBudgetConfig budget,
        String score, Integer parallel, SearchPhysicsConfig physics) {

    /** Default {@code parallel} (docs/benchmarks.md, "Search parallelism"). */
    public static final int DEFAULT_PARALLEL = 2;

    public SearchConfig {
        kind = Checks.oneOf("kind", kind == null ? "search" : kind, "search");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,80}")) {
            throw new IllegalArgumentException("name: is required: letters, digits, '.', '_' or '-' (at most 81), got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        seed = seed == null ? 0L : seed;
        model = Checks.oneOf("model", model == null ? "rbm" : model, "rbm", "thermometer");
        base = base == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(base));
        if (space == null || space.isEmpty()) {
            throw new IllegalArgumentException("space: at least one parameter is required, e.g. space: {numHidden:"
                    + " {type: int, min: 4, max: 64}}");
        }
        space = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(space));
        generator = generator == null ? new SearchGeneratorConfig(null, null, null) : generator;
        budget = budget == null ? new SearchBudgetConfig(null, null) : budget;
        if ("thermometer".equals(model)) {
            score = Checks.oneOf("score", score == null ? "accuracy" : score, "accuracy");
        } else {
            score = Checks.oneOf("score", score == null ? "log-likelihood" : score, "log-likelihood",
                    "pseudo-log-likelihood", "reconstruction-error", "physics");
        }
        physics = physics == null ? new SearchPhysicsConfig(null, null) : physics;
        parallel = Checks.inRange("parallel", parallel == null ? DEFAULT_PARALLEL : parallel, 1, 256);
    }
}
